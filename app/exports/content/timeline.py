"""Appendix A, the timeline: every recorded event, named by the catalogue's event labels
(criteria/timeline.yaml, carried by the record)."""

from __future__ import annotations

from app.domain.record import Record
from app.domain.workshop import STAGE_LABELS, Stage
from app.exports.content.context import Context
from app.exports.content.model import Section, Table
from app.exports.i18n import _, term
from app.exports.text import clean_line


def _detail(record: Record, kind: str, detail: str) -> str:
    if kind == "stage":
        try:
            return term(STAGE_LABELS[Stage(detail)])
        except ValueError:
            return clean_line(detail)
    if kind == "decided":
        options = record.workshop.options
        return next((clean_line(o.name) for o in options if o.key == detail), clean_line(detail))
    return clean_line(detail)


def section(ctx: Context) -> Section:
    record = ctx.record
    labels = record.event_labels
    table = Table(
        [_("When ({zone})").format(zone=ctx.layout.timezone), _("What"), _("Detail")],
        [
            [
                ctx.layout.when(e.at).rsplit(" ", 1)[0],
                # A kind the catalogue does not name (an old imported record's) shows as it is.
                labels.get(e.kind) or clean_line(e.kind),
                _detail(record, e.kind, e.detail),
            ]
            for e in record.events
        ],
        id="timeline",
        style="timeline",
    )
    heading = _("Appendix A. Timeline of stages and submissions")
    return Section("appendix-timeline", heading, (table,), style="appendix")
