"""Facilitator accounts and sign-ins."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from app import security
from app.domain.errors import Conflict, InvalidInput, Unauthorized
from app.persistence import repository as repo
from app.persistence.repository import as_utc
from app.persistence.tables import FacilitatorRow
from app.services import attempts

MIN_PASSWORD_LENGTH = security.MIN_PASSWORD_LENGTH
TOO_MANY_SIGN_INS = "Too many failed sign-ins. Wait a few minutes before trying again."


@dataclass(frozen=True)
class Facilitator:
    id: int
    email: str
    name: str


@dataclass(frozen=True)
class SignIn:
    token: str
    facilitator: Facilitator


def _public(row: FacilitatorRow) -> Facilitator:
    assert row.id is not None
    return Facilitator(id=row.id, email=row.email, name=row.name)


def create_facilitator(session: Session, email: str, password: str, name: str) -> Facilitator:
    email = email.strip()
    if "@" not in email or len(email) > 254:
        raise InvalidInput("Enter a valid email address.", field="email")
    problem = security.password_problem(password, email)
    if problem is not None:
        raise InvalidInput(problem, field="password")
    with session.begin():
        if repo.facilitator_by_email(session, email) is not None:
            raise Conflict("A facilitator with this email exists already.", field="email")
        row = repo.add_facilitator(
            session, email, name.strip() or email, security.hash_password(password)
        )
        return _public(row)


def ensure_admin(session: Session, email: str, password: str, name: str) -> bool:
    """Create the configured facilitator when no facilitator exists yet; True if created."""
    with session.begin():
        if repo.count_facilitators(session) > 0:
            return False
    create_facilitator(session, email, password, name)
    return True


def sign_in(
    session: Session, email: str, password: str, days: int, address: str, limit: attempts.Limit
) -> SignIn:
    """Sign in; failures count per account and per address, and an unknown email costs the same
    password check as a known one, so neither timing nor answers tell which accounts exist."""
    email = email.strip()
    keys = [attempts.key("sign-in-account", email), attempts.key("sign-in-address", address)]
    with session.begin():
        attempts.check(session, keys, limit, TOO_MANY_SIGN_INS)
        row = repo.facilitator_by_email(session, email)
        stored = row.password_hash if row is not None else security.decoy_hash()
        if security.verify_password(stored, password) and row is not None:
            attempts.forget(session, keys[0])
            token = security.new_token()
            expires = datetime.now(UTC) + timedelta(days=days)
            repo.add_auth_session(session, security.token_hash(token), row.id or 0, expires)
            return SignIn(token=token, facilitator=_public(row))
        for k in keys:
            attempts.fail(session, k, limit)
    raise Unauthorized("Wrong email or password.")


def sign_out(session: Session, token: str) -> None:
    with session.begin():
        repo.delete_auth_session(session, security.token_hash(token))


def facilitator_for_token(session: Session, token: str) -> Facilitator | None:
    with session.begin():
        repo.read_only(session)
        auth = repo.auth_session(session, security.token_hash(token))
        if auth is None or as_utc(auth.expires_at) <= datetime.now(UTC):
            return None
        row = repo.facilitator(session, auth.facilitator_id)
        return _public(row) if row else None


def find_facilitator(session: Session, email: str | None = None) -> Facilitator | None:
    """The facilitator with this email or, with none given, the first one (the CLI's owner of
    an imported workshop)."""
    with session.begin():
        repo.read_only(session)
        row = (
            repo.facilitator_by_email(session, email.strip())
            if email
            else repo.first_facilitator(session)
        )
        return _public(row) if row else None
