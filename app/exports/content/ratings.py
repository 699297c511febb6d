"""Ratings: the group's mean rating of every option on every criterion, and its score."""

from __future__ import annotations

from app.exports.content.context import NAMED_COLUMNS, Context
from app.exports.content.model import Block, Chart, Legend, Section, Table
from app.exports.i18n import _, number
from app.exports.text import clean_line


def section(ctx: Context) -> Section:
    w, r = ctx.record.workshop, ctx.record.results
    scores = {x.option: x.score for x in r.ranking}
    rows = [
        [clean_line(o.name)]
        + [
            number(r.scores[o.key][c.key], 1) if c.key in r.scores[o.key] else "–"
            for c in w.criteria
        ]
        + [number(scores[o.key], 1)]
        for o in w.options
    ]
    blocks: list[Block] = [
        Table(
            [_("Option")] + [ctx.labels[c.key] for c in w.criteria] + [_("Score")],
            rows,
            numeric=frozenset(range(1, len(w.criteria) + 2)),
            caption=_(
                "Group mean rating of each option on each criterion (1 to 5), and its score."
            ),
            id="matrix",
            style="matrix",
        )
    ]
    if len(w.criteria) > NAMED_COLUMNS:
        blocks.append(Legend(tuple((ctx.labels[c.key], clean_line(c.name)) for c in w.criteria)))
    blocks.append(
        Chart(
            "heat_map",
            _(
                "Heat map of the mean ratings: the darker the cell, the better the option does on "
                "that criterion (cost criteria reversed)."
            ),
        )
    )
    return Section("ratings", _("Ratings"), tuple(blocks))
