"""Reading a workshop's results: the default method over everyone's stored input."""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session

from app.domain.record import Record
from app.domain.results import WorkshopResults, compute_results
from app.domain.workshop import Workshop
from app.persistence import repository as repo
from app.services.mapping import InputSnapshot, load_events, load_workshop
from app.services.workshops import owned_row


@dataclass(frozen=True)
class ResultsView:
    workshop: Workshop
    results: WorkshopResults
    comments: dict[tuple[str, str], list[str]]


def current_revision(session: Session, owner_id: int, workshop_id: int) -> int:
    """Cheap: lets live views answer 'nothing changed' without computing anything."""
    with session.begin():
        return owned_row(session, owner_id, workshop_id).revision


def results_of(workshop: Workshop, snapshot: InputSnapshot) -> ResultsView:
    results = compute_results(
        workshop.criteria,
        workshop.options,
        snapshot.weights,
        snapshot.ratings,
        joined=len(workshop.participants),
    )
    comments: dict[tuple[str, str], list[str]] = {}
    for per_participant in snapshot.comments.values():
        for cell, text in per_participant.items():
            comments.setdefault(cell, []).append(text)
    return ResultsView(workshop, results, comments)


def workshop_results(session: Session, owner_id: int, workshop_id: int) -> ResultsView:
    with session.begin():
        workshop, snapshot = load_workshop(session, owned_row(session, owner_id, workshop_id))
    return results_of(workshop, snapshot)


def workshop_record(session: Session, owner_id: int, workshop_id: int) -> Record:
    with session.begin():
        workshop, snapshot = load_workshop(session, owned_row(session, owner_id, workshop_id))
        events = load_events(session, workshop_id)
    view = results_of(workshop, snapshot)
    return Record(workshop, view.results, view.comments, events)


def participant_count(session: Session, workshop_id: int) -> int:
    with session.begin():
        return len(repo.participants(session, workshop_id))
