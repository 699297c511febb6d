"""The documents a rationale cites, by title, read from criteria/sources.yaml.

The exports layer may not import the catalogue module, and a bibliography needs only titles,
so it reads the one file itself; the catalogue has already validated it at start-up.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import yaml

SOURCES_FILE = Path(__file__).resolve().parents[2] / "criteria" / "sources.yaml"


@dataclass(frozen=True)
class Cited:
    key: str
    title: str
    publisher: str | None
    year: int | None

    @property
    def reference(self) -> str:
        """Title, then publisher and year where the document states them."""
        tail = ", ".join(str(x) for x in (self.publisher, self.year) if x)
        return f"{self.title}. {tail}." if tail else f"{self.title}."


@lru_cache(maxsize=1)
def bibliography() -> dict[str, Cited]:
    data = yaml.safe_load(SOURCES_FILE.read_text(encoding="utf-8")) or {}
    return {
        s["key"]: Cited(
            s["key"], " ".join(str(s["title"]).split()), s.get("publisher"), s.get("year")
        )
        for s in data.get("sources", [])
    }
