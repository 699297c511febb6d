"""The rationale as a document model: a cover, then an ordered list of sections, each a heading
and its blocks (paragraphs, tables, fields, charts, lists). Every renderer walks the same list,
so the order and the words are said once; a renderer only decides how each kind of block looks.

Text in a block is final: sentences are built and typed text is cleaned by the section builders;
each renderer escapes it for its own format.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar, Literal

from app.domain.catalogue import Source
from app.domain.record import Record
from app.exports.layout import Layout


@dataclass(frozen=True)
class Cited:
    """A document in the bibliography, from the catalogue's sources carried by the record.
    `gloss` is the title's meaning in the document's language when that is not the title's
    own: the title stays as published, so the document can still be found by it."""

    key: str
    title: str
    publisher: str | None
    year: int | None
    gloss: str | None = None

    @classmethod
    def of(cls, source: Source) -> Cited:
        gloss = " ".join(source.gloss.split()) if source.gloss else None
        return cls(source.key, " ".join(source.title.split()), source.publisher, source.year, gloss)

    @property
    def tail(self) -> str:
        """Publisher and year where the document states them ('' when it states neither)."""
        return ", ".join(str(x) for x in (self.publisher, self.year) if x)

    @property
    def reference(self) -> str:
        """Title (and its gloss in square brackets), then publisher and year."""
        title = f"{self.title} [{self.gloss}]" if self.gloss else self.title
        return f"{title}. {self.tail}." if self.tail else f"{title}."


# --- blocks: `kind` lets the HTML template tell them apart ---


@dataclass(frozen=True)
class Paragraph:
    """Running text. `muted` is a note about what is missing; `typed` is what someone wrote,
    shown with its line breaks."""

    kind: ClassVar[str] = "paragraph"
    text: str
    tone: Literal["plain", "muted", "typed"] = "plain"
    id: str = ""


@dataclass(frozen=True)
class Labelled:
    """One line led by a bold label: "Model planned for: ..."."""

    kind: ClassVar[str] = "labelled"
    label: str
    text: str
    id: str = ""


@dataclass(frozen=True)
class Table:
    kind: ClassVar[str] = "table"
    header: list[str]
    rows: list[list[str]]
    numeric: frozenset[int] = frozenset()  # column indexes aligned right
    caption: str = ""
    id: str = ""
    style: str = ""  # the look it asks for: "narrow", "totals", "matrix", "timeline"


@dataclass(frozen=True)
class Chart:
    """A chart drawn from the record (app.exports.charts) under its name, with its caption."""

    kind: ClassVar[str] = "chart"
    name: Literal["weights", "heat_map", "ranking"]
    caption: str


@dataclass(frozen=True)
class Legend:
    """What short column labels stand for: (label, name) pairs."""

    kind: ClassVar[str] = "legend"
    entries: tuple[tuple[str, str], ...]


@dataclass(frozen=True)
class Field:
    label: str
    text: str  # cleaned typed text; may hold line breaks
    typed: bool = True


@dataclass(frozen=True)
class Fields:
    """Labelled answers, one after the other (the decision)."""

    kind: ClassVar[str] = "fields"
    fields: tuple[Field, ...]


@dataclass(frozen=True)
class Subheading:
    kind: ClassVar[str] = "subheading"
    text: str


@dataclass(frozen=True)
class PlanPoint:
    """One consequence of the department's answers: what follows, why, and where it is from."""

    says: str
    because: str
    cites: str  # "[2, 5]" or ""


@dataclass(frozen=True)
class Points:
    """A bulleted list of consequences, each with its reasons and citations."""

    kind: ClassVar[str] = "points"
    points: tuple[PlanPoint, ...]


@dataclass(frozen=True)
class Step:
    topic: str
    text: str
    cite: int  # the bibliography number of its source


@dataclass(frozen=True)
class Steps:
    """A numbered list of things to settle, each with a bold topic and its citation."""

    kind: ClassVar[str] = "steps"
    steps: tuple[Step, ...]


@dataclass(frozen=True)
class Bibliography:
    kind: ClassVar[str] = "bibliography"
    entries: tuple[tuple[int, Cited], ...]


@dataclass(frozen=True)
class Code:
    """A value to copy exactly (the fingerprint), after the words that say what it is."""

    kind: ClassVar[str] = "code"
    label: str
    value: str
    id: str = ""


Block = (
    Paragraph
    | Labelled
    | Table
    | Chart
    | Legend
    | Fields
    | Subheading
    | Points
    | Steps
    | Bibliography
    | Code
)


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    blocks: tuple[Block, ...]
    style: str = ""  # "plan" (starts a page), "appendix"


@dataclass(frozen=True)
class Cover:
    """The document's first page, laid out by each format in its own way."""

    title: str
    facts: tuple[tuple[str, str], ...]  # (label, value): chosen backbone, convener, status...
    summary: str
    author: str  # file metadata: the convener, or the product, never a participant
    created: datetime  # file metadata: when the decision was recorded, or the workshop opened
    notice: str = ""  # "NOT VERIFIED ..." for an imported record that does not verify
    verification: str = ""  # the fingerprint, the key id, and where to read how to check


@dataclass(frozen=True)
class Rationale:
    """The whole document, with the record it came from (the charts draw from it)."""

    record: Record
    cover: Cover
    sections: tuple[Section, ...]
    fingerprint: str
    criterion_labels: dict[str, str]  # criterion key -> its column head (name, or C1, C2...)
    layout: Layout = Layout()

    def section(self, section_id: str) -> Section | None:
        return next((s for s in self.sections if s.id == section_id), None)
