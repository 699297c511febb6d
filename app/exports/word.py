"""The rationale as a Word document an organization can edit: real headings, tables, images."""

from __future__ import annotations

import io
from datetime import datetime

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from app.domain.record import Record
from app.exports import charts as charts_module
from app.exports.content import PlanSection, Rationale, Table
from app.exports.html import author_of, document

INK = RGBColor(0x1F, 0x3B, 0x5C)
GREY = RGBColor(0x5A, 0x66, 0x76)


def _shade(cell, colour: str) -> None:  # type: ignore[no-untyped-def]
    properties = cell._tc.get_or_add_tcPr()
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), colour)
    properties.append(shading)


def _repeat_header(row) -> None:  # type: ignore[no-untyped-def]
    properties = row._tr.get_or_add_trPr()
    flag = OxmlElement("w:tblHeader")
    flag.set(qn("w:val"), "true")
    properties.append(flag)


def _table(doc, t: Table, font_pt: float = 8.5) -> None:  # type: ignore[no-untyped-def]
    if t.caption:
        caption = doc.add_paragraph(t.caption)
        caption.runs[0].italic = True
        caption.runs[0].font.color.rgb = GREY
    table = doc.add_table(rows=1, cols=len(t.header))
    table.style = "Table Grid"
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for i, text in enumerate(t.header):
        cell = table.rows[0].cells[i]
        cell.text = text
        run = cell.paragraphs[0].runs[0]
        run.bold, run.font.size = True, Pt(font_pt)
        run.font.color.rgb = RGBColor(0xFF, 0xFF, 0xFF)
        _shade(cell, "1F3B5C")
    _repeat_header(table.rows[0])
    for row in t.rows:
        cells = table.add_row().cells
        for i, text in enumerate(row):
            cells[i].text = text
            paragraph = cells[i].paragraphs[0]
            if i in t.numeric:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.RIGHT
            for run in paragraph.runs:
                run.font.size = Pt(font_pt)
    doc.add_paragraph()


def _typed(doc, text: str) -> None:  # type: ignore[no-untyped-def]
    """Typed text keeps its line breaks; python-docx escapes everything as XML text."""
    paragraph = doc.add_paragraph()
    for i, line in enumerate(text.splitlines() or [""]):
        if i:
            paragraph.add_run().add_break()
        paragraph.add_run(line)


def _picture(doc, chart: charts_module.Chart, caption: str) -> None:  # type: ignore[no-untyped-def]
    doc.add_picture(io.BytesIO(chart.png()), width=Cm(16))
    note = doc.add_paragraph(caption)
    note.runs[0].italic = True
    note.runs[0].font.size = Pt(8)
    note.runs[0].font.color.rgb = GREY


def _styles(doc) -> None:  # type: ignore[no-untyped-def]
    normal = doc.styles["Normal"]
    normal.font.name = "DejaVu Serif"
    normal.font.size = Pt(10)
    for name, size in (("Title", 24), ("Heading 1", 14), ("Heading 2", 12)):
        style = doc.styles[name]
        style.font.name = "DejaVu Sans"
        style.font.size = Pt(size)
        style.font.color.rgb = INK
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_height, section.page_width = Cm(29.7), Cm(21.0)
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(2.0)


def _properties(doc, rd: Rationale) -> None:  # type: ignore[no-untyped-def]
    """Document properties carry the convener or the product, never a participant."""
    w = rd.record.workshop
    when: datetime = w.decision.decided_at if w.decision else w.created_at
    core = doc.core_properties
    core.author = author_of(rd)
    core.last_modified_by = "Backbone Select"
    core.title = f"Backbone selection rationale: {rd.title}"[:255]
    core.subject = "Backbone selection rationale"
    core.comments = f"SHA-256 of the JSON record: {rd.fingerprint}"
    core.keywords = "backbone organization; collective impact; decision rationale"
    core.category = ""
    core.identifier = ""
    core.created = core.modified = when.replace(tzinfo=None)
    core.last_printed = when.replace(tzinfo=None)
    core.revision = 1


def _plan(doc, plan: PlanSection) -> None:  # type: ignore[no-untyped-def]
    doc.add_heading(f"Backbone plan: {plan.title}", level=1)
    doc.add_paragraph(plan.intro)
    doc.add_heading("The department's situation", level=2)
    _table(doc, plan.situation)
    doc.add_heading("What follows", level=2)
    for c in plan.consequences:
        item = doc.add_paragraph(style="List Bullet")
        item.add_run(c.says)
        because = item.add_run(f" Because: {c.because}.")
        because.italic, because.font.color.rgb = True, GREY
        if c.cites:
            item.add_run(f" {c.cites}")
    if not plan.consequences:
        doc.add_paragraph("No consequence follows from the answers given so far.")
    doc.add_heading("The model", level=2)
    model = doc.add_paragraph()
    model.add_run("Model planned for: ").bold = True
    model.add_run(plan.model)
    doc.add_heading("Functions: who carries each", level=2)
    _table(doc, plan.functions, font_pt=8)
    doc.add_heading("Staff", level=2)
    _table(doc, plan.staff)
    doc.add_heading("Budget", level=2)
    _table(doc, plan.budget)
    doc.add_paragraph(plan.budget_note)
    doc.add_heading("Selection process", level=2)
    _table(doc, plan.selection)
    reports = doc.add_paragraph()
    reports.add_run("The backbone reports to: ").bold = True
    reports.add_run(plan.reports_to)
    doc.add_heading("Phases", level=2)
    _table(doc, plan.phases, font_pt=8)
    doc.add_paragraph(plan.phases_note)
    doc.add_heading("Most similar cases", level=2)
    if plan.cases:
        _table(doc, plan.cases)
    else:
        doc.add_paragraph("No case is like the answers given.")


def render_word(rd: Rationale) -> bytes:
    doc = new_document()
    _styles(doc)
    _properties(doc, rd)
    charts = charts_module.draw(rd)

    brand = doc.add_paragraph("BACKBONE SELECT · BACKBONE SELECTION RATIONALE")
    brand.runs[0].font.size, brand.runs[0].font.color.rgb = Pt(9), GREY
    doc.add_heading(rd.title, level=0)
    facts = doc.add_table(rows=0, cols=2)
    for label, value in rd.cover:
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
        cells[0].paragraphs[0].runs[0].font.color.rgb = GREY
        cells[1].paragraphs[0].runs[0].bold = True
    doc.add_heading("Summary", level=1)
    doc.add_paragraph(rd.summary)
    fp = doc.add_paragraph(f"SHA-256 fingerprint of the JSON record: {rd.fingerprint}")
    fp.runs[0].font.size, fp.runs[0].font.color.rgb = Pt(8), GREY
    doc.add_page_break()

    doc.add_heading("Context and goal", level=1)
    for p in rd.goal or []:
        _typed(doc, p)
    if not rd.goal:
        doc.add_paragraph("No goal was recorded for this workshop.").runs[0].italic = True

    doc.add_heading("Who took part", level=1)
    if rd.participation:
        _table(doc, rd.participation)
    doc.add_paragraph(rd.participation_note)
    if rd.missing_sectors:
        n = rd.cite("collective-action-backbone-planning")
        doc.add_paragraph(
            f"Sectors not represented: {', '.join(rd.missing_sectors)}. The planning guidance "
            f"asks whether a backbone reflects the community it serves [{n}]; the group may want "
            "to hear from these sectors before it acts."
        )

    doc.add_heading("How the group decided", level=1)
    for p in rd.method:
        doc.add_paragraph(p)

    doc.add_heading("Criteria and their weights", level=1)
    _table(doc, rd.criteria)
    if rd.weights_note:
        doc.add_paragraph(rd.weights_note).runs[0].italic = True
    if "weights" in charts:
        _picture(
            doc,
            charts["weights"],
            "Group weight of each criterion; the orange line spans "
            "the lowest to the highest weight a member gave.",
        )

    doc.add_heading("Ratings", level=1)
    _table(doc, rd.matrix, font_pt=7.5 if len(rd.matrix.header) > 8 else 8.5)
    if rd.legend:
        doc.add_paragraph("; ".join(f"{k} {v}" for k, v in rd.legend)).runs[0].font.size = Pt(8)
    if "heat_map" in charts:
        _picture(
            doc,
            charts["heat_map"],
            "Heat map of the mean ratings: the darker the cell, "
            "the better the option does on that criterion (cost criteria reversed).",
        )

    doc.add_heading("Ranking", level=1)
    _table(doc, rd.ranking)
    if "ranking" in charts:
        _picture(doc, charts["ranking"], "Score of each option out of 100.")

    doc.add_heading("Where the group differed", level=1)
    if rd.divided:
        _table(doc, rd.divided)
    else:
        doc.add_paragraph("The ratings given did not differ.")

    doc.add_heading("How firm the ranking is", level=1)
    for line in rd.robustness:
        doc.add_paragraph(line)
    if rd.stability:
        _table(doc, rd.stability)

    doc.add_heading("Decision", level=1)
    if not rd.decision:
        doc.add_paragraph(rd.decision_note).runs[0].italic = True
    for f in rd.decision:
        doc.add_heading(f.label, level=2)
        _typed(doc, f.text)

    if rd.plan:
        _plan(doc, rd.plan)

    doc.add_heading("Considerations and next steps", level=1)
    doc.add_paragraph(
        "Choosing the backbone opens a set of practical questions. The sources suggest the "
        "group settle these next:"
    )
    for c, ref in rd.considerations:
        item = doc.add_paragraph(style="List Number")
        item.add_run(f"{c.topic}. ").bold = True
        item.add_run(f"{c.text} [{ref}]")

    doc.add_heading("Sources cited", level=1)
    for ref, s in rd.sources:
        doc.add_paragraph(f"[{ref}] {s.reference}")

    doc.add_heading("Appendix A. Timeline of stages and submissions", level=1)
    _table(doc, rd.timeline, font_pt=7.5)
    if rd.comments:
        doc.add_heading("Appendix B. Comments left with ratings", level=1)
        _table(doc, rd.comments)
    doc.add_heading("Checking a copy", level=1)
    doc.add_paragraph(
        f"The SHA-256 fingerprint of this workshop's JSON record is {rd.fingerprint}. It is "
        "computed over the record as stored, without its own fingerprint field, with keys sorted "
        "and no spaces. A copy that differs in any weight, rating or word of the decision gives "
        "another value, and Backbone Select refuses to import it."
    )

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def render(record: Record) -> bytes:
    return render_word(document(record))
