"""Plain-language sentences and number formats for every figure the results show."""

from __future__ import annotations

from collections.abc import Sequence

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


def pct(share: float, digits: int = 0) -> str:
    """0.183 -> '18%'; the one place a share becomes text."""
    return f"{share * 100:.{digits}f}%"


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
        f"If {criterion} mattered between {pct(lower)} and {pct(upper)} (now {pct(weight)}), "
        f"{top} would still come first."
    )


def acceptability(option: str, shares: Sequence[float], samples: int, source: str) -> str:
    """One line per option: how often it comes first, and where it usually lands if not."""
    count = round(shares[0] * samples)
    line = f"{option} comes first in {count:,} of {samples:,} {source} ({pct(shares[0])})"
    place = max(range(len(shares)), key=lambda k: (shares[k], -k))
    if place > 0:
        line += f"; it most often comes {ordinal(place + 1)} ({pct(shares[place])})"
    return line + "."


def ordinal(n: int) -> str:
    if 10 <= n % 100 <= 20:
        return f"{n}th"
    return f"{n}{ {1: 'st', 2: 'nd', 3: 'rd'}.get(n % 10, 'th') }"


def consensus(value: float, word: str, people: int) -> str:
    return (
        f"Consensus on the weights is {word} ({pct(value)}, Goepel's S* over {people} people): "
        "100% would mean everyone weighted the criteria alike."
    )


def concordance(value: float, word: str, people: int, options: int) -> str:
    return (
        f"Ranking the {options} options each by their own weights and ratings, the {people} "
        f"people show {word} (Kendall's W = {value:.2f}; 1 = everyone ranks them the same)."
    )


def weight_spread(criterion: str, low: float, high: float, mean: float) -> str:
    return (
        f"People gave {criterion} between {pct(low)} and {pct(high)} of their weight "
        f"({pct(mean)} on average)."
    )


def disputed(option: str, criterion: str, low: float, high: float, sd: float) -> str:
    return (
        f"{option} on {criterion}: ratings run from {low:g} to {high:g} "
        f"(typical distance from the average {sd:.1f} points): worth talking through."
    )
