"""Criteria and their weights: each criterion's group weight and the range members gave it."""

from __future__ import annotations

from app.domain.numbers import percent
from app.exports.content.context import Context
from app.exports.content.model import Block, Chart, Paragraph, Section, Table
from app.exports.text import clean_line


def section(ctx: Context) -> Section:
    w, r = ctx.record.workshop, ctx.record.results
    rows = []
    for i, c in enumerate(w.criteria, start=1):
        s = r.weight_spread.get(c.key)
        rows.append(
            [
                f"C{i}",
                clean_line(c.name),
                "cost" if c.direction == "cost" else "benefit",
                percent(r.weights[c.key]),
                f"{percent(s.minimum)} to {percent(s.maximum)}" if s else "–",
            ]
        )
    blocks: list[Block] = [
        Table(
            ["#", "Criterion", "Counts as", "Group weight", "Members' range"],
            rows,
            numeric=frozenset({3, 4}),
            id="criteria-table",
        )
    ]
    if not r.weights_given_by:
        blocks.append(
            Paragraph("Nobody gave weights, so every criterion counted the same.", "muted")
        )
    blocks.append(
        Chart(
            "weights",
            "Group weight of each criterion; the orange line spans the lowest to the highest "
            "weight a member gave.",
        )
    )
    return Section("criteria", "Criteria and their weights", tuple(blocks))
