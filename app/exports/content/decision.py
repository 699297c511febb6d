"""The decision: the option chosen, why, any departure from the ranking, agreement, dissent and
conditions, as the group recorded them."""

from __future__ import annotations

from app.domain.workshop import AGREEMENT_LEVELS
from app.exports.content.context import Context
from app.exports.content.model import Field, Fields, Paragraph, Section
from app.exports.i18n import _, term
from app.exports.text import clean, clean_line


def section(ctx: Context) -> Section:
    w = ctx.record.workshop
    d = w.decision
    if d is None:
        note = Paragraph(_("No decision has been recorded yet."), "muted")
        return Section("decision", _("Decision"), (note,))
    fields = [Field(_("Chosen backbone"), clean_line(d.option_name), typed=False)]
    fields.append(Field(_("Why the group chose it"), clean(d.rationale).strip()))
    if d.departs_from_ranking:
        tops = ", ".join(clean_line(w.option(k).name) for k in d.top_options)
        fields.append(
            Field(
                _("Departure from the ranking"),
                _("The top-ranked option was {tops}.").format(tops=tops),
                typed=False,
            )
        )
        if d.departure_reason:
            fields.append(
                Field(_("Why not the top-ranked option"), clean(d.departure_reason).strip())
            )
    fields.append(
        Field(
            _("Level of agreement"),
            term(AGREEMENT_LEVELS.get(d.agreement or "", "")) or _("Not recorded"),
            typed=False,
        )
    )
    fields.append(Field(_("Dissent"), clean(d.dissent).strip() or _("None recorded.")))
    fields.append(Field(_("Recorded"), ctx.layout.when(d.decided_at), typed=False))
    return Section("decision", _("Decision"), (Fields(tuple(fields)),))
