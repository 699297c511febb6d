"""The planning files in criteria/planning/ load, and a broken one is refused naming the file
and the field (copies of the real files, each broken one way)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from app.catalogue import PLANNING_DIR, CatalogueError, load_planning


@pytest.fixture
def copy(tmp_path: Path) -> Path:
    target = tmp_path / "planning"
    shutil.copytree(PLANNING_DIR, target)
    return target


def _break(directory: Path, name: str, old: str, new: str) -> None:
    path = directory / name
    text = path.read_text()
    assert old in text, old
    path.write_text(text.replace(old, new, 1))


def test_planning_catalog_loads_the_real_files(planning):
    assert len(planning.questions) == 13
    assert sum(c.kind == "state" for c in planning.cases.values()) == 5
    assert sum(c.kind == "type-example" for c in planning.cases.values()) == 6
    assert len(planning.functions) == 7 and len(planning.staff_roles) == 3
    assert len(planning.phases) == 3 and planning.budget.total == 425_650


def test_planning_catalog_every_question_says_why_it_matters(planning):
    assert all(q.why and q.sources for q in planning.questions.values())


@pytest.mark.parametrize(
    ("name", "old", "new", "file", "field"),
    [
        ("budget.yaml", "year: 2012", "year: 2013", "planning/budget.yaml", "year"),
        ("budget.yaml", "total: 425650", "total: 425000", "planning/budget.yaml", "total"),
        (
            "consequences.yaml",
            "{criterion: contracting-speed, change: more}",
            "{criterion: speed, change: more}",
            "planning/consequences.yaml",
            "rules[0].emphases[0]",
        ),
        (
            "consequences.yaml",
            "contracting-time: [long]",
            "contracting-time: [forever]",
            "planning/consequences.yaml",
            "rules[0].when.contracting-time",
        ),
        (
            "cases.yaml",
            "model: health-department",
            "model: county",
            "planning/cases.yaml",
            "cases[0].model[0]",
        ),
        (
            "cases.yaml",
            "data-trust: wary",
            "data-trust: maybe",
            "planning/cases.yaml",
            "cases[0].features.data-trust",
        ),
        (
            "questionnaire.yaml",
            "    why: >-\n      The states that did best",
            "    whyy: >-\n      The states that did best",
            "planning/questionnaire.yaml",
            "questions[0].why",
        ),
        (
            "backbone.yaml",
            "    carrier: backbone\n    measures:\n      short_term: Policy",
            "    carrier: nobody\n    measures:\n      short_term: Policy",
            "planning/backbone.yaml",
            "functions[3].carrier[0]",
        ),
    ],
)
def test_planning_catalog_names_file_and_field_of_a_broken_file(
    catalogue, copy, name, old, new, file, field
):
    _break(copy, name, old, new)
    with pytest.raises(CatalogueError) as error:
        load_planning(catalogue, copy)
    assert (error.value.file, error.value.field) == (file, field)


def test_planning_catalog_reports_a_missing_file(catalogue, copy):
    (copy / "cases.yaml").unlink()
    with pytest.raises(CatalogueError) as error:
        load_planning(catalogue, copy)
    assert error.value.file == "planning/cases.yaml"


def test_planning_catalog_is_loaded_into_the_app(app):
    assert app.state.planning.budget.year == 2012
