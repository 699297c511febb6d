"""Appendix B: the comments people left with their ratings, option by criterion."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Section, Table
from app.exports.i18n import _
from app.exports.text import clean_line


def section(ctx: Context) -> Section | None:
    w = ctx.record.workshop
    rows = [
        [clean_line(o.name), clean_line(c.name), clean_line(text)]
        for o in w.options
        for c in w.criteria
        for text in ctx.record.comments.get((o.key, c.key), [])
    ]
    if not rows:
        return None
    table = Table([_("Option"), _("Criterion"), _("Comment")], rows, id="comments")
    heading = _("Appendix B. Comments left with ratings")
    return Section("appendix-comments", heading, (table,), style="appendix")
