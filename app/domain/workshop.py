"""The rules of a selection workshop: its stages, who may give input, what a decision needs."""

from __future__ import annotations

from collections.abc import Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any

from app.domain.errors import Conflict, InvalidInput
from app.domain.followup import Approver, FollowUp
from app.domain.numbers import check_weight, is_number


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


MAX_QUESTIONS = 10
MAX_DETAIL_TEXT = 300
ANCHORS = ("1", "3", "5")


def custom_criterion_details(
    questions: Sequence[object] | None, scale: Mapping[str, object] | None
) -> dict[str, Any]:
    """A facilitator's own criterion: its guiding questions (at most 10) and what ratings of
    1, 3 and 5 mean, stored like the catalogue's (empty ones left out)."""
    asked = [str(q or "").strip() for q in questions or []]
    asked = [q for q in asked if q]
    if len(asked) > MAX_QUESTIONS:
        raise InvalidInput(
            f"Give at most {MAX_QUESTIONS} guiding questions.", field="guiding_questions"
        )
    for index, q in enumerate(asked):
        if len(q) > MAX_DETAIL_TEXT:
            raise InvalidInput(
                f"A question may have at most {MAX_DETAIL_TEXT} characters.",
                field=f"guiding_questions[{index}]",
            )
    anchors: dict[str, str] = {}
    for key, text in (scale or {}).items():
        if str(key) not in ANCHORS:
            raise InvalidInput("Anchors are given for ratings 1, 3 and 5.", field=f"scale.{key}")
        value = str(text or "").strip()
        if len(value) > MAX_DETAIL_TEXT:
            raise InvalidInput(
                f"An anchor may have at most {MAX_DETAIL_TEXT} characters.", field=f"scale.{key}"
            )
        if value:
            anchors[str(key)] = value
    details: dict[str, Any] = {}
    if asked:
        details["guiding_questions"] = asked
    if anchors:
        details["scale"] = anchors
    return details


def check_sector(sector: str | None, other_names: Iterable[Mapping[str, str]] = ()) -> str:
    """A sector's key, given its key or its name in any case ('Health care', 'HEALTH-CARE'),
    in English or in one of `other_names` (key -> name, one mapping per other language)."""
    value = " ".join((sector or "other").split()).lower()
    if value in SECTORS:
        return value
    for names in (SECTORS, *other_names):
        for key, name in names.items():
            if key in SECTORS and name.lower() == value:
                return key
    raise InvalidInput(
        f"Unknown sector '{sector}'. Choose one of: {', '.join(SECTORS)}.", field="sector"
    )


def check_rating(value: object, field_name: str) -> int:
    if not is_number(value):
        raise InvalidInput("A rating must be a whole number from 1 to 5.", field=field_name)
    if isinstance(value, float) and not value.is_integer():
        raise InvalidInput("A rating must be a whole number from 1 to 5.", field=field_name)
    rating = int(value)
    if not RATING_MIN <= rating <= RATING_MAX:
        raise InvalidInput(f"A rating must be from 1 to 5, not {rating}.", field=field_name)
    return rating


MAX_COMMENT = 1000

Cell = tuple[str, str]  # (option, criterion)


def rating_cells(
    scores: Mapping[str, Mapping[str, object]],
    comments: Mapping[str, Mapping[str, object]],
    options: Collection[str],
    criteria: Collection[str],
) -> dict[Cell, tuple[int, str | None]]:
    """The cells a save sets: each (option, criterion) named in `scores` with its rating, and
    its comment where `comments` gives one (None: the stored comment stays). Every key must
    be the workshop's, and a comment needs a rating in the same save."""
    for section, body in (("scores", scores), ("comments", comments)):
        for option, row in body.items():
            if option not in options:
                raise InvalidInput(f"Unknown option '{option}'.", field=f"{section}.{option}")
            for criterion in row:
                if criterion not in criteria:
                    raise InvalidInput(
                        f"Unknown criterion '{criterion}'.",
                        field=f"{section}.{option}.{criterion}",
                    )
    cells: dict[Cell, tuple[int, str | None]] = {
        (option, criterion): (check_rating(value, f"scores.{option}.{criterion}"), None)
        for option, row in scores.items()
        for criterion, value in row.items()
    }
    for option, row in comments.items():
        for criterion, text in row.items():
            field_name = f"comments.{option}.{criterion}"
            comment = str(text or "").strip()
            if len(comment) > MAX_COMMENT:
                raise InvalidInput(
                    f"A comment may have at most {MAX_COMMENT} characters.", field=field_name
                )
            if (option, criterion) not in cells:
                raise InvalidInput("A comment needs a rating for the same cell.", field=field_name)
            cells[(option, criterion)] = (cells[(option, criterion)][0], comment)
    return cells


def check_points(criteria: Sequence[str], given: Mapping[str, object]) -> dict[str, float]:
    """Weights as given, for every criterion (one left out counts as zero): each key one of
    the criteria, each value a weight, at least one above zero."""
    unknown = [k for k in given if k not in criteria]
    if unknown:
        raise InvalidInput(f"Unknown criterion '{unknown[0]}'.", field=f"weights.{unknown[0]}")
    points = {k: check_weight(given.get(k, 0), f"weights.{k}") for k in criteria}
    if sum(points.values()) <= 0:
        raise InvalidInput("Give at least one criterion some weight.", field="weights")
    return points


def check_shared_points(points: Mapping[str, object], total: int = POINTS_TOTAL) -> None:
    """The points form's rule: every share a number, and exactly `total` points shared."""
    given = sum(
        check_weight(v, f"weights.{k}", noun="A share of points") for k, v in points.items()
    )
    if abs(given - total) > 1e-9:
        raise InvalidInput(
            f"Share exactly {total} points: you have shared {given:g}.", field="weights"
        )


def check_decision(
    option: str, rationale: str, agreement: str | None, option_keys: list[str]
) -> None:
    """A decision names a known option and says why (the ranking's rule: domain.decision)."""
    if option not in option_keys:
        raise InvalidInput(f"'{option}' is not an option of this workshop.", field="option")
    if not rationale.strip():
        raise InvalidInput("Say why the group chose this option.", field="rationale")
    if agreement is not None and agreement not in AGREEMENT_LEVELS:
        raise InvalidInput(
            f"Agreement must be one of: {', '.join(AGREEMENT_LEVELS)}.", field="agreement"
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
    # Conditions and next steps as the group attached them (owner, due date), who approves
    # the record, and when the decision is to be reviewed.
    follow_ups: tuple[FollowUp, ...] = ()
    approvers: tuple[Approver, ...] = ()
    review_on: date | None = None

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
    # The room: results shown to participants and the room's screen, the countdown's deadline
    # (None: none running), and the round of rating that is open (1 until another opens).
    results_visible: bool = False
    timer_ends_at: datetime | None = None
    round: int = 1
    # The workshop this one revisits (its record is superseded by this one's), if any.
    supersedes: int | None = None

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


@dataclass(frozen=True)
class WorkshopSummary:
    """A workshop as a facilitator's list of workshops shows it."""

    id: int
    title: str
    stage: Stage
    join_code: str
    created_at: datetime
