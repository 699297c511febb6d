"""Mappers from table rows to the domain objects every view and export reads."""

from __future__ import annotations

from sqlmodel import Session

from app.domain.anonymity import coarsened_sectors
from app.domain.followup import Approver, FollowUp
from app.domain.results import Cell, is_submitted, usable_weights
from app.domain.workshop import Decision, Event, Item, Participant, Stage, Workshop
from app.persistence import repository as repo
from app.persistence.repository import as_utc
from app.persistence.tables import (
    DecisionRow,
    FollowUpRow,
    ParticipantRow,
    WorkshopItemRow,
    WorkshopRow,
)


def to_item(row: WorkshopItemRow) -> Item:
    return Item(
        key=row.key,
        name=row.name,
        description=row.description,
        direction=row.direction,
        custom=row.custom,
        details=dict(row.details or {}),
    )


def to_follow_up(row: FollowUpRow) -> FollowUp:
    return FollowUp(
        kind=row.kind,
        text=row.text,
        owner=row.owner,
        due=row.due,
        id=row.id or 0,
        done_at=as_utc(row.done_at) if row.done_at else None,
    )


def to_decision(
    row: DecisionRow, options: tuple[Item, ...], follow_ups: list[FollowUpRow] | None = None
) -> Decision:
    names = {o.key: o.name for o in options}
    return Decision(
        option=row.option_key,
        option_name=names.get(row.option_key, row.option_key),
        rationale=row.rationale,
        departure_reason=row.departure_reason,
        agreement=row.agreement,
        dissent=row.dissent,
        conditions=row.conditions,
        top_options=tuple(row.top_option_keys or ()),
        decided_at=as_utc(row.decided_at),
        follow_ups=tuple(to_follow_up(f) for f in follow_ups or ()),
        approvers=tuple(
            Approver(a.get("name", ""), a.get("title", "")) for a in row.approvers or ()
        ),
        review_on=row.review_on,
    )


class InputSnapshot:
    """Every participant's weights and ratings for one workshop, read in one go."""

    def __init__(self, session: Session, participant_ids: list[int]) -> None:
        self.weights: dict[int, dict[str, float]] = {}
        self.ratings: dict[int, dict[Cell, int]] = {}
        self.comments: dict[int, dict[Cell, str]] = {}
        for pid, criterion, points in repo.weight_values(session, participant_ids):
            self.weights.setdefault(pid, {})[criterion] = points
        # Weights no analysis can use (stored before today's bounds, or imported) count as
        # none from that person: the group's results always show.
        self.weights = {pid: w for pid, w in self.weights.items() if usable_weights(w)}
        for pid, option, criterion, rating, comment in repo.rating_values(session, participant_ids):
            cell = (option, criterion)
            self.ratings.setdefault(pid, {})[cell] = rating
            if comment:
                self.comments.setdefault(pid, {})[cell] = comment


def load_workshop(
    session: Session,
    row: WorkshopRow,
    snapshot: InputSnapshot | None = None,
    *,
    with_people: bool = True,
    people: list[ParticipantRow] | None = None,
) -> tuple[Workshop, InputSnapshot]:
    """The workshop with everyone's input. `with_people=False` (with a snapshot of one's own
    input) leaves the other participants out: a participant's page needs none of them, and
    loading every row on each save made a score submission slower as the room grew."""
    assert row.id is not None
    criteria = tuple(to_item(r) for r in repo.items(session, row.id, "criterion"))
    options = tuple(to_item(r) for r in repo.items(session, row.id, "option"))
    if people is None:
        people = repo.participants(session, row.id) if with_people else []
    if snapshot is None:
        snapshot = InputSnapshot(session, [p.id for p in people if p.id is not None])
    participants = _participants(row, people, snapshot, criteria, options)
    decision_row = repo.decision(session, row.id)
    workshop = Workshop(
        id=row.id,
        title=row.title,
        goal=row.goal,
        convener=row.convener,
        template=row.template,
        stage=Stage(row.stage),
        join_code=row.join_code,
        revision=row.revision,
        criteria=criteria,
        options=options,
        participants=participants,
        created_at=as_utc(row.created_at),
        decision=to_decision(decision_row, options, repo.follow_ups(session, row.id))
        if decision_row
        else None,
        anonymous=row.anonymous,
        settings=dict(row.settings or {}),
        results_visible=row.results_visible,
        timer_ends_at=as_utc(row.timer_ends_at) if row.timer_ends_at else None,
        round=row.round,
        supersedes=row.supersedes_id,
    )
    return workshop, snapshot


def _participants(
    row: WorkshopRow,
    people: list[ParticipantRow],
    snapshot: InputSnapshot,
    criteria: tuple[Item, ...],
    options: tuple[Item, ...],
) -> tuple[Participant, ...]:
    """The participants as the workshop shows them. An anonymous workshop never lets a name
    leave the database, and ties no pseudonym to arrival: members are ordered by their token's
    hash (random and secret), carry the workshop's own time instead of theirs, and show a
    sector only where enough members share it (domain/anonymity.py)."""
    if row.anonymous:
        people = sorted(people, key=lambda p: p.token_hash)
        sectors = coarsened_sectors([p.sector for p in people])
    else:
        sectors = [p.sector for p in people]
    return tuple(
        Participant(
            id=p.id or 0,
            name=f"Participant {index}" if row.anonymous else p.name,
            sector=sectors[index - 1],
            submitted=is_submitted(
                snapshot.weights.get(p.id or 0),
                snapshot.ratings.get(p.id or 0, {}),
                criteria,
                options,
            ),
            joined_at=as_utc(row.created_at if row.anonymous else p.joined_at),
        )
        for index, p in enumerate(people, start=1)
    )


def load_events(session: Session, workshop_id: int) -> list[Event]:
    return [Event(e.kind, e.detail, as_utc(e.at)) for e in repo.events(session, workshop_id)]
