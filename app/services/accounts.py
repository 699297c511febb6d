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

MIN_PASSWORD_LENGTH = 10


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
    if len(password) < MIN_PASSWORD_LENGTH:
        raise InvalidInput(
            f"The password needs at least {MIN_PASSWORD_LENGTH} characters.", field="password"
        )
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


def sign_in(session: Session, email: str, password: str, days: int) -> SignIn:
    with session.begin():
        row = repo.facilitator_by_email(session, email.strip())
        if row is None or not security.verify_password(row.password_hash, password):
            raise Unauthorized("Wrong email or password.")
        token = security.new_token()
        expires = datetime.now(UTC) + timedelta(days=days)
        repo.add_auth_session(session, security.token_hash(token), row.id or 0, expires)
        return SignIn(token=token, facilitator=_public(row))


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
