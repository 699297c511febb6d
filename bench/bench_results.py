"""Benchmark of the full results analysis through its entry point (run by hand, not a test).

    .venv/bin/python bench/bench_results.py [--runs 7] [--seed 2024]

300 participants, 15 criteria, 10 options (bench_domain.py's seeded workshop): group weights,
group ratings, scores and ranks, agreement (spreads, S*, Kendall's W, disputed cells),
stability intervals, rank acceptability with 10,000 samples twice (participants' own weights;
uniform with the group's order kept) and the ranking of every sector, all through
app.domain.analysis.analyse(); then the AHP variant (300 pairwise matrices combined by AIJ).
In the same run, the independent packages do the same computations where they have them:
pymcdm's WSM for the weighted sum and, sample by sample, for rank acceptability; AHPy for
priorities and consistency. Target: the whole analysis under 100 ms.
"""

from __future__ import annotations

import argparse
import itertools
import platform
import statistics
import string
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_domain import CRITERIA, OPTIONS, PARTICIPANTS, build_workshop  # noqa: E402

from app.domain import ahp, group, sensitivity  # noqa: E402
from app.domain.analysis import Analysis, ParticipantInput, analyse  # noqa: E402
from app.domain.elicitation import MethodSettings  # noqa: E402
from app.domain.results import rank_options  # noqa: E402
from app.domain.workshop import Item  # noqa: E402

SECTORS = ["government", "nonprofit", "funder", "community"]
SAMPLES = 10_000


def domain_inputs(seed: int) -> tuple[list[Item], list[Item], list[ParticipantInput], list[Any]]:
    ws = build_workshop(seed)
    criteria = [Item(f"c{j}", f"Criterion {j}", direction=d) for j, d in enumerate(ws.directions)]
    options = [Item(f"o{i}", f"Option {i}") for i in range(OPTIONS)]
    inputs = []
    for p in range(PARTICIPANTS):
        ratings = {
            (options[o].key, criteria[c].key): r
            for o in range(OPTIONS)
            for c, r in enumerate(ws.ratings[p][o])
            if r is not None
        }
        weights = {criteria[c].key: float(v) for c, v in enumerate(ws.points[p])}
        inputs.append(
            ParticipantInput(p + 1, SECTORS[p % len(SECTORS)], weights, ratings, 1.0, None)
        )
    return criteria, options, inputs, ws.judgments


def timed(fn: Any) -> tuple[Any, float]:
    start = time.perf_counter()
    out = fn()
    return out, (time.perf_counter() - start) * 1000


def independent(
    a: Analysis, criteria: list[Item], options: list[Item], aij: list[list[float]]
) -> dict[str, float]:
    """The same computations in pymcdm and AHPy, checked against ours."""
    import ahpy
    from pymcdm.helpers import rrankdata
    from pymcdm.methods import WSM

    out: dict[str, float] = {}
    values = np.array([[a.results.values[o.key][c.key] for c in criteria] for o in options])
    weights = np.array([a.results.weights[c.key] for c in criteria])
    types = np.ones(len(criteria), dtype=int)
    wsm = WSM(normalization_function=lambda x, cost=False: x)
    theirs, out["weighted sum: pymcdm WSM"] = timed(
        lambda: wsm(values, weights, types, validation=False)
    )
    ranking, out["weighted sum: ours (rank_options)"] = timed(
        lambda: rank_options(options, a.results.values, a.results.weights)
    )
    ours = {r.option: r.score for r in ranking}
    assert np.allclose(theirs * 100, [ours[o.key] for o in options]), "pymcdm disagrees"

    # Rank acceptability sample by sample with pymcdm, on our draws (uniform, seed 0).
    rng = np.random.default_rng(0)
    draws = rng.standard_exponential((SAMPLES, len(criteria)))
    draws /= draws.sum(axis=1, keepdims=True)

    def pymcdm_smaa() -> np.ndarray:
        counts = np.zeros((len(options), len(options)))
        for w in draws:
            ranks = rrankdata(wsm(values, w, types, validation=False)).astype(int)
            counts[np.arange(len(options)), ranks - 1] += 1
        return counts / SAMPLES

    theirs_smaa, out[f"rank acceptability {SAMPLES:,}: pymcdm WSM per sample"] = timed(pymcdm_smaa)
    ours_smaa, out[f"rank acceptability {SAMPLES:,}: ours, same draws"] = timed(
        lambda: sensitivity.rank_acceptability(values, weight_sampler=draws)
    )
    # pymcdm averages tied places where we share the best one; with no ties they agree.
    assert np.allclose(np.array(ours_smaa)[:, 0], theirs_smaa[:, 0], atol=1e-3)

    names = (string.ascii_lowercase + string.ascii_uppercase)[: len(criteria)]
    pairs = {
        (names[i], names[j]): float(aij[i][j])
        for i, j in itertools.combinations(range(len(criteria)), 2)
    }
    compare, out["AHP priorities + CR: AHPy"] = timed(
        lambda: ahpy.Compare("group", pairs, precision=8, random_index="saaty")
    )
    _, out["AHP priorities + CR: ours"] = timed(lambda: (ahp.priorities(aij), ahp.consistency(aij)))
    assert np.allclose(ahp.priorities(aij), [compare.local_weights[n] for n in names], atol=1e-6)
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()

    criteria, options, inputs, judgments = domain_inputs(args.seed)
    ahp_inputs = [
        ParticipantInput(p.id, p.sector, p.weights, p.ratings, 1.0, m.tolist())
        for p, m in zip(inputs, judgments, strict=True)
    ]
    default = MethodSettings(samples=SAMPLES, seed=0)
    aij_settings = MethodSettings(elicitation="ahp", weight_aggregation="aij", samples=SAMPLES)
    runs: list[dict[str, float]] = []
    a: Analysis | None = None
    for _ in range(args.runs + 1):  # the first run warms caches and imports; it is dropped
        timings: dict[str, float] = {}
        a, timings["TOTAL analysis, default method (analyse)"] = timed(
            lambda: analyse(criteria, options, inputs, default)
        )
        b, timings["TOTAL analysis, AHP with AIJ (analyse)"] = timed(
            lambda: analyse(criteria, options, ahp_inputs, aij_settings)
        )
        aij = group.aggregate_judgments([p.matrix for p in ahp_inputs])
        assert np.allclose(ahp.priorities(aij), [b.results.weights[c.key] for c in criteria])
        timings.update(independent(a, criteria, options, aij))
        runs.append(timings)
    runs = runs[1:]
    assert a is not None

    print(f"Python {platform.python_version()}, numpy {np.__version__}, {platform.machine()}")
    print(
        f"{PARTICIPANTS} participants x {CRITERIA} criteria x {OPTIONS} options, "
        f"{len(SECTORS)} sectors, {SAMPLES:,} SMAA samples x 2, seed {args.seed}, "
        f"median (min) of {len(runs)} runs\n"
    )
    for name in runs[0]:
        series = [r[name] for r in runs]
        print(f"  {name:<58} {statistics.median(series):9.2f} ms ({min(series):.2f})")
    total = statistics.median(r["TOTAL analysis, default method (analyse)"] for r in runs)
    verdict = "OK" if total < 100 else "OVER BUDGET"
    print(f"\nFull analysis {total:.1f} ms against a 100 ms budget: {verdict}")
    print(f"Top: {a.sensitivity.top}; {a.agreement.sentences[0]}")
    print(a.sensitivity.simulations[1].sentence)


if __name__ == "__main__":
    main()
