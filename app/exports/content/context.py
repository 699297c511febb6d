"""What every section builder is given: the record, the numbering of the documents the rationale
cites, and how the criteria are named in table columns."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from app.domain.planning import plan_source_keys
from app.domain.record import Record
from app.exports.content.model import Cited
from app.exports.layout import Layout
from app.exports.text import clean_line

# Up to this many criteria, tables head their columns with names; beyond, with C1, C2, ...
NAMED_COLUMNS = 5


@dataclass(frozen=True)
class Context:
    record: Record
    fingerprint: str
    sources: tuple[tuple[int, Cited], ...]  # the bibliography, numbered from 1
    labels: dict[str, str]  # criterion key -> column head
    layout: Layout = Layout()

    def cite(self, key: str) -> str:
        """The bibliography number of a source, or "" when the record carries no such source."""
        return next((str(n) for n, s in self.sources if s.key == key), "")

    def refs(self, keys: Sequence[str]) -> str:
        """ "[2, 5]": the numbers of the sources among `keys` that are cited, or ""."""
        numbers = sorted({n for n, s in self.sources if s.key in keys})
        return f"[{', '.join(str(n) for n in numbers)}]" if numbers else ""


def _cited(record: Record) -> tuple[tuple[int, Cited], ...]:
    """Sources in the order the document first draws on them: items, the plan, the questions."""
    keys: list[str] = []
    for item in (*record.workshop.criteria, *record.workshop.options):
        for key in item.details.get("sources", []) or []:
            if isinstance(key, str) and key not in keys:
                keys.append(key)
    if record.plan is not None:
        keys += [k for k in plan_source_keys(record.plan) if k not in keys]
    for c in record.considerations:
        if c.source not in keys:
            keys.append(c.source)
    known = record.sources
    return tuple(enumerate((Cited.of(known[k]) for k in keys if k in known), start=1))


def _labels(record: Record) -> dict[str, str]:
    criteria = record.workshop.criteria
    if len(criteria) <= NAMED_COLUMNS:
        return {c.key: clean_line(c.name) for c in criteria}
    return {c.key: f"C{i}" for i, c in enumerate(criteria, start=1)}


def context_of(record: Record, fingerprint: str, layout: Layout | None = None) -> Context:
    return Context(record, fingerprint, _cited(record), _labels(record), layout or Layout())
