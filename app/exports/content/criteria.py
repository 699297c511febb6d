"""Criteria and their weights: each criterion's group weight and the range members gave it."""

from __future__ import annotations

from app.exports.content.context import Context
from app.exports.content.model import (
    Block,
    Chart,
    Labelled,
    Paragraph,
    Section,
    Subheading,
    Table,
)
from app.exports.i18n import _, percent
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
                _("cost") if c.direction == "cost" else _("benefit"),
                percent(r.weights[c.key]),
                _("{low} to {high}").format(low=percent(s.minimum), high=percent(s.maximum))
                if s
                else "–",
            ]
        )
    blocks: list[Block] = [
        Table(
            ["#", _("Criterion"), _("Counts as"), _("Group weight"), _("Members' range")],
            rows,
            numeric=frozenset({3, 4}),
            id="criteria-table",
        )
    ]
    if not r.weights_given_by:
        blocks.append(
            Paragraph(_("Nobody gave weights, so every criterion counted the same."), "muted")
        )
    blocks.append(
        Chart(
            "weights",
            _(
                "Group weight of each criterion; the orange line spans the lowest to the highest "
                "weight a member gave."
            ),
        )
    )
    blocks += _why_they_matter(ctx)
    return Section("criteria", _("Criteria and their weights"), tuple(blocks))


def _why_they_matter(ctx: Context) -> list[Block]:
    """Each criterion's description and the questions the group was asked to weigh it by."""
    blocks: list[Block] = [Subheading(_("Why each criterion matters"))]
    for i, c in enumerate(ctx.record.workshop.criteria, start=1):
        questions = [clean_line(str(q)) for q in c.details.get("guiding_questions") or []]
        sources = [s for s in c.details.get("sources") or [] if isinstance(s, str)]
        cites = ctx.refs(sources)
        text = clean_line(c.description) or _("Added by the group.")
        if questions:
            text += " " + _("Questions to weigh it by:") + " " + " ".join(questions)
        blocks.append(Labelled(f"C{i} {clean_line(c.name)}", text + (f" {cites}" if cites else "")))
    return blocks
