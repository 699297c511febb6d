"""Considerations and next steps: the planning questions the sources put to a group once it has
chosen (criteria/considerations.yaml, carried by the record), each with its citation."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Paragraph, Section, Step, Steps
from app.exports.i18n import N_, _
from app.exports.text import clean_line

INTRO = N_(
    "Choosing the backbone opens a set of practical questions. The sources suggest the group "
    "settle these next:"
)


def section(ctx: Context) -> Section | None:
    steps = tuple(
        Step(clean_line(c.topic), clean_line(c.text), int(ctx.cite(c.source)))
        for c in ctx.record.considerations
        if ctx.cite(c.source)
    )
    if not steps:
        return None
    heading = _("Considerations and next steps")
    return Section("next-steps", heading, (Paragraph(_(INTRO)), Steps(steps)))
