"""The record file's identity: its kind and schema version, its canonical form and fingerprint.

The fingerprint is the SHA-256 of the canonical form of the record without its `fingerprint`
and `signature` fields: keys sorted, no spaces (`","` and `":"` separators), UTF-8, non-ASCII
kept as is. It depends only on what was stored, never on when it was exported, so any copy
can be checked against the stored decision. Export and import both compute it here.
"""

from __future__ import annotations

import hashlib
import json
from typing import Any

SCHEMA_VERSION = 1
KIND = "backbone-select/workshop-record"
# A participant's own copy: not a workshop record, so import refuses it by its kind.
PARTICIPANT_COPY_KIND = "backbone-select/participant-copy"
# Fields the canonical form leaves out: the fingerprint cannot cover itself, and the signature
# signs the fingerprint.
UNSIGNED_FIELDS = frozenset({"fingerprint", "signature"})


def canonical(data: dict[str, Any]) -> bytes:
    body = {k: v for k, v in data.items() if k not in UNSIGNED_FIELDS}
    return json.dumps(body, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()


def fingerprint_of(data: dict[str, Any]) -> str:
    return hashlib.sha256(canonical(data)).hexdigest()
