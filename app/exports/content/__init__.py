"""What a rationale says, section by section: one document model that Markdown, HTML, PDF and
Word lay out. Every sentence the product writes is built here, once, from the record; the
renderers only lay it out. Text people typed is cleaned of unsafe characters here and escaped
by each format.

`model` holds the document's shape (sections of blocks), `outline` the order of the sections,
and one module per section builds it from the record.
"""

from app.exports.content.model import (
    Bibliography,
    Block,
    Chart,
    Cited,
    Code,
    Cover,
    Field,
    Fields,
    Labelled,
    Legend,
    Paragraph,
    PlanPoint,
    Points,
    Rationale,
    Section,
    Step,
    Steps,
    Subheading,
    Table,
)
from app.exports.content.outline import SECTIONS, build, document

__all__ = [
    "SECTIONS",
    "Bibliography",
    "Block",
    "Chart",
    "Cited",
    "Code",
    "Cover",
    "Field",
    "Fields",
    "Labelled",
    "Legend",
    "Paragraph",
    "PlanPoint",
    "Points",
    "Rationale",
    "Section",
    "Step",
    "Steps",
    "Subheading",
    "Table",
    "build",
    "document",
]
