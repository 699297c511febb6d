"""How firm the ranking is: members' shared ordering, and how far each weight may move while the
top option stays first."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import Block, Paragraph, Section, Table
from app.exports.i18n import N_, _, number, percent
from app.exports.text import clean_line

HEADING = N_("How firm the ranking is")


def section(ctx: Context) -> Section:
    record = ctx.record
    rb = record.robustness
    if rb is None:
        text = _(
            "How firm the ranking is was not computed: it needs at least two options, each "
            "rated on every criterion."
        )
        return Section("robustness", _(HEADING), (Paragraph(text),))
    blocks: list[Block] = []
    if rb.concordance is not None:
        blocks.append(
            Paragraph(
                _(
                    "Agreement on the order of the options (Kendall's W) was {w} across the "
                    "{members} members who finished their input, on a scale where 0 means no "
                    "shared ordering and 1 means everyone ordered the options alike."
                ).format(w=number(rb.concordance, 2), members=rb.members)
            )
        )
    if rb.stability:
        top = record.results.ranking[0]
        blocks.append(
            Paragraph(
                _(
                    "The table shows, for each criterion, how far its weight could move (the "
                    "others adjusting in proportion) while {top} stays ranked first."
                ).format(top=clean_line(top.name))
            )
        )
        rows = []
        for c in record.workshop.criteria:
            lo, hi = rb.stability[c.key]
            firm = (
                _("any weight")
                if lo <= 0.0005 and hi >= 0.9995
                else _("{low} to {high}").format(low=percent(lo), high=percent(hi))
            )
            rows.append([clean_line(c.name), percent(record.results.weights[c.key]), firm])
        blocks.append(
            Table(
                [_("Criterion"), _("Weight now"), _("Top option stays first from")],
                rows,
                numeric=frozenset({1}),
                id="stability",
                style="narrow",
            )
        )
    return Section("robustness", _(HEADING), tuple(blocks))
