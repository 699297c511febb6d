"""Sources cited: the bibliography, numbered as the document cites it."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Bibliography, Paragraph, Section

OWN_WORDS = (
    "The criteria, the backbone models and the questions above are written in Backbone "
    "Select's own words and draw on these documents."
)


def section(ctx: Context) -> Section:
    return Section(
        "sources", "Sources cited", (Bibliography(ctx.sources), Paragraph(OWN_WORDS, "muted"))
    )
