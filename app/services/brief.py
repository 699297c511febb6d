"""The brief a participant reads before and during a workshop: its goal, criteria and options
as the workshop holds them, by one's own seat or by the workshop's join code."""

from __future__ import annotations

from sqlmodel import Session

from app import security
from app.domain.errors import NotFound, TooManyAttempts
from app.domain.workshop import Stage, Workshop
from app.persistence import repository as repo
from app.services import attempts
from app.services.mapping import InputSnapshot, load_workshop
from app.services.participation import ParticipantIdentity, own_workshop

NO_SUCH_CODE = "No open workshop has this code. Check it with the facilitator."


def brief_for(session: Session, me: ParticipantIdentity, workshop_id: int) -> Workshop:
    with session.begin():
        repo.read_only(session)
        row = own_workshop(session, me, workshop_id)
        workshop, _ = load_workshop(session, row, InputSnapshot(session, []), with_people=False)
        return workshop


def brief_by_code(
    session: Session, join_code: str, address: str, limit: attempts.Limit
) -> Workshop:
    """The brief of the open workshop with this join code; a wrong code counts like a wrong
    join (the join limiter's own count), so the brief is no way to guess codes."""
    code = security.normalize_join_code(join_code or "")
    wait: int | None = None
    workshop = None
    with session.begin():
        row = repo.workshop_by_code(session, code) if code else None
        if row is None or row.stage == Stage.DECIDED:
            wait = attempts.fail(session, attempts.key("join", address), limit)
        else:
            snapshot = InputSnapshot(session, [])
            workshop, _ = load_workshop(session, row, snapshot, with_people=False)
    if workshop is None:
        if wait is not None:
            raise TooManyAttempts(
                "Too many wrong codes from this address. Wait a few minutes.", retry_after=wait
            )
        raise NotFound(NO_SUCH_CODE, field="join_code")
    return workshop
