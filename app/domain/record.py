"""The full record of a workshop that a rationale document is rendered from."""

from __future__ import annotations

from dataclasses import dataclass

from app.domain.results import Cell, WorkshopResults
from app.domain.workshop import Event, Workshop


@dataclass(frozen=True)
class Record:
    workshop: Workshop
    results: WorkshopResults
    comments: dict[Cell, list[str]]
    events: list[Event]
