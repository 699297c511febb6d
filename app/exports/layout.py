"""How a document is laid out where it is made: its paper size and the time zone of its times
(the settings BACKBONE_PAPER and BACKBONE_TIMEZONE). Never part of the record or its fingerprint."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from zoneinfo import ZoneInfo

PAPER_CSS = {"letter": "letter", "a4": "A4"}


@dataclass(frozen=True)
class Layout:
    paper: str = "letter"  # "letter" (US departments) or "a4"
    timezone: str = "UTC"  # an IANA name
    # The document's language, and the catalogue's words for the domain's labels (sectors,
    # levels of agreement) in it: plain pairs, so a layout travels to a pool worker as it is.
    language: str = "en"
    terms: tuple[tuple[str, str], ...] = ()

    def when(self, at: datetime) -> str:
        """A time in the document's zone, with the zone named: '2026-03-02 09:00 EST'."""
        local = at.astimezone(ZoneInfo(self.timezone))
        return f"{local:%Y-%m-%d %H:%M} {local.tzname() or self.timezone}"

    def day(self, at: datetime) -> str:
        return f"{at.astimezone(ZoneInfo(self.timezone)):%Y-%m-%d}"

    @property
    def page_size(self) -> str:
        return PAPER_CSS.get(self.paper, "letter")
