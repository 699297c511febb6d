"""The full analysis and the elicitation checks, on hand-checkable cases and edge cases."""

from __future__ import annotations

import math
import random

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from app.domain import ahp
from app.domain.analysis import ParticipantInput, analyse, what_if, what_if_sentence
from app.domain.elicitation import (
    MethodSettings,
    check_pairwise,
    pairwise_matrix,
    rank_weights,
    swing_weights,
)
from app.domain.errors import InvalidInput
from app.domain.results import compute_results
from app.domain.workshop import Item

CRITERIA = [
    Item("quality", "Quality"),
    Item("reach", "Reach"),
    Item("cost", "Cost", direction="cost"),
]
OPTIONS = [Item("a", "Agency"), Item("b", "Nonprofit"), Item("c", "Funder")]


def person(pid, weights, ratings, sector="community", weight=1.0, matrix=None):
    return ParticipantInput(pid, sector, weights, ratings, weight, matrix)


def full_ratings(table):
    """{option: (quality, reach, cost)} -> {(option, criterion): rating}."""
    return {(o, c.key): v for o, row in table.items() for c, v in zip(CRITERIA, row, strict=True)}


def random_inputs(seed, people=12):
    rng = random.Random(seed)
    out = []
    for pid in range(1, people + 1):
        weights = {c.key: rng.randint(0, 10) for c in CRITERIA}
        weights["quality"] += 1
        ratings = {
            (o.key, c.key): rng.randint(1, 5)
            for o in OPTIONS
            for c in CRITERIA
            if rng.random() > 0.1
        }
        out.append(person(pid, weights, ratings, sector=rng.choice(["community", "funder"])))
    return out


def test_analysis_default_method_matches_compute_results_exactly():
    inputs = random_inputs(7)
    a = analyse(CRITERIA, OPTIONS, inputs)
    direct = compute_results(
        CRITERIA,
        OPTIONS,
        {p.id: p.weights for p in inputs},
        {p.id: p.ratings for p in inputs},
        joined=len(inputs),
    )
    assert a.results == direct
    assert a.method.label == "points-mean-weighted-sum"


def test_analysis_stability_sentence_names_the_range_and_the_top_option():
    # Quality favours the agency, reach the nonprofit; with equal weights the agency leads.
    ratings = full_ratings({"a": (5, 1, 3), "b": (1, 4, 3), "c": (2, 2, 3)})
    a = analyse(CRITERIA, OPTIONS, [person(1, {"quality": 1, "reach": 1, "cost": 1}, ratings)])
    quality = a.sensitivity.intervals[0]
    # Values: agency (1, 0, .5), nonprofit (0, .75, .5). With quality at t and the others at
    # (1 - t)/2: agency t + .25(1 - t) >= nonprofit .625(1 - t) when t >= 3/11.
    assert quality.lower == pytest.approx(3 / 11)
    assert quality.upper == 1.0
    assert quality.sentence.startswith("If Quality mattered between")
    assert "Agency would still come first" in quality.sentence
    cost = a.sensitivity.intervals[2]
    assert cost.sentence.startswith("However much or little Cost mattered")


def test_analysis_rank_acceptability_repeats_with_the_seed_and_changes_without():
    inputs = random_inputs(3)
    full = [
        person(p.id, p.weights, full_ratings({o.key: (3, 2, 4) for o in OPTIONS})) for p in inputs
    ]
    full[0] = person(
        1, {"quality": 1}, full_ratings({"a": (5, 1, 1), "b": (1, 5, 1), "c": (3, 3, 3)})
    )
    one = analyse(CRITERIA, OPTIONS, full, MethodSettings(seed=1, samples=2000))
    two = analyse(CRITERIA, OPTIONS, full, MethodSettings(seed=1, samples=2000))
    assert one.sensitivity.simulations == two.sensitivity.simulations
    for sim in one.sensitivity.simulations:
        assert sim.samples == 2000 and sim.seed == 1
        for row in sim.rows:
            assert math.fsum(row.shares) == pytest.approx(1.0)


def test_analysis_ordinal_simulation_keeps_the_group_order():
    # Only quality and reach matter to the group; the agency is best on quality, so with
    # quality first in importance the agency can never lose to the nonprofit by much.
    ratings = full_ratings({"a": (5, 4, 3), "b": (1, 5, 3), "c": (1, 1, 3)})
    a = analyse(CRITERIA, OPTIONS, [person(1, {"quality": 6, "reach": 3, "cost": 1}, ratings)])
    ordinal = next(s for s in a.sensitivity.simulations if s.source == "ordinal")
    agency = next(r for r in ordinal.rows if r.option == "a")
    assert agency.shares[0] == pytest.approx(1.0)
    assert "10,000" in ordinal.sentence and "seed 0" in ordinal.sentence


def test_analysis_robustness_waits_for_every_cell():
    ratings = {("a", "quality"): 5}
    a = analyse(CRITERIA, OPTIONS, [person(1, {"quality": 1}, ratings)])
    assert a.sensitivity.available is False
    assert "every option" in a.sensitivity.reason


def test_analysis_one_participant_has_no_consensus_but_no_nan():
    ratings = full_ratings({"a": (5, 1, 3), "b": (1, 4, 3), "c": (2, 2, 3)})
    a = analyse(CRITERIA, OPTIONS, [person(1, {"quality": 1}, ratings)])
    assert a.agreement.consensus is None and a.agreement.kendall_w is None
    assert a.agreement.sentences == []


def test_analysis_single_criterion_gives_whole_range_intervals():
    crit = [CRITERIA[0]]
    ratings = {("a", "quality"): 5, ("b", "quality"): 3, ("c", "quality"): 1}
    a = analyse(crit, OPTIONS, [person(1, {"quality": 5}, ratings)])
    assert [(i.lower, i.upper) for i in a.sensitivity.intervals] == [(0.0, 1.0)]


def test_analysis_identical_people_agree_fully():
    ratings = full_ratings({"a": (5, 1, 3), "b": (1, 4, 3), "c": (2, 2, 3)})
    weights = {"quality": 5, "reach": 3, "cost": 2}
    a = analyse(CRITERIA, OPTIONS, [person(1, weights, ratings), person(2, weights, ratings)])
    assert a.agreement.consensus == pytest.approx(1.0)
    assert a.agreement.consensus_words == "very high"
    assert a.agreement.kendall_w == pytest.approx(1.0)


def test_analysis_by_sector_ranks_each_sector_on_its_own_input():
    likes_a = full_ratings({"a": (5, 5, 1), "b": (1, 1, 5), "c": (3, 3, 3)})
    likes_b = full_ratings({"a": (1, 1, 5), "b": (5, 5, 1), "c": (3, 3, 3)})
    w = {"quality": 1, "reach": 1, "cost": 1}
    inputs = [person(1, w, likes_a, "community"), person(2, w, likes_b, "funder")]
    sectors = {s.sector: s for s in analyse(CRITERIA, OPTIONS, inputs).by_sector}
    assert sectors["community"].ranking[0].option == "a"
    assert sectors["funder"].ranking[0].option == "b"
    assert sectors["funder"].sentence == "Funder (1 person) put Nonprofit first."


def test_analysis_sector_ranking_matches_group_results_for_that_sector():
    inputs = random_inputs(11, people=20)
    settings = MethodSettings(weight_aggregation="geometric", participant_weights=True)
    inputs = [person(p.id, p.weights, p.ratings, p.sector, weight=1 + p.id % 3) for p in inputs]
    a = analyse(CRITERIA, OPTIONS, inputs, settings)
    for sector in a.by_sector:
        members = [p for p in inputs if p.sector == sector.sector]
        alone = analyse(CRITERIA, OPTIONS, members, settings)
        got = [(r.option, r.rank) for r in sector.ranking]
        assert got == [(r.option, r.rank) for r in alone.results.ranking]
        for x, y in zip(sector.ranking, alone.results.ranking, strict=True):
            assert x.score == pytest.approx(y.score)


def test_analysis_median_ignores_one_extreme_rating():
    w = {"quality": 1}
    inputs = [
        person(1, w, {("a", "quality"): 4}),
        person(2, w, {("a", "quality"): 4}),
        person(3, w, {("a", "quality"): 1}),
    ]
    a = analyse(CRITERIA[:1], OPTIONS[:1], inputs, MethodSettings(rating_aggregation="median"))
    assert a.results.scores["a"]["quality"] == 4.0


def test_analysis_participant_weights_count_in_weights_and_ratings():
    inputs = [
        person(1, {"quality": 1}, {("a", "quality"): 5}, weight=3),
        person(2, {"reach": 1}, {("a", "quality"): 1}, weight=1),
    ]
    a = analyse(CRITERIA[:2], OPTIONS[:1], inputs, MethodSettings(participant_weights=True))
    assert a.results.weights == pytest.approx({"quality": 0.75, "reach": 0.25})
    assert a.results.scores["a"]["quality"] == pytest.approx(4.0)


def test_analysis_geometric_mean_with_no_common_criterion_falls_back_and_says_so():
    inputs = [person(1, {"quality": 1}, {}), person(2, {"reach": 1}, {})]
    a = analyse(CRITERIA, OPTIONS, inputs, MethodSettings(weight_aggregation="geometric"))
    assert a.results.weights["quality"] == pytest.approx(0.5)
    assert any("average" in s for s in a.method.sentences)


def test_what_if_reorders_and_says_what_changed():
    ratings = full_ratings({"a": (5, 1, 3), "b": (1, 5, 3), "c": (2, 2, 3)})
    a = analyse(CRITERIA, OPTIONS, [person(1, {"quality": 1}, ratings)])
    changed = what_if(OPTIONS, a.results.values, {"reach": 10})
    assert changed[0].option == "b"
    sentence = what_if_sentence(a.results.ranking, changed)
    assert sentence == "With these weights Nonprofit would come first instead of Agency."


def test_what_if_all_zero_weights_is_invalid():
    with pytest.raises(InvalidInput):
        what_if(OPTIONS, {}, {"quality": 0})


def test_settings_refuse_unknown_keys_and_aij_without_pairs():
    with pytest.raises(InvalidInput) as unknown:
        MethodSettings.from_dict({"colour": "blue"})
    assert unknown.value.field == "colour"
    with pytest.raises(InvalidInput) as aij:
        MethodSettings.from_dict({"weight_aggregation": "aij"})
    assert aij.value.field == "weight_aggregation"
    assert MethodSettings.from_dict({}).is_default


def test_rank_weights_ties_share_positions():
    got = rank_weights(CRITERIA, {"quality": 1, "reach": 1, "cost": 3}, "rank_sum")
    # Rank sum n = 3: 3/6, 2/6, 1/6; the tie shares (3 + 2)/12 each.
    assert got == pytest.approx({"quality": 5 / 12, "reach": 5 / 12, "cost": 1 / 6})


def test_rank_weights_missing_rank_names_the_criterion():
    with pytest.raises(InvalidInput) as error:
        rank_weights(CRITERIA, {"quality": 1, "reach": 2})
    assert error.value.field == "ranks.cost"


def test_swing_weights_all_zero_is_invalid():
    with pytest.raises(InvalidInput):
        swing_weights(CRITERIA, {"quality": 0})


def judgments(matrix, keys):
    return [
        {"first": keys[i], "second": keys[j], "value": matrix[i][j]}
        for i in range(len(keys))
        for j in range(i + 1, len(keys))
    ]


def test_pairwise_check_reproduces_saaty_priorities_and_cr():
    # Consistent 3 x 3: weights 4:2:1 exactly, CR 0.
    keys = [c.key for c in CRITERIA]
    check = check_pairwise(CRITERIA, judgments([[1, 2, 4], [0.5, 1, 2], [0.25, 0.5, 1]], keys))
    assert check.consistent and check.cr == pytest.approx(0.0, abs=1e-12)
    assert check.weights == pytest.approx({"quality": 4 / 7, "reach": 2 / 7, "cost": 1 / 7})


def test_pairwise_check_inconsistent_lists_judgments_worst_first():
    crit = [Item(k, k.title()) for k in "abcd"]
    matrix = [[1, 7, 1 / 7, 3], [1 / 7, 1, 7, 1 / 5], [7, 1 / 7, 1, 5], [1 / 3, 5, 1 / 5, 1]]
    check = check_pairwise(crit, judgments(matrix, "abcd"))
    assert not check.consistent and check.cr > 0.1
    expected = ahp.most_inconsistent(pairwise_matrix(crit, judgments(matrix, "abcd")), k=3)
    assert [(r.first, r.second) for r in check.revisit] == [
        ("abcd"[i], "abcd"[j]) for i, j, _ in expected
    ]
    assert all(r.sentence.startswith("You said ") for r in check.revisit)


def test_pairwise_value_off_the_scale_is_invalid():
    keys = [c.key for c in CRITERIA]
    bad = judgments([[1, 2.5, 4], [0.4, 1, 2], [0.25, 0.5, 1]], keys)
    with pytest.raises(InvalidInput) as error:
        check_pairwise(CRITERIA, bad)
    assert error.value.field == "judgments.0"


def test_population_sd_matches_statistics_pstdev_to_the_last_bit():
    import statistics

    from app.domain.results import population_sd

    rng = random.Random(2024)
    for _ in range(20000):
        xs = [rng.randint(1, 5) for _ in range(rng.randint(2, 300))]
        assert population_sd(xs) == statistics.pstdev(xs)
    assert population_sd([0.1, 0.2, 0.4]) == statistics.pstdev([0.1, 0.2, 0.4])


@st.composite
def workshops(draw):
    people = draw(st.integers(1, 6))
    inputs = []
    for pid in range(1, people + 1):
        weights = {c.key: draw(st.integers(0, 5)) for c in CRITERIA}
        if draw(st.booleans()) and sum(weights.values()) == 0:
            weights["reach"] = 1
        ratings = {
            (o.key, c.key): r
            for o in OPTIONS
            for c in CRITERIA
            if (r := draw(st.one_of(st.none(), st.integers(1, 5)))) is not None
        }
        sector = draw(st.sampled_from(["community", "funder", "government"]))
        inputs.append(person(pid, weights if sum(weights.values()) else None, ratings, sector))
    settings = MethodSettings(
        weight_aggregation=draw(st.sampled_from(["arithmetic", "geometric"])),
        rating_aggregation=draw(st.sampled_from(["mean", "median"])),
        participant_weights=draw(st.booleans()),
        samples=200,
    )
    return inputs, settings


def _numbers(a):
    yield from a.results.weights.values()
    yield from (r.score for r in a.results.ranking)
    for value in (a.agreement.consensus, a.agreement.kendall_w):
        if value is not None:
            yield value
    for i in a.sensitivity.intervals:
        yield from (i.lower, i.upper, i.weight)
    for sim in a.sensitivity.simulations:
        for row in sim.rows:
            yield from row.shares
    for sector in a.by_sector:
        yield from (r.score for r in sector.ranking)


@settings(max_examples=60, deadline=None)
@given(workshops())
def test_analysis_gives_finite_figures_for_any_input(case):
    inputs, method = case
    a = analyse(CRITERIA, OPTIONS, inputs, method)
    assert all(math.isfinite(x) for x in _numbers(a))
    assert math.fsum(a.results.weights.values()) == pytest.approx(1.0)
    if method.is_default:
        direct = compute_results(
            CRITERIA,
            OPTIONS,
            {p.id: p.weights for p in inputs if p.weights},
            {p.id: p.ratings for p in inputs if p.ratings},
            joined=len(inputs),
        )
        assert a.results == direct


def test_analysis_by_sector_can_leave_out_sectors_of_one():
    ratings = full_ratings({"a": (5, 5, 1), "b": (1, 1, 5), "c": (3, 3, 3)})
    w = {"quality": 1}
    inputs = [
        person(1, w, ratings, "community"),
        person(2, w, ratings, "community"),
        person(3, w, ratings, "funder"),
    ]
    sectors = analyse(CRITERIA, OPTIONS, inputs, min_sector=2).by_sector
    assert [s.sector for s in sectors] == ["community"]
