"""The planning math on hand-checked figures: similarity ranking, the leading model, budget
arithmetic, the workshop proposal, the functions matrix and the plan summary."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.domain.errors import InvalidInput
from app.domain.planning import (
    PlanState,
    budget,
    check_budget_lines,
    check_carriers,
    check_phases,
    check_staff,
    consequences,
    functions_matrix,
    largest_remainder,
    leading_model,
    plan_summary,
    propose_workshop,
    rank_cases,
    similarity,
)

# Hand-checked, over the questions both sides answered (a case answers only what its source
# says; the planner answered these three):
#   Wisconsin: supplier-ties strong = 1, contracting long = 1 (no data-trust) -> 2/2, net +2
#   Kansas: supplier-ties some vs strong = 1/2 (one step of two), contracting long = 1,
#           data wary = 1                                               -> 2.5/3, net +2
#   Michigan, Missouri, Utah: contracting long = 1 (nothing else shared) -> 1/1, net +1
#   the six type examples answer nothing                                -> 0
ANSWERS = {"supplier-ties": "strong", "contracting-time": "long", "data-trust": "wary"}


def test_similarity_ranking_on_hand_checked_answers(planning):
    ranked = [(m.case.key, m.score, m.shared, m.standing) for m in rank_cases(planning, ANSWERS)]
    assert ranked[:5] == [
        ("wisconsin", 1.0, 2, 2.0),
        ("kansas", 0.8333, 3, 2.0),
        ("michigan", 1.0, 1, 1.0),
        ("missouri", 1.0, 1, 1.0),
        ("utah", 1.0, 1, 1.0),
    ]
    assert all(score == 0 and shared == 0 for _, score, shared, _ in ranked[5:])


def test_similarity_says_which_answers_made_a_case_alike(planning):
    kansas = similarity(planning, ANSWERS, planning.cases["kansas"])
    assert kansas.alike == (("contracting-time", "long"), ("data-trust", "wary"))
    assert kansas.near == (("supplier-ties", "strong", "some"),)
    assert (kansas.differ, kansas.unknown, kansas.coverage) == ((), (), 1.0)


# A department like Wisconsin's, every question answered: close to its providers, trusted
# with their data, staffed, no outside partner or cross-sector body to lean on.
WISCONSIN_LIKE = {
    "supplier-ties": "strong",
    "existing-contracts": "none",
    "contracting-time": "long",
    "data-trust": "shares",
    "staff-project-management": "dedicated",
    "staff-data": "dedicated",
    "staff-facilitation": "dedicated",
    "cross-sector-body": "none",
    "trusted-partner": "none",
    "funding-now": "secured",
    "funding-later": "uncertain",
    "admin-load": "some",
    "reflects-diversity": "partly",
}


def test_similarity_answering_as_wisconsin_finds_wisconsin_first_and_high(planning):
    assert set(WISCONSIN_LIKE) == set(planning.questions)
    first, second = rank_cases(planning, WISCONSIN_LIKE)[:2]
    assert first.case.key == "wisconsin"
    # 100 % on the two questions its source answers, which are 2 of the planner's 13.
    assert (first.score, first.shared, first.coverage) == (1.0, 2, 0.1538)
    assert len(first.unknown) == 11 and first.standing > second.standing


@pytest.mark.parametrize("state", ["kansas", "wisconsin", "michigan", "missouri", "utah"])
def test_similarity_answering_as_a_state_ranks_it_first_at_full_score(planning, state):
    answers = dict(planning.cases[state].features)
    first, second = rank_cases(planning, answers)[:2]
    assert (first.case.key, first.score, first.coverage) == (state, 1.0, 1.0)
    assert (first.standing, first.score) > (second.standing, second.score)


def test_similarity_scores_only_the_shared_questions(planning):
    # Michigan's source is silent on supplier ties: it counts neither for nor against.
    match = similarity(
        planning, {"contracting-time": "long", "supplier-ties": "none"}, planning.cases["michigan"]
    )
    assert (match.score, match.shared, match.coverage) == (1.0, 1, 0.5)
    assert match.unknown == ("supplier-ties",)


def test_rank_a_strong_match_on_five_beats_a_perfect_match_on_one(planning):
    mine = {q: planning.questions[q].options[0].key for q in list(planning.questions)[:8]}
    keys = list(mine)
    other = {q: planning.questions[q].options[-1].key for q in keys}

    def case(key, same, different):
        features = [(q, mine[q]) for q in same] + [(q, other[q]) for q in different]
        return replace(planning.cases["utah"], key=key, features=tuple(features))

    cases = {
        "one-perfect": case("one-perfect", keys[:1], []),
        "four-of-five": case("four-of-five", keys[:4], keys[4:5]),
        "four-of-eight": case("four-of-eight", keys[:4], keys[4:8]),
        "three-of-three": case("three-of-three", keys[:3], []),
    }
    ranked = [m.case.key for m in rank_cases(replace(planning, cases=cases), mine)]
    # Net agreement +3, +3 (the higher score first), +1, 0.
    assert ranked == ["three-of-three", "four-of-five", "one-perfect", "four-of-eight"]


def test_similarity_without_answers_is_zero_for_every_case(planning):
    assert {(m.score, m.coverage) for m in rank_cases(planning, {})} == {(0.0, 0.0)}


def test_similarity_unordered_question_gives_no_half_credit(planning):
    match = similarity(planning, {"trusted-partner": "consultant"}, planning.cases["michigan"])
    assert match.score == 0 and match.near == ()
    match = similarity(planning, {"trusted-partner": "institute"}, planning.cases["michigan"])
    assert match.score == 1.0 and match.alike == (("trusted-partner", "institute"),)


def test_leading_model_follows_the_leans(planning, models):
    answers = {"admin-load": "little", "trusted-partner": "consultant", "supplier-ties": "none"}
    lead = leading_model(planning, answers, models)
    # consultant +1, little admin +1, weak ties +1 for the firm; the institute gets +2.
    assert dict(lead.leans)["consulting-firm"] == 3
    assert lead.model == "consulting-firm" and not lead.chosen


def test_leading_model_breaks_a_tie_with_the_most_similar_case(planning, models):
    # No rule leans here; Utah is the only case with this answer.
    lead = leading_model(planning, {"cross-sector-body": "exists"}, models)
    assert set(dict(lead.leans).values()) == {0}
    assert lead.model == "steering-committee"


def test_leading_model_keeps_the_planners_choice(planning, models):
    lead = leading_model(planning, {"admin-load": "little"}, models, chosen="health-department")
    assert lead.model == "health-department" and lead.chosen


def test_budget_reference_adds_up_to_425650_in_2012(planning):
    b = budget(planning, PlanState())
    assert (b.total, b.year, b.salaries, b.difference) == (425_650, 2012, 225_000, 0)
    assert [line.amount for line in b.lines] == [
        80_000,
        55_000,
        65_000,
        25_000,
        45_000,
        90_000,
        16_000,
        45_000,
        0,
        3_650,
        1_000,
    ]


def test_budget_benefits_follow_edited_salaries(planning):
    amounts, custom = check_budget_lines(planning, [{"key": "salary-facilitator", "amount": 60000}])
    b = budget(planning, PlanState(amounts=amounts, custom_lines=custom))
    benefits = next(line for line in b.lines if line.key == "benefits")
    assert b.salaries == 230_000 and benefits.amount == 46_000 and benefits.computed
    assert b.total == 425_650 + 5_000 + 1_000


def test_budget_explicit_benefits_and_added_line(planning):
    lines = [
        {"key": "benefits", "amount": "50,000"},
        {"label": "Translation and interpreting", "amount": 7500},
    ]
    amounts, custom = check_budget_lines(planning, lines)
    b = budget(planning, PlanState(amounts=amounts, custom_lines=custom))
    assert custom[0].key == "translation-and-interpreting"
    assert b.total == 425_650 + 5_000 + 7_500 and b.difference == 12_500
    assert b.lines[-1].custom and b.lines[-1].reference is None


def test_budget_empty_amount_restores_the_reference(planning):
    amounts, _ = check_budget_lines(planning, [{"key": "office", "amount": ""}])
    assert amounts == {}


@pytest.mark.parametrize(
    ("line", "field"),
    [
        ({"key": "office", "amount": -1}, "lines[0].amount"),
        ({"key": "office", "amount": "lots"}, "lines[0].amount"),
        ({"key": "office", "amount": 10.5}, "lines[0].amount"),
        ({"key": "office", "amount": float("inf")}, "lines[0].amount"),
        ({"amount": 100}, "lines[0].label"),
    ],
)
def test_budget_refuses_bad_lines_naming_the_field(planning, line, field):
    with pytest.raises(InvalidInput) as error:
        check_budget_lines(planning, [line])
    assert error.value.field == field


def test_budget_refuses_a_line_twice(planning):
    with pytest.raises(InvalidInput) as error:
        check_budget_lines(
            planning, [{"key": "office", "amount": 1}, {"key": "office", "amount": 2}]
        )
    assert error.value.field == "lines[1].key"


def test_largest_remainder_sums_exactly_to_100():
    assert largest_remainder({"a": 1.0, "b": 1.0, "c": 1.0}) == {"a": 34, "b": 33, "c": 33}
    assert largest_remainder({"a": 3.0, "b": 2.0, "c": 2.0, "d": 1.0}) == {
        "a": 38,
        "b": 25,
        "c": 25,
        "d": 12,
    }


def test_proposal_weighs_emphasized_criteria_more_and_adds_missing_ones(planning, catalogue):
    template = catalogue.template(planning.template).criteria
    found = consequences(planning, {"data-trust": "wary", "admin-load": "plenty"})
    proposal = propose_workshop(template, found, list(catalogue.criteria))
    # credibility is not in the template; the data rule asks for more of it.
    assert proposal.criteria == (*template, "credibility")
    # raw: neutrality 3, credibility 3, administrative-burden 1, five others 2 -> 17 in all;
    # 100/17 per step: floors 17, 17, 5 and 11 each leave 6 points for the largest remainders
    # (.88 administrative burden, then .76 for each of the five), none for .65.
    assert proposal.points["neutrality"] == proposal.points["credibility"] == 17
    assert proposal.points["administrative-burden"] == 6
    assert proposal.points["funding"] == 12
    assert sum(proposal.points.values()) == 100
    assert proposal.reasons["neutrality"] == ("data-distrust",)


def test_proposal_without_answers_is_equal_over_the_template(planning, catalogue):
    template = catalogue.template(planning.template).criteria
    proposal = propose_workshop(template, [], list(catalogue.criteria))
    assert proposal.criteria == template
    assert max(proposal.points.values()) - min(proposal.points.values()) <= 1


def test_functions_matrix_defaults_depend_on_the_model_and_can_be_changed(planning):
    own = {r.key: r.carrier for r in functions_matrix(planning, "health-department", {})}
    external = {r.key: r.carrier for r in functions_matrix(planning, "consulting-firm", {})}
    # The deck lists all seven as the backbone's: each defaults to it. Under a department-run
    # backbone, outreach goes to a partner (outside organizations reach communities more easily).
    assert set(external.values()) == {"backbone"}
    assert own["community-outreach"] == "partner" and external["community-outreach"] == "backbone"
    changed = functions_matrix(planning, "consulting-firm", {"funding": "department"})
    row = next(r for r in changed if r.key == "funding")
    assert (row.carrier, row.default_carrier) == ("department", "backbone")
    assert len(own) == 7


def test_plan_checks_refuse_unknown_keys(planning):
    for call, field in [
        (lambda: check_carriers(planning, {"funding": "nobody"}), "carriers.funding"),
        (lambda: check_staff(planning, {"data-manager": -1}), "staff.data-manager"),
        (lambda: check_staff(planning, {"janitor": 1}), "staff.janitor"),
        (lambda: check_phases(planning, ["phase-iv"]), "phases_done"),
    ]:
        with pytest.raises(InvalidInput) as error:
            call()
        assert error.value.field == field


def test_plan_summary_has_every_section(planning, catalogue, models):
    names = {k: catalogue.models[k].name for k in models}
    state = PlanState(
        model="consulting-firm",
        staff={"facilitator": 0.5},
        selection={"home": "existing", "process": "closed"},
        phases_done=("initiate-governance",),
        reports_to="Chronic disease director",
    )
    summary = plan_summary(planning, "Plan", ANSWERS, state, names)
    assert summary.model == "consulting-firm" and summary.model_chosen
    assert len(summary.answers) == len(planning.questions)
    assert [a.answer_label for a in summary.answers if a.question == "data-trust"] == [
        "No, they are cautious about sharing with the state"
    ]
    assert {c.rule for c in summary.consequences} >= {"slow-contracting-no-vehicle"}
    assert summary.total_fte == 2.5
    # The half-time facilitator pays half the reference salary, and benefits follow.
    assert (summary.budget.total, summary.budget.year) == (425_650 - 27_500 - 5_500, 2012)
    assert [s.choice for s in summary.selection] == ["existing", "closed", None]
    assert sum(p.done for p in summary.phases) == 1 and len(summary.phases) == 12
    assert len(summary.functions) == 7 and summary.reports_to == "Chronic disease director"


def test_plan_state_round_trips_through_json(planning):
    amounts, custom = check_budget_lines(planning, [{"label": "Extra", "amount": 5}])
    state = PlanState(
        model="health-department", custom_lines=custom, phases_done=("sustain-planning",)
    )
    assert PlanState.from_json(state.to_json()) == state
