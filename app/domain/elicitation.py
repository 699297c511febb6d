"""How weights are asked for and combined: the method settings and each elicitation's check."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field
from typing import Any, ClassVar

from app.domain import ahp, explain, weights
from app.domain.ahp import CR_LIMIT
from app.domain.errors import InvalidInput
from app.domain.numbers import is_number
from app.domain.workshop import Item

ELICITATIONS: dict[str, str] = {
    "points": "Share 100 points",
    "rank": "Rank the criteria",
    "swing": "Swing weighting",
    "ahp": "Compare in pairs (AHP)",
}
RANK_METHODS: dict[str, str] = {
    "roc": "Rank order centroid (ROC)",
    "rank_sum": "Rank sum",
    "rank_reciprocal": "Rank reciprocal",
}
WEIGHT_AGGREGATIONS: dict[str, str] = {
    "arithmetic": "Average of everyone's weights",
    "geometric": "Geometric mean of everyone's weights",
    "aij": "Geometric mean of everyone's pairwise judgments (AHP only)",
}
RATING_AGGREGATIONS: dict[str, str] = {"mean": "Average rating", "median": "Median rating"}
MAX_SAMPLES = 100_000


# Where a workshop's settings keep its method.
SETTINGS_KEY = "method"


@dataclass(frozen=True)
class MethodSettings:
    """The facilitator's method choices; the defaults are the quick path of every workshop."""

    # The choices and their labels, reachable from an instance (forms render them).
    CHOICES: ClassVar[dict[str, dict[str, str]]] = {
        "elicitation": ELICITATIONS,
        "rank_method": RANK_METHODS,
        "weight_aggregation": WEIGHT_AGGREGATIONS,
        "rating_aggregation": RATING_AGGREGATIONS,
    }

    elicitation: str = "points"
    rank_method: str = "roc"
    weight_aggregation: str = "arithmetic"
    rating_aggregation: str = "mean"
    participant_weights: bool = False
    samples: int = 10_000
    seed: int = 0

    @classmethod
    def from_dict(cls, data: Mapping[str, Any] | None) -> MethodSettings:
        """Validated settings; unknown keys are refused so a typo never silently does nothing."""
        data = dict(data or {})
        unknown = [k for k in data if k not in cls.__dataclass_fields__]
        if unknown:
            raise InvalidInput(f"Unknown method setting '{unknown[0]}'.", field=unknown[0])
        s = cls(**{**asdict(cls()), **data})
        for name, allowed in (
            ("elicitation", ELICITATIONS),
            ("rank_method", RANK_METHODS),
            ("weight_aggregation", WEIGHT_AGGREGATIONS),
            ("rating_aggregation", RATING_AGGREGATIONS),
        ):
            if getattr(s, name) not in allowed:
                choices = ", ".join(allowed)
                raise InvalidInput(f"Choose one of: {choices}.", field=name)
        if s.weight_aggregation == "aij" and s.elicitation != "ahp":
            raise InvalidInput(
                "Combining pairwise judgments needs pairwise comparison as the elicitation.",
                field="weight_aggregation",
            )
        if not isinstance(s.participant_weights, bool):
            raise InvalidInput("Say yes or no.", field="participant_weights")
        for name, low, high in (("samples", 100, MAX_SAMPLES), ("seed", 0, 2**31 - 1)):
            value = getattr(s, name)
            if isinstance(value, bool) or not isinstance(value, int) or not low <= value <= high:
                raise InvalidInput(f"Give a whole number from {low} to {high}.", field=name)
        return s

    @classmethod
    def stored_in(cls, workshop_settings: Mapping[str, Any] | None) -> MethodSettings:
        """The method kept in a workshop's settings, or the default for a workshop that never
        chose one. Settings written by an older version read as the default, which is what
        their results were computed with."""
        try:
            return cls.from_dict((workshop_settings or {}).get(SETTINGS_KEY))
        except InvalidInput:
            return cls()

    def stored(self, workshop_settings: Mapping[str, Any] | None) -> dict[str, Any]:
        """A workshop's settings with this method in them (a new dict)."""
        return {**(workshop_settings or {}), SETTINGS_KEY: self.to_dict()}

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)

    @property
    def is_default(self) -> bool:
        return (
            self.elicitation == "points"
            and self.weight_aggregation == "arithmetic"
            and self.rating_aggregation == "mean"
            and not self.participant_weights
        )

    @property
    def label(self) -> str:
        """A short stable name of the method, e.g. 'points-mean-weighted-sum' for the default."""
        if self.is_default:
            return "points-mean-weighted-sum"
        parts = [self.elicitation if self.elicitation != "rank" else f"rank-{self.rank_method}"]
        parts += [self.weight_aggregation, self.rating_aggregation, "weighted-sum"]
        if self.participant_weights:
            parts.append("weighted-participants")
        return "-".join(parts)


def rank_weights(
    criteria: Sequence[Item], ranks: Mapping[str, Any], method: str = "roc"
) -> dict[str, float]:
    """Weights from ranks 1..n (1 = most important, ties allowed); every criterion needs one."""
    keys = [c.key for c in criteria]
    _known(keys, ranks, "ranks")
    given: list[int] = []
    for key in keys:
        raw = ranks.get(key)
        if isinstance(raw, bool) or not isinstance(raw, int) or not 1 <= raw <= len(keys):
            raise InvalidInput(f"Give a rank from 1 to {len(keys)}.", field=f"ranks.{key}")
        given.append(raw)
    return dict(zip(keys, weights.rank_order(given, method), strict=True))


def swing_weights(criteria: Sequence[Item], points: Mapping[str, Any]) -> dict[str, float]:
    """Weights from swing points 0-100 (the swing that matters most usually gets 100)."""
    keys = [c.key for c in criteria]
    _known(keys, points, "points")
    given: list[float] = []
    for key in keys:
        raw = points.get(key, 0)
        if not is_number(raw) or not 0 <= raw <= 100:
            raise InvalidInput("Give points from 0 to 100.", field=f"points.{key}")
        given.append(float(raw))
    if sum(given) <= 0:
        raise InvalidInput("Give at least one swing some points.", field="points")
    return dict(zip(keys, weights.swing(given), strict=True))


@dataclass(frozen=True)
class Revisit:
    """One pairwise judgment worth a second look, with what the other answers suggest."""

    first: str
    second: str
    given: float
    suggested: float
    sentence: str


@dataclass(frozen=True)
class PairwiseCheck:
    weights: dict[str, float]
    cr: float | None  # None where the consistency ratio is not defined (more than 15 criteria)
    consistent: bool
    revisit: list[Revisit] = field(default_factory=list)
    sentence: str = ""


def pairwise_matrix(
    criteria: Sequence[Item], judgments: Sequence[Mapping[str, Any]]
) -> list[list[float]]:
    """The reciprocal matrix in criteria order from [{first, second, value}], all pairs once."""
    keys = [c.key for c in criteria]
    index = {k: i for i, k in enumerate(keys)}
    given: dict[tuple[int, int], float] = {}
    for n, j in enumerate(judgments):
        a, b, value = j.get("first"), j.get("second"), j.get("value")
        if a not in index or b not in index or a == b:
            raise InvalidInput(
                "Name two different criteria of this workshop.", field=f"judgments.{n}"
            )
        if not is_number(value):
            raise InvalidInput("A judgment is a number from 1/9 to 9.", field=f"judgments.{n}")
        if not any(abs(float(value) - v) < 1e-6 for v in ahp.SAATY_SCALE):
            raise InvalidInput(
                "A judgment is 1 to 9 or its reciprocal 1/2 to 1/9.", field=f"judgments.{n}"
            )
        pair = (index[a], index[b])
        if (pair[1], pair[0]) in given or pair in given:
            raise InvalidInput(f"{a} and {b} are compared twice.", field=f"judgments.{n}")
        given[pair] = ahp.snap_to_scale(float(value))
    missing = len(keys) * (len(keys) - 1) // 2 - len(given)
    if missing:
        raise InvalidInput(
            f"Compare every pair of criteria: {missing} comparison(s) missing.", field="judgments"
        )
    return ahp.reciprocal_matrix(len(keys), given)


def check_pairwise(
    criteria: Sequence[Item], judgments: Sequence[Mapping[str, Any]]
) -> PairwiseCheck:
    """Priorities, the consistency ratio and, above 0.10, the three judgments to revisit."""
    matrix = pairwise_matrix(criteria, judgments)
    keys = [c.key for c in criteria]
    result = dict(zip(keys, ahp.priorities(matrix), strict=True))
    try:
        cr: float | None = ahp.consistency(matrix).cr
    except InvalidInput:
        cr = None
    if cr is None or cr <= CR_LIMIT:
        sentence = "Your comparisons hang together well" + (
            f" (consistency ratio {cr:.2f}, at most 0.10 is fine)." if cr is not None else "."
        )
        return PairwiseCheck(result, cr, True, [], sentence)
    revisit = []
    for i, j, suggested in ahp.most_inconsistent(matrix, k=3):
        a, b = criteria[i].name, criteria[j].name
        revisit.append(
            Revisit(
                first=keys[i],
                second=keys[j],
                given=matrix[i][j],
                suggested=suggested,
                sentence=(
                    f"You said {explain.judgment_words(a, b, matrix[i][j])}; "
                    f"your other answers suggest {explain.judgment_words(a, b, suggested)} "
                    f"({explain.judgment_label(suggested)})."
                ),
            )
        )
    sentence = (
        f"Some comparisons contradict each other (consistency ratio {cr:.2f}; above 0.10 means "
        "the answers do not fit one order well). Look again at the ones below, then change "
        "them or keep them as they are."
    )
    return PairwiseCheck(result, cr, False, revisit, sentence)


def _known(keys: Sequence[str], given: Mapping[str, Any], field_name: str) -> None:
    unknown = [k for k in given if k not in keys]
    if unknown:
        raise InvalidInput(f"Unknown criterion '{unknown[0]}'.", field=f"{field_name}.{unknown[0]}")
