"""The rationale as the JSON record file (the format itself lives in app.domain.record_format)."""

from __future__ import annotations

import json
from typing import Any

from app.domain.record import Record
from app.domain.record_format import record_data
from app.exports.layout import Layout


def data_of(record: Record) -> dict[str, Any]:
    """The signed record when there is one (sealed at the decision, or signed on export),
    otherwise the unsigned record made now."""
    return dict(record.sealed) if record.sealed is not None else record_data(record)


def fingerprint(record: Record) -> str:
    return str(data_of(record)["fingerprint"])


def key_id(record: Record) -> str | None:
    signature = data_of(record).get("signature")
    return str(signature["key_id"]) if isinstance(signature, dict) else None


def render(record: Record, layout: Layout | None = None) -> bytes:
    return (json.dumps(data_of(record), indent=2, ensure_ascii=False) + "\n").encode()
