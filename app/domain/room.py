"""The room's shared state: the facilitator's countdown and who has joined and finished by
sector, as the room's screen and the console show them."""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime

from app.domain.errors import InvalidInput
from app.domain.numbers import is_number
from app.domain.workshop import SECTORS, Participant

TIMER_MIN_SECONDS, TIMER_MAX_SECONDS = 10, 3 * 60 * 60


def check_timer_seconds(value: object) -> int:
    """A countdown's length: whole seconds from 10 seconds to 3 hours."""
    if not is_number(value) or not math.isfinite(float(value)):
        raise InvalidInput("Give the countdown's length in seconds.", field="seconds")
    seconds = int(value)
    if not TIMER_MIN_SECONDS <= seconds <= TIMER_MAX_SECONDS:
        raise InvalidInput(
            f"A countdown runs from {TIMER_MIN_SECONDS} seconds to 3 hours.", field="seconds"
        )
    return seconds


@dataclass(frozen=True)
class Timer:
    """A countdown: its deadline, stored once on the server so every screen agrees."""

    ends_at: datetime
    remaining: int  # whole seconds left when read (0 once it has run out)

    @property
    def running(self) -> bool:
        return self.remaining > 0

    @property
    def clock(self) -> str:
        minutes, seconds = divmod(self.remaining, 60)
        return f"{minutes}:{seconds:02d}"


def timer_at(ends_at: datetime | None, now: datetime) -> Timer | None:
    if ends_at is None:
        return None
    return Timer(ends_at, max(0, math.ceil((ends_at - now).total_seconds())))


@dataclass(frozen=True)
class SectorCount:
    key: str
    name: str
    joined: int
    finished: int


def sector_counts(participants: Sequence[Participant]) -> list[SectorCount]:
    """Joined and finished per sector, in the catalogue's order, sectors present only."""
    counts = []
    for key, name in SECTORS.items():
        here = [p for p in participants if p.sector == key]
        if here:
            counts.append(SectorCount(key, name, len(here), sum(p.submitted for p in here)))
    return counts


def missing_sectors(participants: Sequence[Participant]) -> list[str]:
    """The names of the sectors nobody in the room comes from ('Other' never counts missing)."""
    present = {p.sector for p in participants}
    return [name for key, name in SECTORS.items() if key not in present and key != "other"]
