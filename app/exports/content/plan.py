"""The backbone plan a workshop was made from, part by part: the department's situation, what
follows from it, the model, functions, staff, budget, selection, phases and similar cases."""

from __future__ import annotations

from app.domain.numbers import percent
from app.domain.planning import PlanSummary
from app.exports.content.context import Context
from app.exports.content.model import (
    Block,
    Labelled,
    Paragraph,
    PlanPoint,
    Points,
    Section,
    Subheading,
    Table,
)
from app.exports.text import clean_line

INTRO = (
    "This workshop was opened from a state health department's backbone plan. The plan records "
    "the department's situation, what follows from it and how the backbone would be organized; "
    "the group's own weighing and decision are set out above."
)


def money(amount: int, currency: str) -> str:
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,}" if currency == "USD" else f"{sign}{abs(amount):,} {currency}"


def _fte(value: float) -> str:
    return f"{value:g}"


def _answer(plan: PlanSummary, question: str, value: str) -> str:
    """'Question text — answer label': one answer that a point or a case rests on."""
    q = next((a for a in plan.answers if a.question == question), None)
    label = q.answer_label if q and q.answer == value else None
    return f"{clean_line(q.text) if q else question} — {clean_line(label or value)}"


def _situation(plan: PlanSummary) -> list[Block]:
    answered = sum(1 for a in plan.answers if a.answer is not None)
    table = Table(
        ["Question", "The department's answer"],
        [[clean_line(a.text), clean_line(a.answer_label or "Not answered")] for a in plan.answers],
        caption=f"{answered} of {len(plan.answers)} questions answered.",
        id="plan-situation",
    )
    return [Subheading("The department's situation"), table]


def _consequences(ctx: Context, plan: PlanSummary) -> list[Block]:
    points = tuple(
        PlanPoint(
            clean_line(c.says),
            "; ".join(_answer(plan, q, v) for q, v in c.because),
            ctx.refs(c.sources),
        )
        for c in plan.consequences
    )
    if not points:
        none = Paragraph("No consequence follows from the answers given so far.", "muted")
        return [Subheading("What follows"), none]
    return [Subheading("What follows"), Points(points)]


def _model(plan: PlanSummary) -> list[Block]:
    how = "chosen by the planner" if plan.model_chosen else "the model the answers lean to"
    model = Labelled("Model planned for", f"{clean_line(plan.model_name)} ({how})", id="plan-model")
    return [Subheading("The model"), model]


def _functions(plan: PlanSummary) -> list[Block]:
    table = Table(
        ["Function", "Carried by", "Short-term measure", "Intermediate measure"],
        [
            [
                clean_line(f.name),
                clean_line(f.carrier_label),
                clean_line(f.measures.short_term) if f.measures else "–",
                clean_line(f.measures.intermediate) if f.measures else "–",
            ]
            for f in plan.functions
        ],
        id="plan-functions",
    )
    return [Subheading("Functions: who carries each"), table]


def _staff(plan: PlanSummary) -> list[Block]:
    table = Table(
        ["Staff role", "FTE"],
        [[clean_line(s.name), _fte(s.fte)] for s in plan.staff] + [["Total", _fte(plan.total_fte)]],
        numeric=frozenset({1}),
        id="plan-staff",
        style="narrow totals",
    )
    return [Subheading("Staff"), table]


def _budget(ctx: Context, plan: PlanSummary) -> list[Block]:
    b = plan.budget
    table = Table(
        ["Category", "Line", "Amount", "Reference"],
        [
            [
                clean_line(line.category),
                clean_line(line.label) + (" (share of salaries)" if line.computed else ""),
                money(line.amount, b.currency),
                money(line.reference, b.currency) if line.reference is not None else "–",
            ]
            for line in b.lines
        ]
        + [["", "Total", money(b.total, b.currency), money(b.reference_total, b.currency)]],
        numeric=frozenset({2, 3}),
        id="plan-budget",
        style="totals",
    )
    if b.difference == 0:
        difference = "the same as the reference budget"
    else:
        word = "more" if b.difference > 0 else "less"
        difference = f"{money(abs(b.difference), b.currency)} {word} than the reference budget"
    note = (
        f"Total {money(b.total, b.currency)}, {difference} "
        f"({money(b.reference_total, b.currency)}, figures of {b.year}) {ctx.refs((b.source,))}."
    ).replace(" .", ".")
    blocks: list[Block] = [Subheading("Budget"), table, Paragraph(note, id="plan-budget-note")]
    if b.adjustment is not None:
        a = b.adjustment
        blocks.append(
            Paragraph(
                f"The planner's assumption, not a source's figure: amounts are in {a.year} "
                f"dollars, the {b.year} reference multiplied by {a.factor:g}.",
                id="plan-budget-adjustment",
            )
        )
    return blocks


def _selection(plan: PlanSummary) -> list[Block]:
    table = Table(
        ["Question", "Choice"],
        [
            [clean_line(c.question), clean_line(c.choice_label or "Not decided")]
            for c in plan.selection
        ],
        id="plan-selection",
    )
    reports = Labelled(
        "The backbone reports to",
        clean_line(plan.reports_to) or "Not decided",
        id="plan-reports-to",
    )
    return [Subheading("Selection process"), table, reports]


def _phases(plan: PlanSummary) -> list[Block]:
    done = sum(1 for ph in plan.phases if ph.done)
    table = Table(
        ["Phase", "Component", "Step", "Status"],
        [
            [
                # A phase is named on its first step only, so the table reads as groups.
                clean_line(ph.phase) if i == 0 or plan.phases[i - 1].phase != ph.phase else "",
                clean_line(ph.component),
                clean_line(ph.text),
                "Done" if ph.done else "To do",
            ]
            for i, ph in enumerate(plan.phases)
        ],
        id="plan-phases",
    )
    note = Paragraph(f"{done} of {len(plan.phases)} steps done.")
    return [Subheading("Phases"), table, note]


def _cases(ctx: Context, plan: PlanSummary) -> list[Block]:
    if not plan.similar_cases:
        return [
            Subheading("Most similar cases"),
            Paragraph("No case is like the answers given.", "muted"),
        ]
    table = Table(
        ["Case", "Similarity", "Alike on", "Sources"],
        [
            [
                clean_line(m.case.name),
                f"{percent(m.score)} on {m.shared} shared answers",
                "; ".join(_answer(plan, q, v) for q, v in m.alike) or "Neighbouring answers only",
                ctx.refs(m.case.sources),
            ]
            for m in plan.similar_cases
        ],
        numeric=frozenset({1}),
        id="plan-cases",
    )
    return [Subheading("Most similar cases"), table]


def section(ctx: Context) -> Section | None:
    plan = ctx.record.plan
    if plan is None:
        return None
    blocks: list[Block] = [
        Paragraph(INTRO),
        *_situation(plan),
        *_consequences(ctx, plan),
        *_model(plan),
        *_functions(plan),
        *_staff(plan),
        *_budget(ctx, plan),
        *_selection(plan),
        *_phases(plan),
        *_cases(ctx, plan),
    ]
    heading = f"Backbone plan: {clean_line(plan.title)}"
    return Section("plan", heading, tuple(blocks), style="plan")
