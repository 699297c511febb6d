"""After the decision: the conditions (risks) and next steps the group attached, each with an
owner and a due date, the people who approve the record, and when the decision is reviewed."""

from __future__ import annotations

import calendar
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from app.domain.errors import InvalidInput

KINDS = {"condition": "Risk or condition", "step": "Next step"}
REVIEW_MONTHS = 12  # a decision is reviewed a year on unless the facilitator says otherwise
MAX_ITEMS = 30
LIMITS = {"text": 500, "owner": 120, "name": 120, "title": 120}


@dataclass(frozen=True)
class FollowUp:
    kind: str  # "condition" | "step"
    text: str
    owner: str
    due: date | None
    id: int = 0
    done_at: datetime | None = None

    @property
    def done(self) -> bool:
        return self.done_at is not None


@dataclass(frozen=True)
class Approver:
    """Someone who signs the record: the convener, or an approver the facilitator names."""

    name: str
    title: str
    role: str = "Approver"


def review_date(decided: date, months: int = REVIEW_MONTHS) -> date:
    """The same day `months` later (the month's last day when it has no such day)."""
    month = decided.month - 1 + months
    year, month = decided.year + month // 12, month % 12 + 1
    return date(year, month, min(decided.day, calendar.monthrange(year, month)[1]))


def check_date(value: object, field: str) -> date | None:
    if value is None or value == "":
        return None
    if isinstance(value, date) and not isinstance(value, datetime):
        return value
    try:
        return date.fromisoformat(str(value))
    except ValueError:
        raise InvalidInput("Give a date as YYYY-MM-DD.", field=field) from None


def _text(item: Mapping[str, Any], key: str, field: str, required: bool = False) -> str:
    value = item.get(key) or ""
    if not isinstance(value, str):
        raise InvalidInput("Give text.", field=f"{field}.{key}")
    value = " ".join(value.split())
    if required and not value:
        raise InvalidInput("Say what it is.", field=f"{field}.{key}")
    if len(value) > LIMITS[key]:
        raise InvalidInput(f"At most {LIMITS[key]} characters.", field=f"{field}.{key}")
    return value


def check_follow_ups(kind: str, items: Sequence[Mapping[str, Any]], field: str) -> list[FollowUp]:
    """Rows with text become items; an owner or a date without text is an error."""
    if len(items) > MAX_ITEMS:
        raise InvalidInput(f"At most {MAX_ITEMS} items.", field=field)
    out = []
    for i, item in enumerate(items):
        at = f"{field}.{i}"
        text = _text(item, "text", at)
        owner = _text(item, "owner", at)
        due = check_date(item.get("due"), f"{at}.due")
        if not text:
            if owner or due:
                raise InvalidInput("Say what it is.", field=f"{at}.text")
            continue
        out.append(FollowUp(kind, text, owner, due))
    return out


def check_approvers(items: Sequence[Mapping[str, Any]], field: str) -> list[Approver]:
    if len(items) > MAX_ITEMS:
        raise InvalidInput(f"At most {MAX_ITEMS} approvers.", field=field)
    out = []
    for i, item in enumerate(items):
        name = _text(item, "name", f"{field}.{i}")
        title = _text(item, "title", f"{field}.{i}")
        if name:
            out.append(Approver(name, title))
        elif title:
            raise InvalidInput("Give the approver's name.", field=f"{field}.{i}.name")
    return out
