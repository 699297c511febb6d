"""Facilitators and their sign-ins."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import delete, func
from sqlmodel import Session, col, select

from app.persistence.tables import AuthSessionRow, FacilitatorRow


def facilitator(session: Session, facilitator_id: int) -> FacilitatorRow | None:
    return session.get(FacilitatorRow, facilitator_id)


def facilitator_by_email(session: Session, email: str) -> FacilitatorRow | None:
    return session.exec(
        select(FacilitatorRow).where(func.lower(FacilitatorRow.email) == email.lower())
    ).first()


def first_facilitator(session: Session) -> FacilitatorRow | None:
    return session.exec(select(FacilitatorRow).order_by(col(FacilitatorRow.id))).first()


def count_facilitators(session: Session) -> int:
    return session.exec(select(func.count()).select_from(FacilitatorRow)).one()


def add_facilitator(session: Session, email: str, name: str, password_hash: str) -> FacilitatorRow:
    row = FacilitatorRow(email=email, name=name, password_hash=password_hash)
    session.add(row)
    session.flush()
    return row


def auth_session(session: Session, token_hash: str) -> AuthSessionRow | None:
    return session.get(AuthSessionRow, token_hash)


def add_auth_session(
    session: Session, token_hash: str, facilitator_id: int, expires_at: datetime
) -> None:
    session.add(
        AuthSessionRow(token_hash=token_hash, facilitator_id=facilitator_id, expires_at=expires_at)
    )


def delete_auth_session(session: Session, token_hash: str) -> None:
    session.exec(delete(AuthSessionRow).where(col(AuthSessionRow.token_hash) == token_hash))
