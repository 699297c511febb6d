"""What collective impact rests on: the five conditions (the deck's five elements) as context
for a workshop opened from a plan; left out when the workshop has no plan."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Labelled, Paragraph, Section
from app.exports.i18n import _
from app.exports.text import clean_line


def section(ctx: Context) -> Section | None:
    plan = ctx.record.plan
    if plan is None or plan.conditions is None:
        return None
    c = plan.conditions
    intro = f"{clean_line(c.intro)} {ctx.refs(c.sources)}".rstrip()
    items = tuple(
        Labelled(clean_line(i.name), clean_line(i.text), id=f"condition-{i.key}") for i in c.items
    )
    return Section(
        "collective-impact", _("What collective impact rests on"), (Paragraph(intro), *items)
    )
