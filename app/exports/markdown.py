"""The rationale document as Markdown (the same sections as HTML and Word, charts as tables)."""

from __future__ import annotations

from app.domain.record import Record
from app.exports.content import PlanSection, Rationale, Table
from app.exports.html import document
from app.exports.text import md_block, md_cell, md_escape


def _table(t: Table, typed: bool = True) -> list[str]:
    def cell(text: str) -> str:
        return md_cell(text) if typed else text

    align = ["---:" if i in t.numeric else "---" for i in range(len(t.header))]
    lines = []
    if t.caption:
        lines += [f"_{md_cell(t.caption)}_", ""]
    lines += ["| " + " | ".join(cell(h) for h in t.header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(cell(c) for c in row) + " |" for row in t.rows]
    return lines + [""]


def _plan(plan: PlanSection) -> list[str]:
    out = [f"## Backbone plan: {md_cell(plan.title)}", "", md_escape(plan.intro), ""]
    out += ["### The department's situation", ""]
    out += _table(plan.situation)
    out += ["### What follows", ""]
    if plan.consequences:
        out += [
            f"- {md_cell(c.says)} _Because: {md_cell(c.because)}._"
            + (f" \\{c.cites[:-1]}\\]" if c.cites else "")
            for c in plan.consequences
        ]
    else:
        out += ["_No consequence follows from the answers given so far._"]
    out += ["", "### The model", "", f"**Model planned for:** {md_cell(plan.model)}", ""]
    out += ["### Functions: who carries each", ""]
    out += _table(plan.functions)
    out += ["### Staff", ""]
    out += _table(plan.staff)
    out += ["### Budget", ""]
    out += _table(plan.budget)
    out += [md_escape(plan.budget_note), ""]
    out += ["### Selection process", ""]
    out += _table(plan.selection)
    out += [f"**The backbone reports to:** {md_cell(plan.reports_to)}", ""]
    out += ["### Phases", ""]
    out += _table(plan.phases)
    out += [md_escape(plan.phases_note), ""]
    out += ["### Most similar cases", ""]
    out += _table(plan.cases) if plan.cases else ["_No case is like the answers given._", ""]
    return out


def render_markdown(doc: Rationale) -> str:
    out: list[str] = [f"# Backbone selection rationale: {md_cell(doc.title)}", ""]
    out += [f"- **{label}:** {md_cell(value)}" for label, value in doc.cover]
    out += ["", "## Summary", "", md_escape(doc.summary), ""]

    out += ["## Context and goal", ""]
    out += [line for p in doc.goal for line in (md_block(p), "")] or [
        "_No goal was recorded for this workshop._",
        "",
    ]

    out += ["## Who took part", ""]
    if doc.participation:
        out += _table(doc.participation)
    out += [md_escape(doc.participation_note), ""]
    if doc.missing_sectors:
        n = doc.cite("collective-action-backbone-planning")
        out += [
            f"**Sectors not represented:** {md_cell(', '.join(doc.missing_sectors))}. The planning "
            f"guidance asks whether a backbone reflects the community it serves \\[{n}\\]; the "
            "group may want to hear from these sectors before it acts.",
            "",
        ]

    out += ["## Method", ""]
    out += [line for p in doc.method for line in (md_escape(p), "")]

    out += ["## Criteria and weights", ""]
    out += _table(doc.criteria)
    if doc.weights_note:
        out += [f"_{md_cell(doc.weights_note)}_", ""]

    out += ["## Ratings", ""]
    out += _table(doc.matrix)
    if doc.legend:
        out += ["; ".join(f"**{md_cell(k)}** {md_cell(v)}" for k, v in doc.legend), ""]

    out += ["## Ranking", ""]
    out += _table(doc.ranking)

    out += ["## Where the group differed", ""]
    out += _table(doc.divided) if doc.divided else ["The ratings given did not differ.", ""]

    out += ["## How firm the ranking is", ""]
    out += [line for p in doc.robustness for line in (md_escape(p), "")]
    if doc.stability:
        out += _table(doc.stability)

    out += ["## Decision", ""]
    if not doc.decision:
        out += [f"_{md_cell(doc.decision_note)}_", ""]
    for f in doc.decision:
        if f.typed:
            out += [f"**{f.label}:**", "", md_block(f.text), ""]
        else:
            out += [f"**{f.label}:** {md_cell(f.text)}", ""]

    if doc.plan:
        out += _plan(doc.plan)

    out += ["## Considerations and next steps", ""]
    out += [
        "Choosing the backbone opens a set of practical questions. The sources suggest the "
        "group settle these next:",
        "",
    ]
    out += [
        f"{i}. **{md_cell(c.topic)}.** {md_cell(c.text)} \\[{n}\\]"
        for i, (c, n) in enumerate(doc.considerations, start=1)
    ]
    out += ["", "## Sources cited", ""]
    out += [f"{n}. {md_cell(s.reference)}" for n, s in doc.sources]
    out += [
        "",
        "_The criteria, the backbone models and the questions above are written in Backbone "
        "Select's own words and draw on these documents._",
        "",
        "## Appendix A. Timeline of stages and submissions",
        "",
    ]
    out += _table(doc.timeline)
    if doc.comments:
        out += ["## Appendix B. Comments left with ratings", ""]
        out += _table(doc.comments)
    out += [
        "## Checking a copy",
        "",
        f"SHA-256 fingerprint of this workshop's JSON record: `{doc.fingerprint}`",
        "",
        "It is computed over the record as stored, without its own fingerprint field, with keys "
        "sorted and no spaces. A copy that differs in any weight, rating or word of the decision "
        "gives another value, and Backbone Select refuses to import it.",
        "",
    ]
    return "\n".join(out)


def render(record: Record) -> bytes:
    return render_markdown(document(record)).encode()
