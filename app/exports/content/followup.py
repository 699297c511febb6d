"""What the decision leaves to do: its risks and conditions and its next steps, each with an owner
and a due date, the review date, and the approval block with a line to sign for each approver."""

from __future__ import annotations

from app.domain.followup import FollowUp
from app.exports.content.context import Context
from app.exports.content.model import Block, Paragraph, Section, Table
from app.exports.text import clean, clean_line


def _table(ctx: Context, items: list[FollowUp], first: str, table_id: str) -> Table:
    rows = [
        [
            clean_line(f.text),
            clean_line(f.owner) or "Not named",
            f.due.isoformat() if f.due else "–",
        ]
        for f in items
    ]
    return Table([first, "Owner", "Due"], rows, id=table_id)


def risks(ctx: Context) -> Section | None:
    d = ctx.record.workshop.decision
    if d is None:
        return None
    items = [f for f in d.follow_ups if f.kind == "condition"]
    blocks: list[Block] = []
    if items:
        blocks.append(_table(ctx, items, "Risk or condition", "risks-table"))
    if d.conditions.strip():
        blocks.append(Paragraph(clean(d.conditions).strip(), "typed"))
    if not blocks:
        blocks.append(Paragraph("The group attached no conditions to its choice.", "muted"))
    return Section("risks", "Risks and conditions", tuple(blocks))


def next_steps(ctx: Context) -> Section | None:
    d = ctx.record.workshop.decision
    if d is None:
        return None
    items = [f for f in d.follow_ups if f.kind == "step"]
    blocks: list[Block] = []
    if items:
        blocks.append(_table(ctx, items, "Next step", "steps-table"))
    else:
        blocks.append(Paragraph("No next steps were recorded with the decision.", "muted"))
    if d.review_on:
        blocks.append(
            Paragraph(
                f"The group reviews this decision by {d.review_on.isoformat()}: whether the "
                "backbone is doing what it was chosen for, and whether to revisit the choice."
            )
        )
    return Section("follow-up-steps", "Next steps", tuple(blocks))


def approval(ctx: Context) -> Section | None:
    w = ctx.record.workshop
    if w.decision is None:
        return None
    rows = [["Convener", clean_line(w.convener) or "", "", "", ""]]
    rows += [
        ["Approver", clean_line(a.name), clean_line(a.title), "", ""] for a in w.decision.approvers
    ]
    intro = Paragraph(
        "By signing, each person below confirms that this memo records the group's decision "
        "as it was taken."
    )
    table = Table(
        ["Role", "Name", "Title", "Signature", "Date"], rows, id="approval-table", style="approval"
    )
    return Section("approval", "Approval", (intro, table))
