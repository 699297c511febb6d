"""Sources cited: the bibliography, numbered as the document cites it."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Bibliography, Paragraph, Section
from app.exports.i18n import N_, _

OWN_WORDS = N_(
    "The criteria, the backbone models and the questions above are written in Backbone "
    "Select's own words and draw on these documents."
)


def section(ctx: Context) -> Section:
    return Section(
        "sources", _("Sources cited"), (Bibliography(ctx.sources), Paragraph(_(OWN_WORDS), "muted"))
    )
