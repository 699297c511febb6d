"""What the rationale documents take from criteria/: the planning questions put to a group once
it has chosen (considerations.yaml, each citing a source) and the names of the timeline's event
kinds (timeline.yaml), read and checked through the loader like every other catalogue file."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from pydantic import Field

from app.catalogue.loader import CatalogueProblem, Checker, Key, Schema, Text, read_file
from app.domain.catalogue import Consideration

CONSIDERATIONS_FILE = "considerations.yaml"
TIMELINE_FILE = "timeline.yaml"


class ConsiderationIn(Schema):
    key: Key
    topic: Text
    text: Text
    source: Key


class EventIn(Schema):
    kind: Key
    label: Text


class ConsiderationsFile(Schema):
    considerations: Annotated[list[ConsiderationIn], Field(min_length=1)]


class TimelineFile(Schema):
    events: Annotated[list[EventIn], Field(min_length=1)]


@dataclass(frozen=True)
class RationaleFiles:
    considerations: ConsiderationsFile
    timeline: TimelineFile

    def check(self, directory: Path, source_keys: Sequence[str]) -> list[CatalogueProblem]:
        """Keys and kinds unique; every consideration cites a document of sources.yaml."""
        check = Checker()
        f_con = f"{directory.name}/{CONSIDERATIONS_FILE}"
        f_tim = f"{directory.name}/{TIMELINE_FILE}"
        items = self.considerations.considerations
        check.unique([c.key for c in items], f_con, "considerations", "consideration key")
        for i, c in enumerate(items):
            check.known_key(c.source, source_keys, f_con, f"considerations[{i}].source", "source")
        check.unique([e.kind for e in self.timeline.events], f_tim, "events", "event kind")
        return check.problems

    def considerations_of(self) -> list[Consideration]:
        return [
            Consideration(c.key, c.topic, c.text, c.source)
            for c in self.considerations.considerations
        ]

    def event_labels(self) -> Mapping[str, str]:
        return {e.kind: e.label for e in self.timeline.events}


def read_rationale_files(
    directory: Path, problems: list[CatalogueProblem]
) -> RationaleFiles | None:
    """Both files parsed and shaped; what is wrong goes to `problems` and None comes back."""
    considerations = read_file(directory, CONSIDERATIONS_FILE, ConsiderationsFile, problems)
    timeline = read_file(directory, TIMELINE_FILE, TimelineFile, problems)
    if considerations is None or timeline is None:
        return None
    return RationaleFiles(considerations, timeline)
