"""Schemas of the room: the countdown, rounds of rating, merging participants."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from app.domain.room import Timer
from app.domain.rounds import Rounds
from app.web.api.schemas import Body, Number
from app.web.api.schemas.results import RankedPublic, ranked_public


class TimerCreate(Body):
    seconds: Number


class TimerPublic(BaseModel):
    ends_at: datetime
    remaining: int


def timer_public(timer: Timer) -> TimerPublic:
    return TimerPublic(ends_at=timer.ends_at, remaining=timer.remaining)


class MergeCreate(Body):
    keep: int
    other: int


class RoundPublic(BaseModel):
    number: int
    closed_at: datetime | None
    ranking: list[RankedPublic]
    raters: int
    kendall_w: float | None
    spread: float | None


class MovedPublic(BaseModel):
    option: str
    criterion: str
    moved: int


class RoundChangePublic(BaseModel):
    before: int
    after: int
    moved: list[MovedPublic]
    moved_total: int
    kendall_w_change: float | None
    spread_change: float | None
    agreement_rose: bool | None
    agreement_trend: str | None


class RoundsPublic(BaseModel):
    current: int
    rounds: list[RoundPublic]
    changes: list[RoundChangePublic]


def rounds_public(rounds: Rounds) -> RoundsPublic:
    return RoundsPublic(
        current=rounds.current,
        rounds=[
            RoundPublic(
                number=r.number,
                closed_at=r.closed_at,
                ranking=ranked_public(r.ranking),
                raters=r.raters,
                kendall_w=r.kendall_w,
                spread=r.spread,
            )
            for r in rounds.rounds
        ],
        changes=[
            RoundChangePublic(
                before=c.before,
                after=c.after,
                moved=[
                    MovedPublic(option=o, criterion=k, moved=n)
                    for (o, k), n in sorted(c.moved.items())
                ],
                moved_total=c.moved_total,
                kendall_w_change=c.kendall_w_change,
                spread_change=c.spread_change,
                agreement_rose=c.agreement_rose,
                agreement_trend=c.agreement_trend,
            )
            for c in rounds.changes
        ],
    )
