"""A case holds only what its source says: every answer in cases.yaml names passages of
support.yaml, each passage's few locator words are found verbatim in the document it cites,
and an answer without support, or support without an answer, fails."""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest
import yaml

from app.catalogue import CATALOGUE_DIR, PLANNING_DIR


def _read(path: Path, key: str) -> list[dict]:
    return yaml.safe_load(path.read_text())[key]


CASES = _read(PLANNING_DIR / "cases.yaml", "cases")
PASSAGES = {p["id"]: p for p in _read(PLANNING_DIR / "support.yaml", "passages")}
FILES = {s["key"]: s["file"] for s in _read(CATALOGUE_DIR / "sources.yaml", "sources")}
CASE_IDS = [c["key"] for c in CASES]
# The copy check flags runs of ten words shared with a source; a locator stays below that.
MAX_LOCATOR_WORDS = 9


def _words(text: str) -> list[str]:
    return re.findall(r"[a-z0-9']+", text.lower())


def _sources_dir() -> Path | None:
    """The source documents: $BACKBONE_SOURCES_DIR, else shared/sources beside a parent of
    the checkout (the project keeps them outside the repository, read-only)."""
    if os.environ.get("BACKBONE_SOURCES_DIR"):
        return Path(os.environ["BACKBONE_SOURCES_DIR"])
    for parent in Path(__file__).resolve().parents:
        candidate = parent / "shared" / "sources"
        if candidate.is_dir():
            return candidate
    return None


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_case_support_every_answer_has_a_passage_and_every_passage_an_answer(case):
    features, support = case.get("features", {}), case.get("support", {})
    assert set(support) == set(features), (
        f"{case['key']}: answers without support {sorted(set(features) - set(support))}, "
        f"support without an answer {sorted(set(support) - set(features))}"
    )
    for question, ids in support.items():
        assert ids, f"{case['key']}: {question} names no passage"
        unknown = [i for i in ids if i not in PASSAGES]
        assert not unknown, f"{case['key']}: {question}: no passage {unknown} in support.yaml"


@pytest.mark.parametrize("case", CASES, ids=CASE_IDS)
def test_case_support_passages_come_from_the_cases_own_sources(case):
    for question, ids in case.get("support", {}).items():
        for i in ids:
            assert PASSAGES[i]["source"] in case["sources"], f"{case['key']}: {question}: {i}"


def test_case_support_passages_are_short_used_and_cite_a_known_document():
    used = {i for c in CASES for ids in c.get("support", {}).values() for i in ids}
    assert set(PASSAGES) == used, f"unused passages: {sorted(set(PASSAGES) - used)}"
    for p in PASSAGES.values():
        assert p["source"] in FILES, p["id"]
        assert 3 <= len(_words(p["locator"])) <= MAX_LOCATOR_WORDS, p["id"]
        assert p["says"].strip(), p["id"]


@pytest.mark.parametrize("passage", list(PASSAGES.values()), ids=list(PASSAGES))
def test_case_support_locator_is_found_verbatim_in_its_document(passage):
    directory = _sources_dir()
    if directory is None:
        pytest.skip("the source documents are not on this machine (set BACKBONE_SOURCES_DIR)")
    text = " ".join((directory / FILES[passage["source"]]).read_text().split())
    assert " ".join(passage["locator"].split()) in text, (
        f"{passage['id']}: '{passage['locator']}' is not in {FILES[passage['source']]}"
    )


def test_case_support_type_examples_answer_nothing_the_deck_does_not_say():
    # The deck names each example beside its type's pros and cons and no more.
    examples = [c for c in CASES if c["kind"] == "type-example"]
    assert len(examples) == 6 and not any(c.get("features") for c in examples)
