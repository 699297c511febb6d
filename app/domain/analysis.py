"""The full analysis of a workshop: results by the chosen method, agreement, robustness, sectors."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

import numpy as np

from app.domain import agreement, ahp, explain, sensitivity
from app.domain.elicitation import MethodSettings
from app.domain.errors import InvalidInput
from app.domain.method_results import (
    Cube,
    ParticipantInput,
    SectorRanking,
    by_sector,
    group_results,
)
from app.domain.numbers import check_weight, percent
from app.domain.results import (
    RankedOption,
    Spread,
    WorkshopResults,
    rank_options,
)
from app.domain.workshop import Item

__all__ = [
    "Analysis",
    "ParticipantInput",
    "SectorRanking",
    "analyse",
    "what_if",
    "what_if_sentence",
]


@dataclass(frozen=True)
class WeightAgreement:
    criterion: str
    spread: Spread
    sentence: str


@dataclass(frozen=True)
class DisputedCell:
    option: str
    criterion: str
    spread: Spread
    sentence: str


@dataclass(frozen=True)
class Agreement:
    consensus: float | None  # Goepel's S* of the weights; None with fewer than two people
    consensus_words: str
    kendall_w: float | None
    kendall_words: str
    kendall_raters: int
    weights: list[WeightAgreement]
    disputed: list[DisputedCell]
    sentences: list[str]


@dataclass(frozen=True)
class Interval:
    criterion: str
    name: str
    weight: float
    lower: float
    upper: float
    sentence: str


@dataclass(frozen=True)
class Acceptability:
    option: str
    name: str
    shares: list[float]  # share of draws at rank 1, 2, ...
    sentence: str


@dataclass(frozen=True)
class Simulation:
    source: str  # "participants" | "ordinal"
    title: str
    samples: int
    seed: int
    rows: list[Acceptability]
    sentence: str


@dataclass(frozen=True)
class Sensitivity:
    available: bool
    reason: str
    top: str | None
    intervals: list[Interval] = field(default_factory=list)
    simulations: list[Simulation] = field(default_factory=list)


@dataclass(frozen=True)
class MethodSummary:
    settings: MethodSettings
    label: str
    sentences: list[str]
    inconsistent: int  # participants whose pairwise comparisons have CR > 0.10
    participant_weights: dict[int, float] = field(default_factory=dict)


@dataclass(frozen=True)
class Analysis:
    method: MethodSummary
    results: WorkshopResults
    agreement: Agreement
    sensitivity: Sensitivity
    by_sector: list[SectorRanking]


def analyse(
    criteria: Sequence[Item],
    options: Sequence[Item],
    inputs: Sequence[ParticipantInput],
    settings: MethodSettings | None = None,
    joined: int | None = None,
    min_sector: int = 1,
) -> Analysis:
    """Everything the results page and API show, each figure with its plain-language line.

    min_sector: the smallest sector shown on its own (2 in anonymous workshops, so that no
    sector ranking is one person's answers).
    """
    settings = settings or MethodSettings()
    joined = len(inputs) if joined is None else joined
    results, notes = group_results(criteria, options, inputs, settings, joined)
    inconsistent = _count_inconsistent(inputs)
    cube = Cube(criteria, options, inputs)
    return Analysis(
        method=MethodSummary(
            settings,
            settings.label,
            explain.method_sentences(settings, [p.weight for p in inputs]) + notes,
            inconsistent,
            {p.id: p.weight for p in inputs},
        ),
        results=results,
        agreement=_agreement(criteria, options, inputs, results, cube),
        sensitivity=_sensitivity(criteria, options, inputs, results, settings),
        by_sector=by_sector(criteria, options, inputs, settings, cube, min_sector),
    )


def what_if(
    options: Sequence[Item],
    values: Mapping[str, Mapping[str, float]],
    weights: Mapping[str, float],
) -> list[RankedOption]:
    """The ranking the group's ratings give under other weights (any scale, at least one > 0)."""
    clean = {key: check_weight(value, f"weights.{key}") for key, value in weights.items()}
    total = sum(clean.values())
    if total <= 0:
        raise InvalidInput("Give at least one criterion some weight.", field="weights")
    return rank_options(options, values, {k: v / total for k, v in clean.items()})


def what_if_sentence(current: Sequence[RankedOption], changed: Sequence[RankedOption]) -> str:
    now = [r.name for r in current if r.rank == 1]
    then = [r.name for r in changed if r.rank == 1]
    if now == then:
        return f"With these weights {explain.join_names(then)} would still come first."
    return (
        f"With these weights {explain.join_names(then)} would come first instead of "
        f"{explain.join_names(now)}."
    )


def _count_inconsistent(inputs: Sequence[ParticipantInput]) -> int:
    """How many people's pairwise matrices have CR > 0.10 (all eigenvalues in one batch)."""
    matrices = [p.matrix for p in inputs if p.matrix is not None]
    ratios = ahp.consistency_ratios(matrices) if matrices else []
    return sum(1 for cr in ratios if cr is not None and cr > ahp.CR_LIMIT)


def _agreement(
    criteria: Sequence[Item],
    options: Sequence[Item],
    inputs: Sequence[ParticipantInput],
    results: WorkshopResults,
    cube: Cube,
) -> Agreement:
    sentences: list[str] = []
    vectors = [
        [p.weights.get(c.key, 0.0) for c in criteria]
        for p in inputs
        if p.weights and sum(p.weights.values()) > 0
    ]
    consensus: float | None = None
    consensus_words = ""
    if len(vectors) >= 2 and criteria:
        consensus = agreement.ahp_consensus(vectors)
        consensus_words = explain.word_for(consensus, explain.CONSENSUS_WORDS)
        sentences.append(explain.consensus(consensus, consensus_words, len(vectors)))
    own = cube.own_scores()
    w: float | None = None
    w_words = ""
    if len(own) >= 2 and len(options) >= 2:
        w = agreement.kendall_w(own.T)
        w_words = explain.word_for(w, explain.CONCORDANCE_WORDS)
        sentences.append(explain.concordance(w, w_words, len(own), len(options)))
    weight_rows = [
        WeightAgreement(
            c.key,
            s,
            explain.weight_spread(c.name, s.minimum, s.maximum, s.mean),
        )
        for c in criteria
        if (s := results.weight_spread.get(c.key)) is not None and s.count >= 2
    ]
    names = {o.key: o.name for o in options} | {c.key: c.name for c in criteria}
    disputed = [
        DisputedCell(o, c, s, explain.disputed(names[o], names[c], s.minimum, s.maximum, s.sd))
        for (o, c), s in results.most_divided_cells(5)
    ]
    return Agreement(
        consensus, consensus_words, w, w_words, len(own), weight_rows, disputed, sentences
    )


def _values_matrix(
    criteria: Sequence[Item], options: Sequence[Item], results: WorkshopResults
) -> np.ndarray | None:
    try:
        return np.array(
            [[results.values[o.key][c.key] for c in criteria] for o in options], dtype=float
        )
    except KeyError:
        return None


def _sensitivity(
    criteria: Sequence[Item],
    options: Sequence[Item],
    inputs: Sequence[ParticipantInput],
    results: WorkshopResults,
    settings: MethodSettings,
) -> Sensitivity:
    if len(options) < 2 or not criteria:
        return Sensitivity(False, "Robustness needs at least two options and one criterion.", None)
    values = _values_matrix(criteria, options, results)
    if values is None:
        return Sensitivity(False, "Shown once every option has a rating on every criterion.", None)
    weights = np.array([results.weights[c.key] for c in criteria])
    top_index = sensitivity.top_option(values, weights)
    top = options[top_index].name
    intervals = [
        Interval(
            c.key,
            c.name,
            float(weights[j]),
            lo,
            hi,
            explain.stability(c.name, lo, hi, float(weights[j]), top),
        )
        for j, (c, (lo, hi)) in enumerate(
            zip(criteria, sensitivity.stability_intervals(values, weights), strict=True)
        )
    ]
    sims: list[Simulation] = []
    people = [p for p in inputs if p.weights and sum(p.weights.values()) > 0]
    if people:
        own = np.array([[(p.weights or {}).get(c.key, 0.0) for c in criteria] for p in people])
        own = own / own.sum(axis=1, keepdims=True)
        lam = np.array([p.weight if settings.participant_weights else 1.0 for p in people])
        if lam.sum() <= 0:
            lam = np.ones(len(people))
        rng = np.random.default_rng(settings.seed)
        draws = own[rng.choice(len(people), size=settings.samples, p=lam / lam.sum())]
        sims.append(
            _simulation(
                "participants",
                "Drawing from the participants' own weights",
                values,
                draws,
                options,
                settings,
                "draws of one participant's weights at random",
            )
        )
    order = sorted(range(len(criteria)), key=lambda j: (-weights[j], j))
    sims.append(
        _simulation(
            "ordinal",
            "Any weights that keep the group's order of importance",
            values,
            "ordinal",
            options,
            settings,
            "random weightings that keep the group's order of importance",
            order,
        )
    )
    return Sensitivity(True, "", top, intervals, sims)


def _simulation(
    source: str,
    title: str,
    values: np.ndarray,
    sampler: str | np.ndarray,
    options: Sequence[Item],
    settings: MethodSettings,
    words: str,
    order: Sequence[int] | None = None,
) -> Simulation:
    shares = sensitivity.rank_acceptability(
        values, samples=settings.samples, seed=settings.seed, weight_sampler=sampler, order=order
    )
    rows = [
        Acceptability(
            o.key, o.name, row, explain.acceptability(o.name, row, settings.samples, words)
        )
        for o, row in zip(options, shares, strict=True)
    ]
    rows.sort(key=lambda a: [-s for s in a.shares])
    best = rows[0]
    sentence = (
        f"Over {settings.samples:,} {words} (seed {settings.seed}), {best.name} comes first "
        f"most often: {percent(best.shares[0])} of the time."
    )
    return Simulation(source, title, settings.samples, settings.seed, rows, sentence)
