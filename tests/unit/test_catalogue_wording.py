"""Reasons and drawbacks say no more than their sources: Missouri's view stays Missouri's
belief, contracting delays are the ones the states report, and the traits of successful
backbones the deck lists are asked about in the criteria's guiding questions."""

from __future__ import annotations

import pytest

from app.catalogue import load_catalogue
from app.domain.catalogue import Catalogue


@pytest.fixture(scope="module")
def catalogue() -> Catalogue:
    return load_catalogue()


def _reason(catalogue: Catalogue, model: str, criterion: str) -> str:
    ref = catalogue.reference_for(model, criterion)
    assert ref is not None
    return ref.reason


def test_catalogue_wording_missouri_belief_stays_a_belief(catalogue):
    assert "believes" in _reason(catalogue, "consulting-firm", "staff-capacity")


def test_catalogue_wording_contracting_reasons_claim_no_speed_the_source_lacks(catalogue):
    institute = _reason(catalogue, "public-health-institute", "contracting-speed")
    firm = _reason(catalogue, "consulting-firm", "contracting-speed")
    assert "faster" not in institute and "various organizations" in institute
    assert "keep pace" not in firm and "does not say" in firm


def test_catalogue_wording_institute_drawback_rests_on_michigans_account(catalogue):
    cons = catalogue.models["public-health-institute"].cons
    assert not any("little to add" in c for c in cons)
    assert any("Michigan" in c and "trust" in c for c in cons)


def test_catalogue_wording_deck_traits_are_guiding_questions(catalogue):
    asked = " ".join(q for c in catalogue.criteria.values() for q in c.guiding_questions)
    for trait in ("cannot wait", "a hard problem", "out of the spotlight"):
        assert trait in asked
