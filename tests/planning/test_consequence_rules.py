"""Every consequence rule: the answers that make it fire, the answers that keep it silent, and
what it proposes. A rule added to consequences.yaml without a row here fails the suite."""

from __future__ import annotations

import pytest

from app.domain.errors import InvalidInput
from app.domain.planning import check_answers, consequences, fires, model_leans, net_emphases

# rule key, answers that fire it, answers that must not
CASES = [
    (
        "slow-contracting-no-vehicle",
        {"contracting-time": "long"},
        {"contracting-time": "long", "existing-contracts": "with-partner"},
    ),
    (
        "slow-contracting-amendable",
        {"contracting-time": "months", "existing-contracts": "with-partner"},
        {"contracting-time": "weeks", "existing-contracts": "with-partner"},
    ),
    ("contracting-always-takes-time", {"contracting-time": "weeks"}, {"contracting-time": "long"}),
    (
        "supplier-contracts-to-amend",
        {"existing-contracts": "with-suppliers"},
        {"existing-contracts": "none"},
    ),
    ("strong-supplier-ties", {"supplier-ties": "strong"}, {"supplier-ties": "some"}),
    ("weak-supplier-ties", {"supplier-ties": "none"}, {"supplier-ties": "some"}),
    ("data-distrust", {"data-trust": "partly"}, {"data-trust": "shares"}),
    (
        "staff-gap",
        {"staff-data": "none", "staff-facilitation": "dedicated"},
        {"staff-project-management": "part-time", "staff-data": "part-time"},
    ),
    (
        "staff-in-place",
        {
            "staff-project-management": "dedicated",
            "staff-data": "dedicated",
            "staff-facilitation": "dedicated",
        },
        {"staff-project-management": "dedicated", "staff-data": "dedicated"},
    ),
    (
        "aligned-cross-sector-body",
        {"cross-sector-body": "aligned"},
        {"cross-sector-body": "exists"},
    ),
    ("no-cross-sector-body", {"cross-sector-body": "none"}, {"cross-sector-body": "exists"}),
    ("trusted-institute", {"trusted-partner": "institute"}, {"trusted-partner": "consultant"}),
    ("trusted-consultant", {"trusted-partner": "consultant"}, {"trusted-partner": "none"}),
    ("no-funding-yet", {"funding-now": "none"}, {"funding-now": "secured"}),
    ("long-term-funding-open", {"funding-later": "uncertain"}, {"funding-later": "planned"}),
    ("little-admin-capacity", {"admin-load": "little"}, {"admin-load": "some"}),
    ("ample-admin-capacity", {"admin-load": "plenty"}, {"admin-load": "little"}),
    ("diversity-gap", {"reflects-diversity": "not-yet"}, {"reflects-diversity": "broadly"}),
]


def _rule(planning, key):
    return next(r for r in planning.rules if r.key == key)


def test_consequence_rules_every_rule_has_a_case_here(planning):
    assert sorted(r.key for r in planning.rules) == sorted(c[0] for c in CASES)


@pytest.mark.parametrize(("key", "firing", "silent"), CASES, ids=[c[0] for c in CASES])
def test_consequence_rule_fires_on_its_answers_only(planning, key, firing, silent):
    rule = _rule(planning, key)
    assert fires(rule, check_answers(planning, firing))
    assert not fires(rule, check_answers(planning, silent))
    assert key in [c.rule for c in consequences(planning, firing)]
    assert key not in [c.rule for c in consequences(planning, silent)]


@pytest.mark.parametrize("key", [c[0] for c in CASES])
def test_consequence_rule_says_something_and_cites_a_source(planning, catalogue, key):
    rule = _rule(planning, key)
    assert rule.says and rule.sources
    assert all(s in catalogue.sources for s in rule.sources)


def test_consequences_name_the_answers_that_made_them_fire(planning):
    found = consequences(planning, {"staff-data": "none", "staff-facilitation": "none"})
    gap = next(c for c in found if c.rule == "staff-gap")
    assert gap.because == (("staff-data", "none"), ("staff-facilitation", "none"))


def test_long_contracting_weighs_against_a_new_external_partner(planning, models):
    found = consequences(planning, {"contracting-time": "long", "existing-contracts": "none"})
    leans = model_leans(found, models)
    assert leans["public-health-institute"] < 0 and leans["consulting-firm"] < 0
    assert net_emphases(found)["contracting-speed"] == 1


def test_long_contracting_with_an_amendable_contract_does_not_count_against_a_partner(
    planning, models
):
    found = consequences(
        planning, {"contracting-time": "long", "existing-contracts": "with-partner"}
    )
    leans = model_leans(found, models)
    assert leans["public-health-institute"] > 0 and leans["consulting-firm"] > 0
    assert "slow-contracting-no-vehicle" not in [c.rule for c in found]


def test_net_emphases_adds_more_and_takes_less(planning):
    found = consequences(planning, {"funding-now": "none", "funding-later": "none"})
    assert net_emphases(found)["funding"] == 2
    found = consequences(planning, {"admin-load": "plenty"})
    assert net_emphases(found) == {"administrative-burden": -1}


def test_check_answers_refuses_unknown_question_and_option(planning):
    with pytest.raises(InvalidInput) as unknown:
        check_answers(planning, {"budget-size": "big"})
    assert unknown.value.field == "answers.budget-size"
    with pytest.raises(InvalidInput) as wrong:
        check_answers(planning, {"admin-load": "lots"})
    assert wrong.value.field == "answers.admin-load"


def test_check_answers_drops_empty_answers(planning):
    assert check_answers(planning, {"admin-load": None, "data-trust": ""}) == {}
