"""Contract tests for the catalogue in criteria/: what API.md fixes, what every entry must
carry, and that a broken file stops loading with a message naming the file and the field."""

from __future__ import annotations

import ast
import shutil
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
import yaml

from app.catalogue import CATALOGUE_DIR, CatalogueError, default_catalogue, load_catalogue
from app.domain.catalogue import Catalogue
from app.services import workshops

QUICK_CRITERIA = ("credibility", "neutrality", "funding", "bureaucracy")
QUICK_MODELS = ("funder", "nonprofit", "government", "multi-org", "steering-committee")
FILES = (
    "sources.yaml",
    "criteria.yaml",
    "models.yaml",
    "reference_profile.yaml",
    "templates.yaml",
    "considerations.yaml",
    "timeline.yaml",
)
SERVICES = Path(__file__).resolve().parents[2] / "app" / "services"


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


# --- the shipped catalogue ---


@pytest.mark.parametrize("name", FILES)
def test_catalogue_dir_holds_every_file(name: str) -> None:
    assert (CATALOGUE_DIR / name).is_file()


def test_load_catalogue_reads_every_file(catalogue: Catalogue) -> None:
    assert len(catalogue.sources) == 5
    assert len(catalogue.criteria) >= 13
    assert len(catalogue.models) >= 10
    assert catalogue.reference
    assert {"quick", "collective-impact", "state-health-department"} <= set(catalogue.templates)
    assert [c.topic for c in catalogue.considerations][0] == "Existing home or new structure"
    assert catalogue.event_labels["decided"] == "Decision recorded"


def test_default_catalogue_is_read_once() -> None:
    assert default_catalogue() is default_catalogue()


def test_quick_template_matches_api_contract(catalogue: Catalogue) -> None:
    quick = catalogue.template("quick")
    assert quick.criteria == QUICK_CRITERIA
    assert quick.models == QUICK_MODELS
    assert catalogue.criteria["bureaucracy"].direction == "cost"


def test_collective_impact_template_covers_all_criteria_and_six_models(
    catalogue: Catalogue,
) -> None:
    template = catalogue.template("collective-impact")
    assert template.criteria == tuple(catalogue.criteria)
    assert template.models == (
        "funder",
        "new-nonprofit",
        "existing-nonprofit",
        "government",
        "multi-org",
        "steering-committee",
    )


def test_state_health_department_template_weighs_own_backbone_against_partners(
    catalogue: Catalogue,
) -> None:
    template = catalogue.template("state-health-department")
    assert template.models[0] == "health-department"
    assert {"public-health-institute", "consulting-firm", "steering-committee"} <= set(
        template.models
    )
    assert {"contracting-speed", "administrative-burden", "infrastructure"} <= set(
        template.criteria
    )


@pytest.mark.parametrize(
    ("key", "direction"),
    [
        ("credibility", "benefit"),
        ("neutrality", "benefit"),
        ("funding", "benefit"),
        ("bureaucracy", "cost"),
        ("accountability", "benefit"),
        ("staff-capacity", "benefit"),
        ("policy-access", "benefit"),
        ("infrastructure", "benefit"),
        ("cross-sector-buy-in", "benefit"),
        ("leadership-stability", "benefit"),
        ("equity-credibility", "benefit"),
        ("contracting-speed", "benefit"),
        ("administrative-burden", "cost"),
    ],
)
def test_criterion_has_expected_direction(catalogue: Catalogue, key: str, direction: str) -> None:
    assert catalogue.criteria[key].direction == direction


@pytest.mark.parametrize(
    "key",
    [
        "funder",
        "nonprofit",
        "new-nonprofit",
        "existing-nonprofit",
        "government",
        "multi-org",
        "steering-committee",
        "health-department",
        "public-health-institute",
        "consulting-firm",
    ],
)
def test_model_has_pros_cons_examples_and_sources(catalogue: Catalogue, key: str) -> None:
    model = catalogue.models[key]
    assert model.summary and model.pros and model.cons and model.examples and model.sources


def test_criteria_have_two_to_four_guiding_questions(catalogue: Catalogue) -> None:
    for criterion in catalogue.criteria.values():
        assert 2 <= len(criterion.guiding_questions) <= 4, criterion.key


def test_criteria_have_anchors_for_one_three_and_five(catalogue: Catalogue) -> None:
    for criterion in catalogue.criteria.values():
        scale = criterion.scale_dict()
        assert list(scale) == ["1", "3", "5"], criterion.key
        assert all(text.strip() for text in scale.values()), criterion.key


def test_reference_profile_covers_every_model_and_criterion(catalogue: Catalogue) -> None:
    for model in catalogue.models:
        for criterion in catalogue.criteria:
            ref = catalogue.reference_for(model, criterion)
            assert ref is not None, (model, criterion)
            assert 1 <= ref.rating <= 5 and ref.reason and ref.sources


def test_reference_for_returns_none_for_unknown_pair(catalogue: Catalogue) -> None:
    assert catalogue.reference_for("funder", "no-such-criterion") is None


def test_reference_profile_rates_cost_as_amount_of_cost(catalogue: Catalogue) -> None:
    # Government's listed drawback is bureaucracy; an external backbone lightens the load.
    assert catalogue.reference_for("government", "bureaucracy").rating >= 4  # type: ignore[union-attr]
    own = catalogue.reference_for("health-department", "administrative-burden")
    external = catalogue.reference_for("public-health-institute", "administrative-burden")
    assert own is not None and external is not None and own.rating > external.rating


def test_catalogue_items_cite_defined_sources(catalogue: Catalogue) -> None:
    cited = [s for c in catalogue.criteria.values() for s in c.sources]
    cited += [s for m in catalogue.models.values() for s in m.sources]
    cited += [s for r in catalogue.reference.values() for s in r.sources]
    cited += [c.source for c in catalogue.considerations]
    assert set(cited) <= set(catalogue.sources)


def test_catalogue_source_keys_are_document_stems(catalogue: Catalogue) -> None:
    for source in catalogue.sources.values():
        assert source.document == f"{source.key}.txt"


def test_catalogue_is_read_only(catalogue: Catalogue) -> None:
    with pytest.raises(TypeError):
        catalogue.criteria["extra"] = catalogue.criteria["credibility"]  # type: ignore[index]
    with pytest.raises(AttributeError):
        catalogue.criteria["funding"].direction = "cost"  # type: ignore[misc]
    with pytest.raises(TypeError):
        catalogue.event_labels["method"] = "Changed"  # type: ignore[index]
    with pytest.raises(AttributeError):
        catalogue.considerations[0].source = "elsewhere"  # type: ignore[misc]


def _recorded_kinds(call: ast.Call) -> list[str]:
    """The event kinds one `add_event(session, workshop_id, kind, ...)` call can record: a
    literal, or an f-string over the item kinds (`f"{kind}-added"`)."""
    kind = call.args[2]
    if isinstance(kind, ast.Constant) and isinstance(kind.value, str):
        return [kind.value]
    assert isinstance(kind, ast.JoinedStr), ast.unparse(kind)
    parts = kind.values
    assert isinstance(parts[0], ast.FormattedValue) and ast.unparse(parts[0].value) == "kind", (
        f"teach this test the kinds of {ast.unparse(kind)}"
    )
    suffix = "".join(str(p.value) for p in parts[1:] if isinstance(p, ast.Constant))
    return [f"{item}{suffix}" for item in sorted(workshops.KINDS)]


def _kinds_the_services_record() -> set[str]:
    kinds: set[str] = set()
    for path in sorted(SERVICES.glob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if (
                isinstance(node, ast.Call)
                and isinstance(node.func, ast.Attribute)
                and node.func.attr == "add_event"
            ):
                kinds.update(_recorded_kinds(node))
    return kinds


def test_every_event_kind_the_services_record_has_a_timeline_label(catalogue: Catalogue) -> None:
    kinds = _kinds_the_services_record()
    assert {"created", "method", "decided", "option-removed"} <= kinds  # the scan finds them
    assert sorted(kinds - set(catalogue.event_labels)) == []


# --- broken files ---

Mutation = Callable[[dict[str, Any]], None]


def _broken_copy(tmp_path: Path, name: str, mutate: Mutation) -> Path:
    directory = tmp_path / "criteria"
    shutil.copytree(CATALOGUE_DIR, directory)
    path = directory / name
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    mutate(data)
    path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")
    return directory


def _set_direction(d: dict[str, Any]) -> None:
    d["criteria"][3]["direction"] = "costly"


def _drop_name(d: dict[str, Any]) -> None:
    del d["criteria"][1]["name"]


def _unknown_source(d: dict[str, Any]) -> None:
    d["models"][2]["sources"].append("no-such-document")


def _unknown_template_model(d: dict[str, Any]) -> None:
    d["templates"][0]["models"][1] = "charity"


def _rating_seven(d: dict[str, Any]) -> None:
    d["profile"][0]["ratings"][2]["rating"] = 7


def _five_questions(d: dict[str, Any]) -> None:
    d["criteria"][0]["guiding_questions"] = ["Why?", "Who?", "How?", "When?", "Where?"]


def _scale_without_three(d: dict[str, Any]) -> None:
    del d["criteria"][2]["scale"][3]


def _extra_field(d: dict[str, Any]) -> None:
    d["models"][0]["colour"] = "blue"


def _duplicate_criterion(d: dict[str, Any]) -> None:
    d["criteria"][4]["key"] = "credibility"


def _missing_rating(d: dict[str, Any]) -> None:
    d["profile"][1]["ratings"].pop()


def _no_quick_template(d: dict[str, Any]) -> None:
    d["templates"][0]["key"] = "fast"


def _text_rating(d: dict[str, Any]) -> None:
    d["profile"][0]["ratings"][0]["rating"] = "4"


def _consideration_unknown_source(d: dict[str, Any]) -> None:
    d["considerations"][2]["source"] = "a-blog-post"


def _consideration_without_text(d: dict[str, Any]) -> None:
    del d["considerations"][0]["text"]


def _event_kind_twice(d: dict[str, Any]) -> None:
    d["events"][3]["kind"] = "created"


def _event_without_label(d: dict[str, Any]) -> None:
    d["events"][1]["label"] = ""


@pytest.mark.parametrize(
    ("name", "mutate", "field", "words"),
    [
        ("criteria.yaml", _set_direction, "criteria[3].direction", "'benefit' or 'cost'"),
        ("criteria.yaml", _drop_name, "criteria[1].name", "required"),
        ("models.yaml", _unknown_source, "models[2].sources[", "no-such-document"),
        ("templates.yaml", _unknown_template_model, "templates[0].models[1]", "charity"),
        ("reference_profile.yaml", _rating_seven, "profile[0].ratings[2].rating", "1 to 5"),
        ("criteria.yaml", _five_questions, "criteria[0].guiding_questions", "at most 4"),
        ("criteria.yaml", _scale_without_three, "criteria[2].scale", "1, 3 and 5"),
        ("models.yaml", _extra_field, "models[0].colour", "not a known field"),
        ("criteria.yaml", _duplicate_criterion, "criteria[4]", "twice"),
        ("reference_profile.yaml", _missing_rating, "profile[1].ratings", "no rating for"),
        ("templates.yaml", _no_quick_template, "templates", "'quick'"),
        ("reference_profile.yaml", _text_rating, "profile[0].ratings[0].rating", "whole number"),
        (
            "considerations.yaml",
            _consideration_unknown_source,
            "considerations[2].source",
            "unknown source 'a-blog-post'",
        ),
        ("considerations.yaml", _consideration_without_text, "considerations[0].text", "required"),
        ("timeline.yaml", _event_kind_twice, "events[3]", "'created' appears twice"),
        ("timeline.yaml", _event_without_label, "events[1].label", "must not be empty"),
    ],
    ids=[
        "bad-direction",
        "missing-field",
        "unknown-source",
        "unknown-template-model",
        "rating-7",
        "five-questions",
        "scale-without-3",
        "extra-field",
        "duplicate-key",
        "incomplete-profile",
        "no-quick-template",
        "rating-as-text",
        "consideration-unknown-source",
        "consideration-without-text",
        "event-kind-twice",
        "event-without-label",
    ],
)
def test_load_catalogue_names_file_and_field_of_broken_entry(
    tmp_path: Path, name: str, mutate: Mutation, field: str, words: str
) -> None:
    directory = _broken_copy(tmp_path, name, mutate)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(directory)
    message = str(caught.value)
    assert f"criteria/{name}: {field}" in message
    assert words in message


def test_load_catalogue_error_starts_with_file_and_field_path(tmp_path: Path) -> None:
    directory = _broken_copy(tmp_path, "criteria.yaml", _set_direction)
    with pytest.raises(CatalogueError) as caught:
        load_catalogue(directory)
    assert str(caught.value) == (
        "criteria/criteria.yaml: criteria[3].direction: must be 'benefit' or 'cost'"
    )
    assert caught.value.file == "criteria/criteria.yaml"
    assert caught.value.field == "criteria[3].direction"


def test_load_catalogue_reports_yaml_syntax_error_with_line(tmp_path: Path) -> None:
    directory = tmp_path / "criteria"
    shutil.copytree(CATALOGUE_DIR, directory)
    (directory / "models.yaml").write_text("models:\n  - key: funder\n    name: [unclosed\n")
    with pytest.raises(CatalogueError, match=r"criteria/models\.yaml: line \d+"):
        load_catalogue(directory)


def test_load_catalogue_rejects_key_written_twice(tmp_path: Path) -> None:
    directory = tmp_path / "criteria"
    shutil.copytree(CATALOGUE_DIR, directory)
    path = directory / "reference_profile.yaml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("rating: 3\n", "rating: 3\n        rating: 5\n", 1))
    with pytest.raises(CatalogueError, match=r"reference_profile\.yaml: line \d+.*appears twice"):
        load_catalogue(directory)


def test_load_catalogue_reports_missing_file(tmp_path: Path) -> None:
    directory = tmp_path / "criteria"
    shutil.copytree(CATALOGUE_DIR, directory)
    (directory / "templates.yaml").unlink()
    with pytest.raises(CatalogueError, match=r"criteria/templates\.yaml: \(file\): cannot be read"):
        load_catalogue(directory)
