"""The facilitator's list of participants: removing one with their input, and merging two
entries of the same person (one joined twice, from a second phone)."""

from __future__ import annotations

from sqlmodel import Session

from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.workshop import Participant, Stage, Workshop
from app.persistence import repository as repo
from app.persistence.tables import ParticipantRow, WorkshopRow
from app.services.mapping import load_workshop
from app.services.rounds import read_ratings, read_weights, stored_ratings
from app.services.workshops import owned_row


def _open_row(session: Session, owner_id: int, workshop_id: int) -> WorkshopRow:
    row = owned_row(session, owner_id, workshop_id, lock=True)
    if row.stage == Stage.DECIDED:
        raise Conflict("The workshop is decided; its participants and their input are kept.")
    return row


def _member(session: Session, workshop_id: int, participant_id: int, field: str) -> ParticipantRow:
    found = repo.participant(session, participant_id)
    if found is None or found.workshop_id != workshop_id:
        raise NotFound(f"No participant {participant_id} in this workshop.", field=field)
    return found


def _shown_name(row: WorkshopRow, people: list[ParticipantRow], who: ParticipantRow) -> str:
    """The name the timeline may carry: 'Participant N' in an anonymous workshop."""
    if not row.anonymous:
        return who.name
    return f"Participant {[p.id for p in people].index(who.id) + 1}"


def participant(session: Session, owner_id: int, workshop_id: int, pid: int) -> Participant:
    """One participant as the console shows them (for the confirmation step)."""
    with session.begin():
        repo.read_only(session)
        workshop, _ = load_workshop(session, owned_row(session, owner_id, workshop_id))
        found = next((p for p in workshop.participants if p.id == pid), None)
        if found is None:
            raise NotFound(f"No participant {pid} in this workshop.")
        return found


def remove_participant(session: Session, owner_id: int, workshop_id: int, pid: int) -> None:
    """Remove a participant and everything they gave, from the closed rounds too; logged."""
    with session.begin():
        row = _open_row(session, owner_id, workshop_id)
        who = _member(session, workshop_id, pid, "participant")
        name = _shown_name(row, repo.participants(session, workshop_id), who)
        for closed in repo.rounds(session, workshop_id):
            weights = {k: v for k, v in closed.weights.items() if k != str(pid)}
            ratings = {k: v for k, v in closed.ratings.items() if k != str(pid)}
            repo.set_round_input(session, closed, weights, ratings)
        repo.delete_participant(session, who)
        repo.bump_revision(session, workshop_id)
        repo.add_event(session, workshop_id, "participant-removed", name)


def merge_participants(
    session: Session, owner_id: int, workshop_id: int, keep: int, other: int
) -> Workshop:
    """`other` joins into `keep`: what `keep` gave stays, what only `other` gave moves over
    (in the closed rounds too), then `other` is removed. Logged in the timeline."""
    with session.begin():
        row = _open_row(session, owner_id, workshop_id)
        # Checked after ownership, so a stranger learns nothing from the body's refusal.
        if keep == other:
            raise InvalidInput("Choose two different entries to merge.", field="other")
        kept = _member(session, workshop_id, keep, "keep")
        gone = _member(session, workshop_id, other, "other")
        people = repo.participants(session, workshop_id)
        names = f"{_shown_name(row, people, gone)} into {_shown_name(row, people, kept)}"
        for closed in repo.rounds(session, workshop_id):
            weights, ratings = read_weights(closed.weights), read_ratings(closed.ratings)
            if other in weights:
                weights.setdefault(keep, weights[other])
                del weights[other]
            moved = ratings.pop(other, {})
            ratings[keep] = {**moved, **ratings.get(keep, {})}
            repo.set_round_input(
                session,
                closed,
                {str(k): v for k, v in weights.items()},
                stored_ratings({k: v for k, v in ratings.items() if v}),
            )
        repo.move_input(session, other, keep)
        repo.delete_participant(session, gone)
        repo.bump_revision(session, workshop_id)
        repo.add_event(session, workshop_id, "participants-merged", names)
        return load_workshop(session, row)[0]
