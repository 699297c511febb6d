"""The catalogue in Spanish (criteria/es/): every English text has its Spanish beside it (the
planning files' too, criteria/es/planning/, and a gloss of every source's title), a missing one
stops the start naming the file and the key, a workshop's catalogue items take the Spanish while
custom ones keep what the facilitator typed, and the sectors API names them in Spanish when
asked."""

from __future__ import annotations

import dataclasses
import shutil
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.catalogue import (
    CATALOGUE_DIR,
    CatalogueError,
    default_catalogue,
    load_catalogue,
    load_planning,
)
from app.domain.catalogue import Catalogue
from app.domain.results import RankedOption
from app.domain.translation import CatalogueText, check_language, translate_context
from app.domain.workshop import SECTORS, STAGES, Item, Stage, Workshop
from tests.support.api import API, open_workshop
from tests.support.pages import page


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


# --- the planning catalogue and the sources in Spanish (criteria/es/planning/, sources.yaml) ---


@pytest.fixture(scope="module")
def planning(catalogue: Catalogue):
    return load_planning(catalogue)


def test_spanish_planning_covers_every_text_a_document_shows(planning, spanish):
    plan = spanish.plan
    assert plan is not None
    assert set(plan.questions) == set(planning.questions)
    assert set(plan.answers) == {
        (q.key, o.key) for q in planning.questions.values() for o in q.options
    }
    assert set(plan.rules) == {r.key for r in planning.rules}
    assert set(plan.cases) == set(planning.cases)
    assert set(plan.functions) == {f.key for f in planning.functions}
    assert set(plan.roles) == {r.key for r in planning.staff_roles}
    assert set(plan.picks) == {(c.key, o.key) for c in planning.selection for o in c.options}
    assert set(plan.steps) == set(planning.step_keys)
    assert set(plan.budget) == {line.key for line in planning.budget.lines}
    assert set(plan.conditions) == {c.key for c in planning.conditions.items}


def test_spanish_planning_texts_are_not_the_english_copied(planning, spanish):
    plan = spanish.plan
    for key, q in planning.questions.items():
        assert plan.questions[key] != q.text, key
    for r in planning.rules:
        assert plan.rules[r.key] != r.says, r.key
    for f in planning.functions:
        assert plan.functions[f.key].name != f.name, f.key
    for case in planning.cases.values():
        if case.kind == "state":  # the named examples are proper names, kept as they are
            assert plan.cases[case.key] != case.name, case.key
    assert "organización de apoyo central" in plan.conditions_intro
    assert not any("troncal" in says for says in plan.rules.values())


def test_spanish_sources_gloss_every_title_and_keep_it_as_published(catalogue, spanish):
    assert set(spanish.sources) == set(catalogue.sources)
    for key, source in catalogue.sources.items():
        assert spanish.sources[key].gloss and spanish.sources[key].gloss != source.title


@pytest.mark.parametrize(
    ("name", "mutate", "field"),
    [
        (
            "questionnaire.yaml",
            lambda d: d["questions"].pop("data-trust"),
            "questions.data-trust",
        ),
        (
            "questionnaire.yaml",
            lambda d: d["questions"]["supplier-ties"]["options"].pop("strong"),
            "questions.supplier-ties.options.strong",
        ),
        ("consequences.yaml", lambda d: d["rules"].pop("staff-gap"), "rules.staff-gap"),
        ("cases.yaml", lambda d: d["cases"].pop("kansas"), "cases.kansas"),
        ("backbone.yaml", lambda d: d["carriers"].pop("partner"), "carriers.partner"),
        (
            "backbone.yaml",
            lambda d: d["functions"]["funding"].pop("measures"),
            "functions.funding.measures",
        ),
        (
            "backbone.yaml",
            lambda d: d["selection"]["process"]["options"].pop("closed"),
            "selection.process.options.closed",
        ),
        (
            "backbone.yaml",
            lambda d: d["phases"]["sustain-action"]["steps"].pop("sustain-community"),
            "phases.sustain-action.steps.sustain-community",
        ),
        (
            "backbone.yaml",
            lambda d: d["conditions"]["items"].pop("shared-measurement"),
            "conditions.items.shared-measurement",
        ),
        ("budget.yaml", lambda d: d["lines"].pop("benefits"), "lines.benefits"),
    ],
)
def test_load_planning_refuses_a_missing_spanish_planning_text_naming_file_and_key(
    tmp_path: Path, name: str, mutate: Mutation, field: str
) -> None:
    directory = _broken_spanish(tmp_path, f"planning/{name}", mutate)
    catalogue = load_catalogue(directory)  # shaped with the catalogue, checked with the plan
    with pytest.raises(CatalogueError) as raised:
        load_planning(catalogue, directory / "planning")
    problems = [(p.file, p.field, p.message) for p in raised.value.problems]
    assert (f"criteria/es/planning/{name}", field, "has no translation") in problems, problems


def test_load_planning_refuses_a_spanish_step_the_english_does_not_have(tmp_path: Path) -> None:
    def extra(d: dict[str, Any]) -> None:
        d["phases"]["initiate-action"]["steps"]["celebrate"] = {"component": "x", "text": "y"}

    directory = _broken_spanish(tmp_path, "planning/backbone.yaml", extra)
    with pytest.raises(CatalogueError) as raised:
        load_planning(load_catalogue(directory), directory / "planning")
    assert raised.value.file == "criteria/es/planning/backbone.yaml"
    assert raised.value.field == "phases.initiate-action.steps.celebrate"


def test_load_catalogue_refuses_a_missing_gloss_or_planning_file(tmp_path: Path) -> None:
    directory = _broken_spanish(tmp_path, "sources.yaml", lambda d: d["sources"].popitem())
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(directory)
    assert raised.value.file == "criteria/es/sources.yaml"
    assert raised.value.field == "sources.multisector-collaborative-backbone-overview"
    (directory / "es" / "planning" / "cases.yaml").unlink()
    with pytest.raises(CatalogueError) as raised:
        load_catalogue(directory)
    assert "criteria/es/planning/cases.yaml" in {p.file for p in raised.value.problems}


# --- GET /api/v1/catalog/sectors in Spanish ---


def test_sectors_api_answers_english_by_default(client):
    response = client.get(f"{API}/catalog/sectors")
    assert response.json() == [{"key": k, "name": n} for k, n in SECTORS.items()]
    assert response.headers["content-language"] == "en"


@pytest.mark.parametrize(
    ("query", "headers"),
    [("?lang=es", {}), ("", {"Accept-Language": "es-MX,es;q=0.9,en;q=0.5"}), ("?lang=ES", {})],
)
def test_sectors_api_answers_spanish_names_when_asked(client, spanish, query, headers):
    response = client.get(f"{API}/catalog/sectors{query}", headers=headers)
    assert response.status_code == 200
    sectors = response.json()
    assert [s["key"] for s in sectors] == list(SECTORS)  # the keys stay the API's
    assert {s["key"]: s["name"] for s in sectors} == dict(spanish.sectors)
    assert {"key": "health-care", "name": "Atención de salud"} in sectors
    assert response.headers["content-language"] == "es"
    assert "accept-language" in response.headers["vary"].lower()


def test_sectors_api_lang_wins_over_accept_language_and_unknown_lang_is_422(client):
    english = client.get(f"{API}/catalog/sectors?lang=en", headers={"Accept-Language": "es"})
    assert english.json()[0] == {"key": "government", "name": "Government"}
    french = client.get(f"{API}/catalog/sectors", headers={"Accept-Language": "fr"})
    assert french.headers["content-language"] == "en"
    refused = client.get(f"{API}/catalog/sectors?lang=fr")
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "language"


def test_spanish_brief_shows_each_published_title_with_its_gloss(client, catalogue, spanish):
    _, workshop = open_workshop(client)
    english = page(client.get(f"/brief?code={workshop['join_code']}&lang=en"))
    doc = page(client.get(f"/brief?code={workshop['join_code']}&lang=es"))
    cited = doc.select('cite[lang="en"]')
    assert cited
    titles = {s.title: key for key, s in catalogue.sources.items()}
    for cite in cited:
        key = titles[cite.get_text()]  # the title as published
        assert cite.next_sibling.strip().startswith(f"[{spanish.sources[key].gloss}]")
    assert "[" not in " ".join(c.next_sibling or "" for c in english.select("cite"))


@pytest.mark.parametrize("named", ["Atención de salud", "ATENCIÓN DE SALUD", "health care"])
def test_join_takes_a_sectors_spanish_name_as_well_as_its_english_one(client, named):
    auth, workshop = open_workshop(client)
    body = {"join_code": workshop["join_code"], "name": "Rosa", "sector": named}
    joined = client.post(f"{API}/join", json=body)
    assert joined.status_code == 201, joined.text
    seen = client.get(f"{API}/workshops/{workshop['id']}", headers=auth).json()
    assert [p["sector"] for p in seen["participants"]] == ["health-care"]


def test_join_refuses_a_sector_named_in_no_language_naming_the_field(client):
    _, workshop = open_workshop(client)
    body = {"join_code": workshop["join_code"], "name": "Rosa", "sector": "Salud pública"}
    refused = client.post(f"{API}/join", json=body)
    assert refused.status_code == 422
    assert refused.json()["errors"][0]["field"] == "sector"
