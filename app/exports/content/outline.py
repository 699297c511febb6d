"""The outline of the rationale: its sections in the one order every format shows them. A new
section is a builder added to SECTIONS; Markdown, HTML, PDF and Word then all carry it."""

from __future__ import annotations

from collections.abc import Callable

from app.domain.record import Record
from app.exports.content import (
    checking,
    collective_impact,
    comments,
    considerations,
    cover,
    criteria,
    decision,
    differed,
    followup,
    method,
    numbers,
    options,
    participation,
    plan,
    ranking,
    ratings,
    robustness,
    rounds,
    sources,
    timeline,
)
from app.exports.content.context import Context, context_of
from app.exports.content.model import Rationale, Section
from app.exports.layout import Layout
from app.exports.record_json import fingerprint

# A builder returns None when its section has nothing to say for this record (no plan, no
# comments), and the section is left out of every format.
SECTIONS: tuple[Callable[[Context], Section | None], ...] = (
    # The memo: after the recommendation on the cover, what a director needs to sign it.
    decision.section,
    options.section,
    criteria.section,
    participation.section,
    numbers.section,
    followup.risks,
    followup.next_steps,
    followup.approval,
    # The evidence behind it, then the appendices.
    cover.context_and_goal,
    ranking.section,
    ratings.section,
    differed.section,
    rounds.section,
    robustness.section,
    method.section,
    collective_impact.section,
    plan.section,
    considerations.section,
    sources.section,
    timeline.section,
    comments.section,
    checking.section,
)


def build(record: Record, fingerprint: str, layout: Layout | None = None) -> Rationale:
    layout = layout or Layout()
    ctx = context_of(record, fingerprint, layout)
    built = (make(ctx) for make in SECTIONS)
    return Rationale(
        record=record,
        cover=cover.cover(record, fingerprint, layout),
        sections=tuple(s for s in built if s is not None),
        fingerprint=fingerprint,
        criterion_labels=ctx.labels,
        layout=layout,
    )


def document(record: Record, layout: Layout | None = None) -> Rationale:
    """The rationale of a record, with the fingerprint of its JSON record."""
    return build(record, fingerprint(record), layout)
