"""The catalogue in Spanish (criteria/es/): every English text has its Spanish beside it, a
missing one stops the start naming the file and the key, and a workshop's catalogue items take
the Spanish while custom ones keep what the facilitator typed."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.catalogue import CATALOGUE_DIR, CatalogueError, default_catalogue, load_catalogue
from app.domain.catalogue import Catalogue
from app.domain.results import RankedOption
from app.domain.translation import CatalogueText, check_language, translate_context
from app.domain.workshop import SECTORS, STAGES, Item, Stage, Workshop


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return default_catalogue()


@pytest.fixture(scope="module")
def spanish(catalogue: Catalogue) -> CatalogueText:
    text = catalogue.text_in("es")
    assert text is not None
    return text


def test_spanish_catalogue_covers_every_criterion_model_and_hint(catalogue, spanish):
    assert set(spanish.criteria) == set(catalogue.criteria)
    assert set(spanish.models) == set(catalogue.models)
    assert set(spanish.reasons) == set(catalogue.reference)


def test_spanish_catalogue_names_every_sector_stage_and_event(catalogue, spanish):
    assert set(spanish.sectors) == set(SECTORS)
    assert set(spanish.stages) == {s.value for s in STAGES}
    assert set(catalogue.event_labels) <= set(spanish.events)
    assert set(spanish.considerations) == {c.key for c in catalogue.considerations}


def test_spanish_criteria_have_as_many_questions_as_the_english(catalogue, spanish):
    for key, criterion in catalogue.criteria.items():
        assert len(spanish.criteria[key].guiding_questions) == len(criterion.guiding_questions)
        assert set(spanish.criteria[key].scale) == {"1", "3", "5"}


def test_spanish_texts_are_not_the_english_copied(catalogue, spanish):
    for key, criterion in catalogue.criteria.items():
        assert spanish.criteria[key].description != criterion.description, key
    for key, model in catalogue.models.items():
        assert spanish.models[key].summary != model.summary, key


def test_spanish_catalogue_uses_one_term_for_the_backbone(spanish):
    summaries = " ".join(m.summary for m in spanish.models.values())
    assert "organización de apoyo central" in summaries
    assert "troncal" not in summaries and "columna vertebral" not in summaries


Mutation = Callable[[dict[str, Any]], None]


def _broken_spanish(tmp_path: Path, name: str, mutate: Mutation) -> Path:
    directory = tmp_path / "criteria"
    shutil.copytree(CATALOGUE_DIR, directory)
    path = directory / "es" / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return directory


@pytest.mark.parametrize(
    ("name", "mutate", "field"),
    [
        (
            "criteria.yaml",
            lambda d: d["criteria"].pop("neutrality"),
            "criteria.neutrality",
        ),
        (
            "criteria.yaml",
            lambda d: d["criteria"]["funding"].pop("description"),
            "criteria.funding.description",
        ),
        (
            "criteria.yaml",
            lambda d: d["criteria"]["funding"]["guiding_questions"].pop(),
            "criteria.funding.guiding_questions",
        ),
        ("criteria.yaml", lambda d: d["criteria"]["funding"]["scale"].pop(3), "scale.3"),
        ("models.yaml", lambda d: d["models"].pop("funder"), "models.funder"),
        ("models.yaml", lambda d: d["models"]["government"]["cons"].pop(), "government.cons"),
        (
            "reference_profile.yaml",
            lambda d: d["reasons"]["funder"].pop("credibility"),
            "reasons.funder.credibility",
        ),
        ("labels.yaml", lambda d: d["sectors"].pop("community"), "sectors.community"),
        ("labels.yaml", lambda d: d["stages"].pop("scoring"), "stages.scoring"),
    ],
)
def test_load_catalogue_refuses_a_missing_spanish_text_naming_file_and_key(
    tmp_path: Path, name: str, mutate: Mutation, field: str
) -> None:
    directory = _broken_spanish(tmp_path, name, mutate)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(directory)
    problems = [(p.file, p.field) for p in raised.value.problems]
    assert any(f == f"criteria/es/{name}" and field in k for f, k in problems), problems


def test_load_catalogue_refuses_a_spanish_key_the_english_does_not_have(tmp_path: Path) -> None:
    def extra(d: dict[str, Any]) -> None:
        d["criteria"]["charisma"] = d["criteria"]["funding"]

    directory = _broken_spanish(tmp_path, "criteria.yaml", extra)
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(directory)
    assert raised.value.file == "criteria/es/criteria.yaml"
    assert raised.value.field == "criteria.charisma"


def _workshop(catalogue: Catalogue) -> Workshop:
    c = catalogue.criteria["neutrality"]
    m = catalogue.models["funder"]
    return Workshop(
        id=1,
        title="Taller",
        goal="",
        convener="",
        template="quick",
        stage=Stage.SCORING,
        join_code="ABC",
        revision=1,
        criteria=(
            Item(c.key, c.name, c.description, details={"scale": dict(c.scale_dict())}),
            Item("local-trust", "Local trust", "Typed by the facilitator", custom=True),
        ),
        options=(
            Item(
                m.key,
                m.name,
                m.summary,
                details={"pros": list(m.pros), "reference": {"neutrality": {"rating": 1}}},
            ),
            Item("funder-2", "Our own idea", custom=True),
        ),
        participants=(),
        created_at=datetime(2026, 12, 5, tzinfo=UTC),
    )


def test_translate_puts_catalogue_items_in_spanish_and_keeps_custom_ones(catalogue, spanish):
    w = spanish.workshop(_workshop(catalogue))
    assert w.criteria[0].name == "Neutralidad"
    assert w.criteria[0].details["scale"]["5"] == spanish.criteria["neutrality"].scale["5"]
    assert w.options[0].name == spanish.models["funder"].name
    assert w.options[0].details["reference"]["neutrality"]["reason"].startswith("Las fuentes")
    assert (w.criteria[1].name, w.options[1].name) == ("Local trust", "Our own idea")


def test_translate_context_renames_ranked_catalogue_options_only(catalogue, spanish):
    w = _workshop(catalogue)
    ranking = [RankedOption("funder", "Funder-based backbone", 80, 1, 1.0)]
    ranking.append(RankedOption("funder-2", "Our own idea", 20, 2, 1.0))
    out = translate_context({"w": w, "ranking": ranking}, spanish)
    assert [r.name for r in out["ranking"]] == [spanish.models["funder"].name, "Our own idea"]
    assert dataclasses.replace(w) == w  # the workshop given is left as it was


@pytest.mark.parametrize(("given", "language"), [("es", "es"), ("ES-mx", "es"), ("en", "en")])
def test_check_language_reads_a_language_tag(given: str, language: str) -> None:
    assert check_language(given) == language
