"""Plain-language sentences and number formats for every figure the results show."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from app.domain.numbers import percent

if TYPE_CHECKING:
    from app.domain.elicitation import MethodSettings

# Goepel's (2018) reading of the consensus S*, as used by his AHP online system.
CONSENSUS_WORDS: tuple[tuple[float, str], ...] = (
    (0.50, "very low"),
    (0.65, "low"),
    (0.75, "moderate"),
    (0.85, "high"),
    (1.01, "very high"),
)

# A common reading of Kendall's W (after Schmidt 1997), in words a meeting can use.
CONCORDANCE_WORDS: tuple[tuple[float, str], ...] = (
    (0.10, "almost no shared order"),
    (0.30, "weak agreement"),
    (0.50, "moderate agreement"),
    (0.70, "strong agreement"),
    (1.01, "very strong agreement"),
)

# Saaty's fundamental scale in words; even numbers sit between their neighbours.
SAATY_WORDS: dict[int, str] = {
    1: "equally important",
    2: "equally to moderately more important",
    3: "moderately more important",
    4: "moderately to strongly more important",
    5: "strongly more important",
    6: "strongly to very strongly more important",
    7: "very strongly more important",
    8: "very to extremely more important",
    9: "extremely more important",
}


def word_for(value: float, scale: Sequence[tuple[float, str]]) -> str:
    for limit, word in scale:
        if value < limit:
            return word
    return scale[-1][1]


def judgment_words(first: str, second: str, value: float) -> str:
    """'Credibility is strongly more important than Cost' for a_ij = 5 (or the reverse for 1/5)."""
    if abs(value - 1) < 1e-9:
        return f"{first} and {second} are equally important"
    if value < 1:
        first, second, value = second, first, 1 / value
    return f"{first} is {SAATY_WORDS[round(value)]} than {second}"


def judgment_label(value: float) -> str:
    """'5' or '1/5': a Saaty value as people write it."""
    if value >= 1:
        return f"{round(value)}"
    return f"1/{round(1 / value)}"


def join_names(names: Sequence[str]) -> str:
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + " and " + names[-1]


def stability(criterion: str, lower: float, upper: float, weight: float, top: str) -> str:
    if lower <= 1e-9 and upper >= 1 - 1e-9:
        return f"However much or little {criterion} mattered, {top} would still come first."
    return (
        f"If {criterion} mattered between {percent(lower)} and {percent(upper)} "
        f"(now {percent(weight)}), {top} would still come first."
    )


def acceptability(option: str, shares: Sequence[float], samples: int, source: str) -> str:
    """One line per option: how often it comes first, and where it usually lands if not."""
    count = round(shares[0] * samples)
    line = f"{option} comes first in {count:,} of {samples:,} {source} ({percent(shares[0])})"
    place = max(range(len(shares)), key=lambda k: (shares[k], -k))
    if place > 0:
        line += f"; it most often comes {ordinal(place + 1)} ({percent(shares[place])})"
    return line + "."


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def consensus(value: float, word: str, people: int) -> str:
    return (
        f"Consensus on the weights is {word} ({percent(value)}, Goepel's S* over {people} people): "
        "100% would mean everyone weighted the criteria alike."
    )


def concordance(value: float, word: str, people: int, options: int) -> str:
    return (
        f"Ranking the {options} options each by their own weights and ratings, the {people} "
        f"people show {word} (Kendall's W = {value:.2f}; 1 = everyone ranks them the same)."
    )


def weight_spread(criterion: str, low: float, high: float, mean: float) -> str:
    return (
        f"People gave {criterion} between {percent(low)} and {percent(high)} of their weight "
        f"({percent(mean)} on average)."
    )


def disputed(option: str, criterion: str, low: float, high: float, sd: float) -> str:
    return (
        f"{option} on {criterion}: ratings run from {low:g} to {high:g} "
        f"(typical distance from the average {sd:.1f} points): worth talking through."
    )


def method_sentences(settings: MethodSettings, member_weights: Sequence[float]) -> list[str]:
    """The method in plain words, one sentence per choice: how weights were given and combined,
    how ratings were combined, and how much each person counted."""
    out = [
        {
            "points": "Each person shared 100 points across the criteria.",
            "rank": "Each person ranked the criteria; ranks became weights by the "
            + {
                "roc": "rank order centroid",
                "rank_sum": "rank sum",
                "rank_reciprocal": "rank reciprocal",
            }[settings.rank_method]
            + " rule.",
            "swing": "Each person gave the most important swing 100 points and the others "
            "less; weights are the points over their total.",
            "ahp": "Each person compared the criteria in pairs (1 = equal to 9 = extremely more "
            "important); weights follow from those comparisons, with a consistency check.",
        }[settings.elicitation],
        {
            "arithmetic": "A criterion's group weight is the average of everyone's weight for it.",
            "geometric": "A criterion's group weight is the geometric mean of everyone's, "
            "rescaled to add up to 100%; a criterion someone gave nothing gets nothing.",
            "aij": "The group's pairwise judgments are the geometric mean of everyone's; the "
            "group weights follow from those.",
        }[settings.weight_aggregation],
        {
            "mean": "A cell's group rating is the average of the ratings given.",
            "median": "A cell's group rating is the middle rating given (the median), so a "
            "few extreme ratings cannot pull it far.",
        }[settings.rating_aggregation],
    ]
    if settings.participant_weights:
        counts = sorted(set(member_weights))
        if len(counts) > 1:
            out.append(
                f"Participants count as the facilitator set: from {counts[0]:g} to "
                f"{counts[-1]:g} times a single voice."
            )
        else:
            out.append("Participant weights are on, but everyone counts the same so far.")
    else:
        out.append("Every participant counts the same.")
    return out
