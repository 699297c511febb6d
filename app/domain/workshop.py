"""The rules of a selection workshop: its stages, who may give input, what a decision needs."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum

from app.domain.errors import Conflict, InvalidInput


class Stage(StrEnum):
    SETUP = "setup"
    WEIGHTING = "weighting"
    SCORING = "scoring"
    RESULTS = "results"
    DECIDED = "decided"

    @property
    def label(self) -> str:
        return STAGE_LABELS[self]


STAGE_LABELS = {
    Stage.SETUP: "Setting up",
    Stage.WEIGHTING: "Weighing the criteria",
    Stage.SCORING: "Rating the models",
    Stage.RESULTS: "Reviewing the results",
    Stage.DECIDED: "Decided",
}

STAGES: tuple[Stage, ...] = tuple(Stage)

# Late arrivals may still weigh while others rate, so input stays open through the results.
INPUT_STAGES = frozenset({Stage.WEIGHTING, Stage.SCORING, Stage.RESULTS})

SECTORS: dict[str, str] = {
    "government": "Government",
    "nonprofit": "Nonprofit",
    "funder": "Funder",
    "health-care": "Health care",
    "community": "Community member",
    "business": "Business",
    "academic": "Academic",
    "other": "Other",
}

AGREEMENT_LEVELS: dict[str, str] = {
    "unanimous": "Unanimous: every member supports the choice",
    "consensus": "Consensus: all can live with it, some with reservations",
    "majority": "Majority: most support it, a minority does not",
    "divided": "Divided: no clear majority; the choice was made by the convener",
}

RATING_MIN, RATING_MAX = 1, 5
POINTS_TOTAL = 100


@dataclass(frozen=True)
class Item:
    """A criterion or an option as a workshop uses it (a copy, so old decisions stay exact)."""

    key: str
    name: str
    description: str = ""
    direction: str = "benefit"
    custom: bool = False
    details: dict = field(default_factory=dict, compare=False, hash=False)


def check_stage_change(current: Stage, target: Stage) -> None:
    """The facilitator may move freely among the open stages; only a decision closes a workshop."""
    if current == Stage.DECIDED:
        raise Conflict("The workshop is decided; its stage can no longer change.", field="stage")
    if target == Stage.DECIDED:
        raise Conflict(
            "A workshop becomes decided by recording the decision, not by changing its stage.",
            field="stage",
        )


def check_accepts_input(stage: Stage) -> None:
    if stage == Stage.SETUP:
        raise Conflict("The workshop has not opened for input yet.")
    if stage == Stage.DECIDED:
        raise Conflict("The workshop is decided and accepts no more input.")


def check_can_join(stage: Stage) -> None:
    if stage == Stage.DECIDED:
        raise Conflict("This workshop is closed.")


def can_edit_items(stage: Stage, has_input: bool) -> bool:
    """Criteria and options may change until anyone gives input, and never once decided."""
    return stage != Stage.DECIDED and not has_input


def check_can_edit_items(stage: Stage, has_input: bool) -> None:
    if stage == Stage.DECIDED:
        raise Conflict("The workshop is decided; its criteria and options are fixed.")
    if has_input:
        raise Conflict(
            "Participants have already given input; criteria and options can no longer change."
        )


def check_sector(sector: str | None) -> str:
    value = (sector or "other").strip().lower()
    if value not in SECTORS:
        raise InvalidInput(
            f"Unknown sector '{sector}'. Choose one of: {', '.join(SECTORS)}.", field="sector"
        )
    return value


def check_rating(value: object, field_name: str) -> int:
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise InvalidInput("A rating must be a whole number from 1 to 5.", field=field_name)
    if isinstance(value, float) and not value.is_integer():
        raise InvalidInput("A rating must be a whole number from 1 to 5.", field=field_name)
    rating = int(value)
    if not RATING_MIN <= rating <= RATING_MAX:
        raise InvalidInput(f"A rating must be from 1 to 5, not {rating}.", field=field_name)
    return rating


def check_decision(
    option: str,
    rationale: str,
    agreement: str | None,
    option_keys: list[str],
    top_options: list[str],
    departure_reason: str | None,
) -> None:
    """A decision names a known option and says why; departing from the ranking needs a reason."""
    if option not in option_keys:
        raise InvalidInput(f"'{option}' is not an option of this workshop.", field="option")
    if not rationale.strip():
        raise InvalidInput("Say why the group chose this option.", field="rationale")
    if agreement is not None and agreement not in AGREEMENT_LEVELS:
        raise InvalidInput(
            f"Agreement must be one of: {', '.join(AGREEMENT_LEVELS)}.", field="agreement"
        )
    if top_options and option not in top_options and departure_reason is not None:
        if not departure_reason.strip():
            raise InvalidInput(
                "The group chose an option that is not ranked first: say why.",
                field="departure_reason",
            )


@dataclass(frozen=True)
class Participant:
    id: int
    name: str
    sector: str
    submitted: bool
    joined_at: datetime


@dataclass(frozen=True)
class Decision:
    option: str
    option_name: str
    rationale: str
    departure_reason: str
    agreement: str | None
    dissent: str
    conditions: str
    top_options: tuple[str, ...]
    decided_at: datetime

    @property
    def departs_from_ranking(self) -> bool:
        return bool(self.top_options) and self.option not in self.top_options


@dataclass(frozen=True)
class Event:
    kind: str
    detail: str
    at: datetime


@dataclass(frozen=True)
class Workshop:
    """One workshop as every view and export sees it."""

    id: int
    title: str
    goal: str
    convener: str
    template: str
    stage: Stage
    join_code: str
    revision: int
    criteria: tuple[Item, ...]
    options: tuple[Item, ...]
    participants: tuple[Participant, ...]
    created_at: datetime
    decision: Decision | None = None
    anonymous: bool = False
    settings: dict = field(default_factory=dict, compare=False, hash=False)

    def criterion(self, key: str) -> Item:
        return next(c for c in self.criteria if c.key == key)

    def option(self, key: str) -> Item:
        return next(o for o in self.options if o.key == key)

    @property
    def sectors_present(self) -> dict[str, int]:
        counts: dict[str, int] = {}
        for p in self.participants:
            counts[p.sector] = counts.get(p.sector, 0) + 1
        return counts
