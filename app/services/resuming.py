"""Coming back on another device: a participant's resume code opens their own input again
(a new token; the old device is signed out), wrong codes count like wrong join codes."""

from __future__ import annotations

from sqlmodel import Session

from app import security
from app.domain.errors import InvalidInput, NotFound, TooManyAttempts
from app.domain.workshop import Stage
from app.persistence import repository as repo
from app.services import attempts
from app.services.participation import Joined, ParticipantIdentity

WRONG_PAIR = "No participant of an open workshop has this code. Check both codes."


def resume(
    session: Session,
    join_code: str,
    resume_code: str,
    address: str,
    limit: attempts.Limit,
) -> Joined:
    """The participant holding `resume_code` in the workshop of `join_code`, with a new token."""
    code = security.normalize_join_code(join_code or "")
    typed = security.normalize_resume_code(resume_code or "")
    if not typed:
        raise InvalidInput("Enter the resume code you were given.", field="resume_code")
    wait: int | None = None
    found = None
    with session.begin():
        row = repo.workshop_by_code(session, code) if code else None
        if row is not None and row.stage != Stage.DECIDED:
            found = repo.participant_by_resume(
                session, row.id or 0, security.resume_hash(row.id or 0, typed)
            )
        if found is None:
            # Counted with wrong join codes, under the same key: a right pair is never refused.
            wait = attempts.fail(session, attempts.key("join", address), limit)
        else:
            token = security.new_token()
            repo.set_participant_secrets(session, found.id or 0, security.token_hash(token), None)
    if found is None:
        if wait is not None:
            raise TooManyAttempts(
                "Too many wrong codes from this address. Wait a few minutes.", retry_after=wait
            )
        raise NotFound(WRONG_PAIR, field="resume_code")
    return Joined(found.id or 0, token, found.workshop_id, typed)


def new_resume_code(session: Session, me: ParticipantIdentity) -> str:
    """A fresh resume code for oneself (the old one stops working)."""
    code = security.new_resume_code()
    with session.begin():
        repo.set_participant_secrets(
            session, me.id, None, security.resume_hash(me.workshop_id, code)
        )
    return code


def name_in_use(session: Session, join_code: str, name: str) -> bool:
    """Whether someone has already joined the open workshop of `join_code` under `name`."""
    code = security.normalize_join_code(join_code or "")
    with session.begin():
        repo.read_only(session)
        row = repo.workshop_by_code(session, code) if code else None
        if row is None or row.stage == Stage.DECIDED or not name.strip():
            return False
        return repo.participant_named(session, row.id or 0, name.strip()) is not None


def join_code_of(session: Session, me: ParticipantIdentity) -> str:
    """The join code of one's own workshop (the resume link carries it)."""
    with session.begin():
        repo.read_only(session)
        row = repo.workshop(session, me.workshop_id)
        return row.join_code if row is not None else ""
