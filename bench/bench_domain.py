"""Benchmark of the decision math on a large seeded workshop (run by hand, not a test).

    .venv/bin/python bench/bench_domain.py [--runs 7] [--seed 2024]

300 participants, 15 criteria, 10 options; weights given as points, ratings 1-5 with a few
cells left blank. Times every step of the results page and, in the same run, the same
computations in independent packages (pymcdm's weighted sum, AHPy's priorities).
Target: the whole results computation under 100 ms.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import statistics
import string
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from app.domain import (  # noqa: E402 - the path tweak lets the script run from anywhere
    agreement,
    ahp,
    group,
    scoring,
    sensitivity,
    weights,
)

PARTICIPANTS, CRITERIA, OPTIONS = 300, 15, 10
SMAA_SAMPLES = 10_000
MISSING_SHARE = 0.03


@dataclass
class Workshop:
    points: list[list[int]]  # participant x criterion
    ratings: list[list[list[int | None]]]  # participant x option x criterion
    directions: list[str]
    judgments: list[np.ndarray]  # participant x (criterion x criterion), for the AHP variant


def build_workshop(seed: int) -> Workshop:
    rng = np.random.default_rng(seed)
    # Participants share a loose view of importance and of each option, plus personal noise,
    # so agreement measures land somewhere realistic rather than at 0 or 1.
    importance = rng.uniform(1, 10, CRITERIA)
    points = np.clip(np.rint(importance + rng.normal(0, 2.5, (PARTICIPANTS, CRITERIA))), 0, 10)
    points[points.sum(axis=1) == 0, 0] = 1
    quality = rng.uniform(1, 5, (OPTIONS, CRITERIA))
    raw = np.clip(np.rint(quality + rng.normal(0, 0.9, (PARTICIPANTS, OPTIONS, CRITERIA))), 1, 5)
    blank = rng.random(raw.shape) < MISSING_SHARE
    ratings = [
        [
            [None if blank[p, o, c] else int(raw[p, o, c]) for c in range(CRITERIA)]
            for o in range(OPTIONS)
        ]
        for p in range(PARTICIPANTS)
    ]
    directions = ["cost" if c % 5 == 4 else "benefit" for c in range(CRITERIA)]
    judgments = []
    scale = np.array(ahp.SAATY_SCALE)
    for _ in range(PARTICIPANTS):
        w = importance * rng.lognormal(0, 0.3, CRITERIA)
        ideal = w[:, None] / w[None, :]
        snapped = scale[np.abs(np.log(ideal)[..., None] - np.log(scale)).argmin(axis=-1)]
        judgments.append(np.triu(snapped, 1) + np.tril(1.0 / snapped.T, -1) + np.eye(CRITERIA))
    return Workshop(points.astype(int).tolist(), ratings, directions, judgments)


def compute_results(ws: Workshop, timings: dict[str, float]) -> dict[str, Any]:
    """The full results computation, step by step, recording each step's wall time (ms)."""

    def step(name: str, fn: Callable[[], Any]) -> Any:
        start = time.perf_counter()
        out = fn()
        timings[name] = (time.perf_counter() - start) * 1000
        return out

    own_weights = step("weights: points -> vectors", lambda: [weights.points(p) for p in ws.points])
    group_weights = step(
        "weights: group mean (AIP arithmetic)",
        lambda: group.aggregate_priorities(own_weights, method="arithmetic"),
    )
    cell_ratings = step(
        "ratings: aggregate 150 cells (mean)",
        lambda: [
            [group.aggregate_ratings([r[o][c] for r in ws.ratings]) for c in range(CRITERIA)]
            for o in range(OPTIONS)
        ],
    )
    values = step("normalize (scale 1-5)", lambda: scoring.normalize(cell_ratings, ws.directions))
    scores = step("weighted sum", lambda: scoring.weighted_sum(values, group_weights))
    ranks = step("competition ranks", lambda: scoring.competition_ranks(scores))
    consensus = step(
        "agreement: AHP consensus S* on weights", lambda: agreement.ahp_consensus(own_weights)
    )

    def own_rankings() -> list[list[float]]:
        # Blank cells take the group's rating so everyone ranks every option.
        stacked = [
            [cell_ratings[o][c] if v is None else v for c, v in enumerate(row)]
            for r in ws.ratings
            for o, row in enumerate(r)
        ]
        normalized = np.array(scoring.normalize(stacked, ws.directions))
        per_person = normalized.reshape(PARTICIPANTS, OPTIONS, CRITERIA)
        own = [scoring.weighted_sum(per_person[p], own_weights[p]) for p in range(PARTICIPANTS)]
        return np.array(own).T.tolist()  # options x participants

    own_scores = step("agreement: participants' own scores", own_rankings)
    kendall = step(
        "agreement: Kendall's W (ties corrected)", lambda: agreement.kendall_w(own_scores)
    )
    intervals = step(
        "stability intervals", lambda: sensitivity.stability_intervals(values, group_weights)
    )
    acceptability = step(
        f"rank acceptability ({SMAA_SAMPLES:,} samples)",
        lambda: sensitivity.rank_acceptability(values, samples=SMAA_SAMPLES, seed=0),
    )
    return {
        "weights": group_weights,
        "scores": scores,
        "ranks": ranks,
        "consensus": consensus,
        "kendall": kendall,
        "intervals": intervals,
        "acceptability": acceptability,
        "values": values,
    }


def time_ahp_variant(ws: Workshop, timings: dict[str, float]) -> np.ndarray:
    start = time.perf_counter()
    aij = group.aggregate_judgments(ws.judgments)
    timings["AHP: aggregate 300 15x15 matrices (AIJ)"] = (time.perf_counter() - start) * 1000
    start = time.perf_counter()
    ahp.priorities(aij)
    ahp.consistency(aij)
    ahp.most_inconsistent(aij)
    timings["AHP: priorities + CR + top-3 (ours)"] = (time.perf_counter() - start) * 1000
    return np.array(aij)


def time_independent(
    values: list[list[float]],
    group_weights: list[float],
    aij: np.ndarray,
    timings: dict[str, float],
) -> None:
    try:
        from pymcdm.methods import WSM
    except ImportError:
        WSM = None  # noqa: N806 - mirrors the class name
    try:
        import ahpy
    except ImportError:
        ahpy = None

    v, w = np.array(values), np.array(group_weights)
    start = time.perf_counter()
    ours = scoring.weighted_sum(values, group_weights)
    timings["weighted sum (ours, same input)"] = (time.perf_counter() - start) * 1000
    if WSM is not None:
        wsm = WSM(normalization_function=lambda x, cost=False: x)
        start = time.perf_counter()
        theirs = wsm(v, w, np.ones(v.shape[1], dtype=int), validation=False)
        timings["weighted sum (pymcdm WSM)"] = (time.perf_counter() - start) * 1000
        assert np.allclose(ours, theirs), "pymcdm disagrees with the weighted sum"
    if ahpy is not None:
        names = (string.ascii_lowercase + string.ascii_uppercase)[: aij.shape[0]]
        pairs = {
            (names[i], names[j]): float(aij[i, j])
            for i, j in itertools.combinations(range(aij.shape[0]), 2)
        }
        start = time.perf_counter()
        compare = ahpy.Compare("group", pairs, precision=8, random_index="saaty")
        timings["AHP: priorities + CR (AHPy)"] = (time.perf_counter() - start) * 1000
        theirs = [compare.local_weights[n] for n in names]
        assert np.allclose(ahp.priorities(aij), theirs, atol=1e-6), "AHPy disagrees"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    ws = build_workshop(args.seed)
    runs: list[dict[str, float]] = []
    result: dict[str, Any] = {}
    for _ in range(args.runs + 1):  # the first run warms caches and imports; it is dropped
        timings: dict[str, float] = {}
        start = time.perf_counter()
        result = compute_results(ws, timings)
        timings["TOTAL results computation"] = (time.perf_counter() - start) * 1000
        aij = time_ahp_variant(ws, timings)
        time_independent(result["values"], result["weights"], aij, timings)
        runs.append(timings)
    runs = runs[1:]

    print(f"Python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    print(
        f"{PARTICIPANTS} participants x {CRITERIA} criteria x {OPTIONS} options, "
        f"seed {args.seed}, median (min) of {len(runs)} runs\n"
    )
    for name in runs[0]:
        series = [r[name] for r in runs]
        print(f"  {name:<44} {statistics.median(series):8.2f} ms ({min(series):.2f})")
    total = statistics.median(r["TOTAL results computation"] for r in runs)
    verdict = "OK" if total < 100 else "OVER BUDGET"
    print(f"\nTotal {total:.1f} ms against a 100 ms budget: {verdict}")
    print(
        f"Top option(s): {[i for i, r in enumerate(result['ranks']) if r == 1]}, "
        f"S* = {result['consensus']:.3f}, Kendall's W = {result['kendall']:.3f}"
    )


if __name__ == "__main__":
    main()
