"""How firm the ranking is: members' shared ordering, and how far each weight may move while the
top option stays first."""

from __future__ import annotations

from app.domain.numbers import decimal, percent
from app.exports.content.context import Context
from app.exports.content.model import Block, Paragraph, Section, Table
from app.exports.text import clean_line

HEADING = "How firm the ranking is"


def section(ctx: Context) -> Section:
    record = ctx.record
    rb = record.robustness
    if rb is None:
        text = (
            "How firm the ranking is was not computed: it needs at least two options, each "
            "rated on every criterion."
        )
        return Section("robustness", HEADING, (Paragraph(text),))
    blocks: list[Block] = []
    if rb.concordance is not None:
        blocks.append(
            Paragraph(
                f"Agreement on the order of the options (Kendall's W) was "
                f"{decimal(rb.concordance, 2)} across the {rb.members} members who finished "
                "their input, on a scale where 0 means no shared ordering and 1 means everyone "
                "ordered the options alike."
            )
        )
    if rb.stability:
        top = record.results.ranking[0]
        blocks.append(
            Paragraph(
                f"The table shows, for each criterion, how far its weight could move (the others "
                f"adjusting in proportion) while {clean_line(top.name)} stays ranked first."
            )
        )
        rows = []
        for c in record.workshop.criteria:
            lo, hi = rb.stability[c.key]
            firm = (
                "any weight" if lo <= 0.0005 and hi >= 0.9995 else f"{percent(lo)} to {percent(hi)}"
            )
            rows.append([clean_line(c.name), percent(record.results.weights[c.key]), firm])
        blocks.append(
            Table(
                ["Criterion", "Weight now", "Top option stays first from"],
                rows,
                numeric=frozenset({1}),
                id="stability",
                style="narrow",
            )
        )
    return Section("robustness", HEADING, tuple(blocks))
