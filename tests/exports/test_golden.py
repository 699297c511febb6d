"""Markdown and HTML rationales compared with golden files (fixed record, fixed timestamps).

Regenerate after an intended change:
    UPDATE_GOLDEN=1 .venv/bin/python -m pytest tests/exports/test_golden.py
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from app.exports import render_document
from tests.exports.records import make_record

GOLDEN = Path(__file__).parent / "golden"
UPDATE = os.environ.get("UPDATE_GOLDEN") == "1"

CASES = {
    "decided": dict(participants=6, criteria=4, options=5),
    "anonymous-draft": dict(participants=3, criteria=7, options=3, decided=False, anonymous=True),
}


def normalized(ext: str, content: bytes) -> str:
    text = content.decode()
    if ext == "html":
        # Chart pixels belong to matplotlib's version; the charts are checked by their own tests.
        text = re.sub(r"data:image/svg\+xml;base64,[A-Za-z0-9+/=]+", "data:image/svg+xml;…", text)
    return text


@pytest.mark.parametrize("ext", ["md", "html"])
@pytest.mark.parametrize("case", list(CASES))
def test_rationale_matches_golden_file(case, ext):
    produced = normalized(ext, render_document(make_record(**CASES[case]), ext).content)
    path = GOLDEN / f"{case}.{ext}"
    if UPDATE or not path.exists():
        path.write_text(produced, encoding="utf-8")
    assert produced == path.read_text(encoding="utf-8"), f"regenerate with UPDATE_GOLDEN=1: {path}"
