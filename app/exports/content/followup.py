"""What the decision leaves to do: its risks and conditions and its next steps, each with an owner
and a due date, the review date, and the approval block with a line to sign for each approver."""

from __future__ import annotations

from app.domain.followup import FollowUp
from app.exports.content.context import Context
from app.exports.content.model import Block, Paragraph, Section, Table
from app.exports.i18n import _
from app.exports.text import clean, clean_line


def _table(ctx: Context, items: list[FollowUp], first: str, table_id: str) -> Table:
    rows = [
        [
            clean_line(f.text),
            clean_line(f.owner) or _("Not named"),
            f.due.isoformat() if f.due else "–",
        ]
        for f in items
    ]
    return Table([first, _("Owner"), _("Due")], rows, id=table_id)


def risks(ctx: Context) -> Section | None:
    d = ctx.record.workshop.decision
    if d is None:
        return None
    items = [f for f in d.follow_ups if f.kind == "condition"]
    blocks: list[Block] = []
    if items:
        blocks.append(_table(ctx, items, _("Risk or condition"), "risks-table"))
    if d.conditions.strip():
        blocks.append(Paragraph(clean(d.conditions).strip(), "typed"))
    if not blocks:
        blocks.append(Paragraph(_("The group attached no conditions to its choice."), "muted"))
    return Section("risks", _("Risks and conditions"), tuple(blocks))


def next_steps(ctx: Context) -> Section | None:
    d = ctx.record.workshop.decision
    if d is None:
        return None
    items = [f for f in d.follow_ups if f.kind == "step"]
    blocks: list[Block] = []
    if items:
        blocks.append(_table(ctx, items, _("Next step"), "steps-table"))
    else:
        blocks.append(Paragraph(_("No next steps were recorded with the decision."), "muted"))
    if d.review_on:
        blocks.append(
            Paragraph(
                _(
                    "The group reviews this decision by {day}: whether the backbone is doing what "
                    "it was chosen for, and whether to revisit the choice."
                ).format(day=d.review_on.isoformat())
            )
        )
    return Section("follow-up-steps", _("Next steps"), tuple(blocks))


def approval(ctx: Context) -> Section | None:
    w = ctx.record.workshop
    if w.decision is None:
        return None
    rows = [[_("Convener"), clean_line(w.convener) or "", "", "", ""]]
    rows += [
        [_("Approver"), clean_line(a.name), clean_line(a.title), "", ""]
        for a in w.decision.approvers
    ]
    intro = Paragraph(
        _(
            "By signing, each person below confirms that this memo records the group's decision "
            "as it was taken."
        )
    )
    table = Table(
        [_("Role"), _("Name"), _("Title"), _("Signature"), _("Date")],
        rows,
        id="approval-table",
        style="approval",
    )
    return Section("approval", _("Approval"), (intro, table))
