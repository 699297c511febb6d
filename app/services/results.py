"""Reading a workshop's results: the default method over everyone's stored input."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, replace
from typing import Any

from sqlmodel import Session

from app.domain.analysis import Analysis, ParticipantInput, analyse, what_if, what_if_sentence
from app.domain.elicitation import MethodSettings, pairwise_matrix
from app.domain.errors import InvalidInput, NotFound
from app.domain.record import Record, masked_events, participant_inputs, robustness_of
from app.domain.results import RankedOption, WorkshopResults
from app.domain.workshop import Workshop, check_points
from app.persistence import repository as repo
from app.persistence.tables import ParticipantRow, WorkshopRow
from app.services.mapping import InputSnapshot, load_events, load_workshop
from app.services.workshops import owned_row


@dataclass(frozen=True)
class ResultsView:
    workshop: Workshop
    results: WorkshopResults
    comments: dict[tuple[str, str], list[str]]
    analysis: Analysis | None = None


@dataclass(frozen=True)
class WhatIfView:
    results: ResultsView  # what the page shows beside the what-if
    workshop: Workshop
    weights: dict[str, float]  # as given, rescaled to sum 1
    current: list[RankedOption]
    ranking: list[RankedOption]
    sentence: str


def current_revision(session: Session, owner_id: int, workshop_id: int) -> int:
    """Cheap: lets live views answer 'nothing changed' without computing anything."""
    with session.begin():
        repo.read_only(session)
        return owned_row(session, owner_id, workshop_id).revision


def results_of(
    workshop: Workshop, snapshot: InputSnapshot, extra: MethodInputs | None = None
) -> ResultsView:
    """The results by the workshop's method, with agreement, robustness and sectors."""
    extra = extra or MethodInputs(MethodSettings(), {}, {})
    inputs = [
        ParticipantInput(
            id=p.id,
            sector=p.sector,
            weights=snapshot.weights.get(p.id),
            ratings=snapshot.ratings.get(p.id, {}),
            weight=extra.participant_weights.get(p.id, 1.0),
            matrix=extra.matrices.get(p.id),
        )
        for p in workshop.participants
    ]
    analysis = analyse(
        workshop.criteria,
        workshop.options,
        inputs,
        extra.settings,
        len(workshop.participants),
        min_sector=2 if workshop.anonymous else 1,
    )
    comments: dict[tuple[str, str], list[str]] = {}
    for per_participant in snapshot.comments.values():
        for cell, text in per_participant.items():
            comments.setdefault(cell, []).append(text)
    if workshop.anonymous:  # in join order they would say who wrote first
        comments = {cell: sorted(texts) for cell, texts in comments.items()}
    return ResultsView(workshop, analysis.results, comments, analysis)


@dataclass(frozen=True)
class MethodInputs:
    """What the method needs beyond weights and ratings: settings, participant weights, matrices."""

    settings: MethodSettings
    participant_weights: dict[int, float]
    matrices: dict[int, list[list[float]]]


def _method_inputs(
    session: Session,
    row: Any,
    workshop: Workshop,
    people: list[ParticipantRow],
    elicitations: dict[int, Any] | None = None,
) -> MethodInputs:
    """`elicitations`, when the caller has read them already, are not read again."""
    settings = MethodSettings.stored_in(row.settings)
    matrices: dict[int, list[list[float]]] = {}
    if settings.elicitation == "ahp":
        if elicitations is None:
            elicitations = repo.elicitations(session, [p.id or 0 for p in people])
        for pid, e in elicitations.items():
            if e.method != "ahp":
                continue
            try:
                matrices[pid] = pairwise_matrix(workshop.criteria, e.payload.get("judgments", []))
            except InvalidInput:
                continue  # answers about criteria that no longer exist
    if row.anonymous:  # everyone counts the same (domain/anonymity.py)
        return MethodInputs(replace(settings, participant_weights=False), {}, matrices)
    return MethodInputs(settings, {p.id or 0: p.weight for p in people}, matrices)


def read_results(session: Session, owner_id: int, workshop_id: int) -> ResultsView:
    """`workshop_results` inside the caller's transaction."""
    row = owned_row(session, owner_id, workshop_id)
    people = repo.participants(session, workshop_id)
    workshop, snapshot = load_workshop(session, row, people=people)
    return results_of(workshop, snapshot, _method_inputs(session, row, workshop, people))


def workshop_results(session: Session, owner_id: int, workshop_id: int) -> ResultsView:
    with session.begin():
        repo.read_only(session)
        return read_results(session, owner_id, workshop_id)


def workshop_record(session: Session, owner_id: int, workshop_id: int) -> Record:
    with session.begin():
        repo.read_only(session)
        return record_of(session, owned_row(session, owner_id, workshop_id))


def operator_record(session: Session, workshop_id: int) -> Record:
    """The record of any workshop, whoever owns it: for the operator's command line."""
    with session.begin():
        repo.read_only(session)
        row = repo.workshop(session, workshop_id)
        if row is None:
            raise NotFound(f"No workshop {workshop_id}.")
        return record_of(session, row)


def operator_workshop_ids(session: Session) -> list[int]:
    """Every workshop's id, whoever owns it: for the operator's `export --all`."""
    with session.begin():
        repo.read_only(session)
        return repo.workshop_ids(session)


def record_of(session: Session, row: WorkshopRow) -> Record:
    """Everything a rationale document shows, read inside the caller's transaction.

    Names leave only as the workshop shows them: the timeline's names are masked too.
    """
    assert row.id is not None
    people = repo.participants(session, row.id)
    workshop, snapshot = load_workshop(session, row, people=people)
    elicitations = repo.elicitations(session, [p.id or 0 for p in people])
    # Names as the workshop shows them; an anonymous one names nobody in its timeline, not
    # even by pseudonym, so no pseudonym is tied to a time.
    shown = {p.id: p.name for p in workshop.participants}
    events = masked_events(
        load_events(session, row.id),
        [p.name for p in people],
        [
            "a participant" if row.anonymous else shown.get(p.id or 0, "a participant")
            for p in people
        ],
    )
    view = results_of(
        workshop, snapshot, _method_inputs(session, row, workshop, people, elicitations)
    )
    inputs = participant_inputs(
        workshop.participants,
        {} if row.anonymous else {p.id or 0: p.weight for p in people},
        snapshot.weights,
        snapshot.ratings,
        snapshot.comments,
        {
            pid: {"method": e.method, "payload": dict(e.payload or {})}
            for pid, e in elicitations.items()
        },
    )
    robustness = robustness_of(view.analysis) if view.analysis else None
    return Record(workshop, view.results, view.comments, events, inputs, robustness)


def explore_weights(
    session: Session, owner_id: int, workshop_id: int, weights: Mapping[str, object]
) -> WhatIfView:
    """What-if: the ranking the group's ratings would give under the facilitator's weights."""
    view = workshop_results(session, owner_id, workshop_id)
    given = check_points([c.key for c in view.workshop.criteria], weights)
    ranking = what_if(view.workshop.options, view.results.values, given)
    total = sum(given.values())
    return WhatIfView(
        view,
        view.workshop,
        {k: v / total for k, v in given.items()},
        view.results.ranking,
        ranking,
        what_if_sentence(view.results.ranking, ranking),
    )
