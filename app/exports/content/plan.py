"""The backbone plan a workshop was made from, part by part: the department's situation, what
follows from it, the model, functions, staff, budget, selection, phases and similar cases."""

from __future__ import annotations

from babel.numbers import format_currency, format_decimal

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
from app.exports.i18n import N_, _, language, ngettext, percent
from app.exports.text import clean_line

INTRO = N_(
    "This workshop was opened from a state health department's backbone plan. The plan records "
    "the department's situation, what follows from it and how the backbone would be organized; "
    "the group's own weighing and decision are set out above."
)


def money(amount: int, currency: str) -> str:
    """'$425,650' in English; '425.650 US$' in Spanish (the currency named, as $ alone is also
    the peso's sign)."""
    if language() != "en":
        return format_currency(
            amount, currency, format="#,##0\u00a0¤", locale=language(), currency_digits=False
        )
    sign = "-" if amount < 0 else ""
    return f"{sign}${abs(amount):,}" if currency == "USD" else f"{sign}{abs(amount):,} {currency}"


def _fte(value: float) -> str:
    if language() == "en":
        return f"{value:g}"
    return format_decimal(value, format="#,##0.##", locale=language())


def _answer(plan: PlanSummary, question: str, value: str) -> str:
    """'Question text — answer label': one answer that a point or a case rests on."""
    q = next((a for a in plan.answers if a.question == question), None)
    label = q.answer_label if q and q.answer == value else None
    return f"{clean_line(q.text) if q else question} — {clean_line(label or value)}"


def _situation(plan: PlanSummary) -> list[Block]:
    answered = sum(1 for a in plan.answers if a.answer is not None)
    table = Table(
        [_("Question"), _("The department's answer")],
        [
            [clean_line(a.text), clean_line(a.answer_label or _("Not answered"))]
            for a in plan.answers
        ],
        caption=_("{answered} of {total} questions answered.").format(
            answered=answered, total=len(plan.answers)
        ),
        id="plan-situation",
    )
    return [Subheading(_("The department's situation")), table]


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
        none = Paragraph(_("No consequence follows from the answers given so far."), "muted")
        return [Subheading(_("What follows")), none]
    return [Subheading(_("What follows")), Points(points)]


def _model(plan: PlanSummary) -> list[Block]:
    how = _("chosen by the planner") if plan.model_chosen else _("the model the answers lean to")
    model = Labelled(
        _("Model planned for"), f"{clean_line(plan.model_name)} ({how})", id="plan-model"
    )
    return [Subheading(_("The model")), model]


def _functions(plan: PlanSummary) -> list[Block]:
    table = Table(
        [_("Function"), _("Carried by"), _("Short-term measure"), _("Intermediate measure")],
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
    return [Subheading(_("Functions: who carries each")), table]


def _staff(plan: PlanSummary) -> list[Block]:
    table = Table(
        [_("Staff role"), _("FTE")],
        [[clean_line(s.name), _fte(s.fte)] for s in plan.staff]
        + [[_("Total"), _fte(plan.total_fte)]],
        numeric=frozenset({1}),
        caption=_("FTE: full-time equivalent; 1 is one person working full time."),
        id="plan-staff",
        style="narrow totals",
    )
    return [Subheading(_("Staff")), table]


def _budget(ctx: Context, plan: PlanSummary) -> list[Block]:
    b = plan.budget
    table = Table(
        [_("Category"), _("Line"), _("Amount"), _("Reference")],
        [
            [
                # A line the planner added is filed under "Added"; its label stays as typed.
                _("Added") if line.custom else clean_line(line.category),
                clean_line(line.label) + (" " + _("(share of salaries)") if line.computed else ""),
                money(line.amount, b.currency),
                money(line.reference, b.currency) if line.reference is not None else "–",
            ]
            for line in b.lines
        ]
        + [["", _("Total"), money(b.total, b.currency), money(b.reference_total, b.currency)]],
        numeric=frozenset({2, 3}),
        id="plan-budget",
        style="totals",
    )
    reference, amount = money(b.reference_total, b.currency), money(abs(b.difference), b.currency)
    if b.difference == 0:
        note = _("Total {total}, the same as the reference budget ({reference}, figures of {year})")
    elif b.difference > 0:
        note = _(
            "Total {total}, {difference} more than the reference budget ({reference}, figures "
            "of {year})"
        )
    else:
        note = _(
            "Total {total}, {difference} less than the reference budget ({reference}, figures "
            "of {year})"
        )
    note = note.format(
        total=money(b.total, b.currency), difference=amount, reference=reference, year=b.year
    )
    note = f"{note} {ctx.refs((b.source,))}".rstrip() + "."
    blocks: list[Block] = [Subheading(_("Budget")), table, Paragraph(note, id="plan-budget-note")]
    if b.adjustment is not None:
        a = b.adjustment
        factor = f"{a.factor:g}" if language() == "en" else _fte(a.factor)
        blocks.append(
            Paragraph(
                _(
                    "The planner's assumption, not a source's figure: amounts are in {year} "
                    "dollars, the {reference_year} reference multiplied by {factor}."
                ).format(year=a.year, reference_year=b.year, factor=factor),
                id="plan-budget-adjustment",
            )
        )
    return blocks


def _selection(plan: PlanSummary) -> list[Block]:
    table = Table(
        [_("Question"), _("Choice")],
        [
            [clean_line(c.question), clean_line(c.choice_label or _("Not decided"))]
            for c in plan.selection
        ],
        id="plan-selection",
    )
    reports = Labelled(
        _("The backbone reports to"),
        clean_line(plan.reports_to) or _("Not decided"),
        id="plan-reports-to",
    )
    return [Subheading(_("Selection process")), table, reports]


def _phases(plan: PlanSummary) -> list[Block]:
    done = sum(1 for ph in plan.phases if ph.done)
    table = Table(
        [_("Phase"), _("Component"), _("Step"), _("Status")],
        [
            [
                # A phase is named on its first step only, so the table reads as groups.
                clean_line(ph.phase) if i == 0 or plan.phases[i - 1].phase != ph.phase else "",
                clean_line(ph.component),
                clean_line(ph.text),
                _("Done") if ph.done else _("To do"),
            ]
            for i, ph in enumerate(plan.phases)
        ],
        id="plan-phases",
    )
    note = Paragraph(_("{done} of {total} steps done.").format(done=done, total=len(plan.phases)))
    return [Subheading(_("Phases")), table, note]


def _cases(ctx: Context, plan: PlanSummary) -> list[Block]:
    if not plan.similar_cases:
        return [
            Subheading(_("Most similar cases")),
            Paragraph(_("No case is like the answers given."), "muted"),
        ]
    table = Table(
        [_("Case"), _("Similarity"), _("Alike on"), _("Sources")],
        [
            [
                clean_line(m.case.name),
                ngettext(
                    "{share} on {shared} shared answer",
                    "{share} on {shared} shared answers",
                    m.shared,
                ).format(share=percent(m.score), shared=m.shared),
                "; ".join(_answer(plan, q, v) for q, v in m.alike)
                or _("Neighbouring answers only"),
                ctx.refs(m.case.sources),
            ]
            for m in plan.similar_cases
        ],
        numeric=frozenset({1}),
        id="plan-cases",
    )
    return [Subheading(_("Most similar cases")), table]


def section(ctx: Context) -> Section | None:
    plan = ctx.record.plan
    if plan is None:
        return None
    blocks: list[Block] = [
        Paragraph(_(INTRO)),
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
    heading = _("Backbone plan: {title}").format(title=clean_line(plan.title))
    return Section("plan", heading, tuple(blocks), style="plan")
