"""The rationale as the JSON record file (the format itself lives in app.domain.record_format)."""

from __future__ import annotations

import json

from app.domain.record import Record
from app.domain.record_format import record_data


def fingerprint(record: Record) -> str:
    return str(record_data(record)["fingerprint"])


def render(record: Record) -> bytes:
    return (json.dumps(record_data(record), indent=2, ensure_ascii=False) + "\n").encode()
