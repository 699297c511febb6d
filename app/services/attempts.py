"""Counting failed attempts (wrong join codes, wrong passwords) per key across processes: a
fixed window per key, bumped atomically in the database, so N parallel failures count N."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from sqlmodel import Session

from app.domain.errors import TooManyAttempts
from app.persistence import repository as repo


@dataclass(frozen=True)
class Limit:
    """At most `allowed` failures per key in `window_seconds`."""

    allowed: int
    window_seconds: int


def key(kind: str, value: str) -> str:
    """A short stable key: long or personal values (emails) are stored only as a hash."""
    digest = hashlib.sha256(value.strip().lower().encode()).hexdigest()[:40]
    return f"{kind}:{digest}"


def _wait(start: datetime, limit: Limit, now: datetime) -> int:
    return max(1, int((start + timedelta(seconds=limit.window_seconds) - now).total_seconds()) + 1)


def check(session: Session, keys: list[str], limit: Limit, message: str) -> None:
    """Raise TooManyAttempts when any key has used up its failures in the running window."""
    now = datetime.now(UTC)
    since = now - timedelta(seconds=limit.window_seconds)
    for k in keys:
        failures, start = repo.attempts(session, k, since)
        if start is not None and failures >= limit.allowed:
            raise TooManyAttempts(message, retry_after=_wait(start, limit, now))


def fail(session: Session, k: str, limit: Limit) -> int | None:
    """Count one failure; None while within the limit, else the seconds to wait. The count is
    read back by the statement that bumps it, so parallel failures never see the same count."""
    now = datetime.now(UTC)
    since = now - timedelta(seconds=limit.window_seconds)
    failures, start = repo.bump_attempts(session, k, now, since)
    if failures % 50 == 1:
        repo.forget_attempts_before(session, now - timedelta(days=1))
    return None if failures <= limit.allowed else _wait(start, limit, now)


def forget(session: Session, k: str) -> None:
    repo.clear_attempts(session, k)
