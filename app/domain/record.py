"""The full record of a workshop that every rationale document and the JSON record come from."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from app.domain.analysis import Analysis
from app.domain.catalogue import Consideration, Source
from app.domain.planning import PlanSummary
from app.domain.results import Cell, WorkshopResults
from app.domain.rounds import Rounds
from app.domain.workshop import Event, Participant, Workshop

# Timeline kinds whose detail is the display name of the participant who acted.
PERSONAL_EVENTS = frozenset({"joined", "weights", "ratings"})


@dataclass(frozen=True)
class ParticipantInput:
    """One participant's raw input, under a pseudonym that carries no name (P01, P02, ...)."""

    ref: str
    name: str  # already masked when the workshop is anonymous
    sector: str
    joined_at: datetime
    submitted: bool
    influence: float  # how much this participant counts in the group (1 = equal)
    points: dict[str, float]
    ratings: dict[Cell, int]
    comments: dict[Cell, str]
    # The raw weighting answers when weights were elicited another way (ranks, pairs...).
    elicitation: dict | None = None


@dataclass(frozen=True)
class Robustness:
    """How firm the ranking is: shared ordering across members, weight room per criterion."""

    concordance: float | None  # Kendall's W over members' own option scores; None if < 2
    members: int
    # Per criterion: the range of its weight within which the top option stays on top.
    stability: dict[str, tuple[float, float]]


@dataclass(frozen=True)
class Provenance:
    """Where an imported record came from, and whether its signature verified."""

    fingerprint: str  # the source file's fingerprint
    verified: bool
    signed_by: str | None  # the key id that signed it, trusted or not
    message: str


@dataclass(frozen=True)
class Record:
    workshop: Workshop
    results: WorkshopResults
    comments: dict[Cell, list[str]]
    events: list[Event]
    inputs: tuple[ParticipantInput, ...] = ()
    robustness: Robustness | None = field(default=None, compare=False)
    # What the rationale takes from the catalogue (filled where the record is rendered:
    # services.documents.for_documents): the documents it may cite, by key (empty: nothing can
    # be cited), the questions it puts after a choice, and the names of the timeline's events.
    sources: Mapping[str, Source] = field(default_factory=dict, compare=False)
    considerations: tuple[Consideration, ...] = field(default=(), compare=False)
    event_labels: Mapping[str, str] = field(default_factory=dict, compare=False)
    # The backbone plan the workshop was made from, if it was made from one.
    plan: PlanSummary | None = field(default=None, compare=False)
    # The analysis the numbers come from (agreement, S*, rank acceptability) for the memo.
    analysis: Analysis | None = field(default=None, compare=False)
    # The signed JSON record (fingerprint and signature): sealed at the decision, or signed
    # when an undecided workshop is exported. Documents show its fingerprint and key id.
    sealed: Mapping[str, Any] | None = field(default=None, compare=False)
    provenance: Provenance | None = field(default=None, compare=False)
    # The rounds of rating, when the facilitator opened more than one (None otherwise).
    rounds: Rounds | None = field(default=None, compare=False)
    # Set on a participant's copy (participant_copy): the fingerprint of the workshop's sealed
    # record it was cut from ("" when there is none). The copy is a different document: it is
    # never signed as the record, and says what it is.
    copy_of: str | None = field(default=None, compare=False)


def pseudonym(index: int) -> str:
    return f"P{index:02d}"


def participant_inputs(
    participants: Sequence[Participant],
    influence: Mapping[int, float],
    points: Mapping[int, Mapping[str, float]],
    ratings: Mapping[int, Mapping[Cell, int]],
    comments: Mapping[int, Mapping[Cell, str]],
    elicitations: Mapping[int, dict] | None = None,
) -> tuple[ParticipantInput, ...]:
    """Everyone's input in the workshop's order (arrival, or a random one when anonymous),
    keyed by pseudonym instead of database id."""
    return tuple(
        ParticipantInput(
            ref=pseudonym(index),
            name=p.name,
            sector=p.sector,
            joined_at=p.joined_at,
            submitted=p.submitted,
            influence=influence.get(p.id, 1.0),
            points=dict(points.get(p.id, {})),
            ratings=dict(ratings.get(p.id, {})),
            comments=dict(comments.get(p.id, {})),
            elicitation=(elicitations or {}).get(p.id),
        )
        for index, p in enumerate(participants, start=1)
    )


def participant_copy(record: Record, participant_id: int) -> Record:
    """What one participant's own copy of the rationale holds: the group's results and the
    decision, and of raw input only their own. Others' weights, ratings and comments stay
    out, the timeline keeps what the group did (stages, the decision) but not who did what,
    and everyone else appears under a pseudonym."""
    people = record.workshop.participants
    place = next((i for i, p in enumerate(people) if p.id == participant_id), None)
    own = record.inputs[place] if place is not None and place < len(record.inputs) else None
    shown = tuple(
        p if p.id == participant_id else replace(p, name=f"Participant {i}")
        for i, p in enumerate(people, start=1)
    )
    comments: dict[Cell, list[str]] = {}
    for cell, text in (own.comments if own else {}).items():
        comments[cell] = [text]
    sealed = record.sealed or {}
    return replace(
        record,
        workshop=replace(record.workshop, participants=shown),
        comments=comments,
        events=[e for e in record.events if e.kind not in PERSONAL_EVENTS],
        inputs=(own,) if own else (),
        # The seal and its signature belong to the whole record, not to this cut of it.
        sealed=None,
        copy_of=str(sealed.get("fingerprint") or ""),
    )


def masked_events(
    events: Sequence[Event], real_names: Sequence[str], shown_names: Sequence[str]
) -> list[Event]:
    """Timeline entries name who acted; swap each real name for the name the record shows.

    A name two people share cannot be told apart, so it becomes 'a participant'.
    """
    counts: dict[str, int] = {}
    for name in real_names:
        counts[name] = counts.get(name, 0) + 1
    shown = {
        real: shown_names[i] if counts[real] == 1 else "a participant"
        for i, real in enumerate(real_names)
    }
    return [
        Event(e.kind, shown.get(e.detail, "a participant"), e.at)
        if e.kind in PERSONAL_EVENTS
        else e
        for e in events
    ]


def robustness_of(analysis: Analysis) -> Robustness | None:
    """The documents' robustness figures, taken from the analysis the results page shows, so a
    document and the page never disagree (and follow the workshop's chosen method)."""
    agreement, sensitivity = analysis.agreement, analysis.sensitivity
    stability = (
        {iv.criterion: (iv.lower, iv.upper) for iv in sensitivity.intervals}
        if sensitivity.available
        else {}
    )
    if agreement.kendall_w is None and not stability:
        return None
    return Robustness(agreement.kendall_w, agreement.kendall_raters, stability)
