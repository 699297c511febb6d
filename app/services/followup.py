"""After the decision: ticking off its conditions and next steps, moving its review date, and
revisiting it in a new workshop linked to this one. None of it touches the sealed record: each
change is appended, dated, to the workshop's timeline."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime

from sqlmodel import Session

from app.domain.errors import Conflict, NotFound
from app.domain.followup import FollowUp, check_date
from app.domain.workshop import Stage, Workshop
from app.persistence import repository as repo
from app.persistence.tables import WorkshopRow
from app.services.mapping import load_workshop, to_follow_up
from app.services.workshops import owned_row, unused_join_code


@dataclass(frozen=True)
class FollowUpView:
    items: tuple[FollowUp, ...]
    review_on: date | None
    supersedes: int | None  # the workshop this one revisits
    superseded_by: tuple[int, ...]  # the workshops that revisit this one


def _decided(session: Session, owner_id: int, workshop_id: int, lock: bool = False) -> WorkshopRow:
    row = owned_row(session, owner_id, workshop_id, lock=lock)
    if Stage(row.stage) != Stage.DECIDED:
        raise Conflict("Follow-up starts once the group has recorded its decision.")
    return row


def follow_up_of(session: Session, owner_id: int, workshop_id: int) -> FollowUpView:
    with session.begin():
        repo.read_only(session)
        row = owned_row(session, owner_id, workshop_id)
        return _view(session, row)


def _view(session: Session, row: WorkshopRow) -> FollowUpView:
    assert row.id is not None
    decision = repo.decision(session, row.id)
    return FollowUpView(
        tuple(to_follow_up(f) for f in repo.follow_ups(session, row.id)),
        decision.review_on if decision else None,
        row.supersedes_id,
        tuple(repo.superseded_by(session, row.id)),
    )


def set_done(
    session: Session, owner_id: int, workshop_id: int, item_id: int, done: bool
) -> FollowUp:
    """Tick an item off (or open it again); the timeline says which, and when."""
    with session.begin():
        _decided(session, owner_id, workshop_id, lock=True)
        item = repo.follow_up(session, item_id)
        if item is None or item.workshop_id != workshop_id:
            raise NotFound(f"No follow-up item {item_id} in this workshop.")
        if item.done_at is None and done:
            repo.set_follow_up_done(session, item, datetime.now(UTC))
            repo.add_event(session, workshop_id, "follow-up", f"Done: {item.text}"[:300])
        elif item.done_at is not None and not done:
            repo.set_follow_up_done(session, item, None)
            repo.add_event(session, workshop_id, "follow-up", f"Open again: {item.text}"[:300])
        return to_follow_up(item)


def set_review_date(session: Session, owner_id: int, workshop_id: int, value: object) -> date:
    with session.begin():
        _decided(session, owner_id, workshop_id, lock=True)
        # Checked after ownership, so a stranger learns nothing from the body's refusal.
        review_on = check_date(value, "review_on")
        decision = repo.decision(session, workshop_id)
        assert decision is not None
        if review_on is None:
            raise Conflict("Give the date by which the decision is reviewed.", field="review_on")
        if decision.review_on != review_on:
            repo.update_decision(session, decision, review_on=review_on)
            repo.add_event(session, workshop_id, "review", review_on.isoformat())
        return review_on


def revisit(session: Session, owner_id: int, workshop_id: int) -> Workshop:
    """A new workshop with the same criteria and options (and method), linked to this one;
    it starts in setup, with nobody in it yet."""
    with session.begin():
        row = _decided(session, owner_id, workshop_id, lock=True)
        items = [
            {
                "kind": item.kind,
                "key": item.key,
                "position": item.position,
                "name": item.name,
                "description": item.description,
                "direction": item.direction,
                "custom": item.custom,
                "details": dict(item.details or {}),
            }
            for kind in ("criterion", "option")
            for item in repo.items(session, workshop_id, kind)
        ]
        title = f"{row.title} (revisited)"[:200]
        fields = {
            "owner_id": owner_id,
            "title": title,
            "goal": row.goal,
            "convener": row.convener,
            "template": row.template,
            "join_code": unused_join_code(session),
            "anonymous": row.anonymous,
            "settings": dict(row.settings or {}),
            "supersedes_id": workshop_id,
        }
        new = repo.add_workshop(session, fields, items)
        assert new.id is not None
        repo.add_event(session, new.id, "created", title)
        repo.add_event(session, new.id, "revisited", f"Revisits workshop {workshop_id}")
        repo.add_event(session, workshop_id, "revisited", f"Revisited in workshop {new.id}")
        return load_workshop(session, new)[0]
