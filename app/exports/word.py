"""The rationale as a Word document an organization can edit: real headings, tables, images.
The cover, then every section of the content model in its order, each block as Word paragraphs."""

from __future__ import annotations

import io

from docx import Document as new_document
from docx.enum.section import WD_ORIENT
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt, RGBColor

from app.domain.record import Record
from app.exports import charts as charts_module
from app.exports.content import document, model
from app.exports.i18n import _
from app.exports.layout import Layout

INK = RGBColor(0x1F, 0x3B, 0x5C)
GREY = RGBColor(0x5A, 0x66, 0x76)
# Page height and width (python-docx takes them in that order here).
PAPER = {"letter": (Cm(27.94), Cm(21.59)), "a4": (Cm(29.7), Cm(21.0))}
SMALL_TABLES = {"timeline": 7.5, "plan-functions": 8.0, "plan-phases": 8.0}


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


def _font_pt(t: model.Table) -> float:
    """Long and wide tables in smaller type, so they fit the page's width."""
    if t.id == "matrix":
        return 7.5 if len(t.header) > 8 else 8.5
    return SMALL_TABLES.get(t.id, 8.5)


def _table(doc, t: model.Table) -> None:  # type: ignore[no-untyped-def]
    font_pt = _font_pt(t)
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


def _styles(doc, paper: str) -> None:  # type: ignore[no-untyped-def]
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
    section.page_height, section.page_width = PAPER.get(paper, PAPER["letter"])
    for side in ("left_margin", "right_margin"):
        setattr(section, side, Cm(2.0))
    section.top_margin = section.bottom_margin = Cm(2.0)


def _properties(doc, rd: model.Rationale) -> None:  # type: ignore[no-untyped-def]
    """Document properties carry the convener or the product, never a participant."""
    when = rd.cover.created
    core = doc.core_properties
    core.author = rd.cover.author
    core.last_modified_by = "Backbone Select"
    core.title = f"{_('Backbone selection rationale')}: {rd.cover.title}"[:255]
    core.subject = _("Backbone selection rationale")
    core.comments = f"SHA-256 of the JSON record: {rd.fingerprint}"
    core.keywords = "backbone organization; collective impact; decision rationale"
    core.category = ""
    core.identifier = ""
    core.created = core.modified = when.replace(tzinfo=None)
    core.last_printed = when.replace(tzinfo=None)
    core.revision = 1


def _field(paragraph, instruction: str) -> None:  # type: ignore[no-untyped-def]
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the page."""
    run = paragraph.add_run()
    for kind, text in (("begin", None), (None, instruction), ("separate", None), ("end", None)):
        if kind is None:
            element = OxmlElement("w:instrText")
            element.set(qn("xml:space"), "preserve")
            element.text = f" {text} "
        else:
            element = OxmlElement("w:fldChar")
            element.set(qn("w:fldCharType"), kind)
        run._r.append(element)
        if kind == "separate":
            run = paragraph.add_run("1")  # shown until Word updates the field
            run.font.size = Pt(8)


def _header_and_footer(doc, rd: model.Rationale) -> None:  # type: ignore[no-untyped-def]
    """Every page after the cover: the title in the header, the page number and the record's
    key in the footer (the cover page has its own, empty, header and footer)."""
    section = doc.sections[0]
    section.different_first_page_header_footer = True
    header = section.header.paragraphs[0]
    header.text = f"{_('Backbone selection rationale')}: {rd.cover.title}"[:120]
    footer = section.footer.paragraphs[0]
    footer.add_run(_("Record {fingerprint}… · Page ").format(fingerprint=rd.fingerprint[:16]))
    _field(footer, "PAGE")
    footer.add_run(" of ")
    _field(footer, "NUMPAGES")
    for paragraph in (header, footer):
        for run in paragraph.runs:
            run.font.size, run.font.color.rgb = Pt(8), GREY


def _cover(doc, cover: model.Cover, fingerprint: str) -> None:  # type: ignore[no-untyped-def]
    brand = doc.add_paragraph("BACKBONE SELECT · BACKBONE SELECTION RATIONALE")
    brand.runs[0].font.size, brand.runs[0].font.color.rgb = Pt(9), GREY
    doc.add_heading(cover.title, level=0)
    facts = doc.add_table(rows=0, cols=2)
    for label, value in cover.facts:
        cells = facts.add_row().cells
        cells[0].text, cells[1].text = label, value
        cells[0].paragraphs[0].runs[0].font.color.rgb = GREY
        cells[1].paragraphs[0].runs[0].bold = True
    if cover.notice:
        notice = doc.add_paragraph(cover.notice)
        notice.runs[0].bold, notice.runs[0].font.color.rgb = True, RGBColor(0xA3, 0x1F, 0x1F)
    doc.add_heading(_("Recommendation"), level=1)
    doc.add_paragraph(cover.summary)
    fp = doc.add_paragraph(
        cover.verification
        or _("Record fingerprint (SHA-256) {fingerprint}").format(fingerprint=fingerprint)
    )
    fp.runs[0].font.size, fp.runs[0].font.color.rgb = Pt(8), GREY
    doc.add_page_break()


def _paragraph(doc, p: model.Paragraph) -> None:  # type: ignore[no-untyped-def]
    if p.tone == "typed":
        _typed(doc, p.text)
        return
    paragraph = doc.add_paragraph(p.text)
    if p.tone == "muted":
        paragraph.runs[0].italic = True


def _labelled(doc, label: str, text: str) -> None:  # type: ignore[no-untyped-def]
    paragraph = doc.add_paragraph()
    paragraph.add_run(f"{label}: ").bold = True
    paragraph.add_run(text)


def _points(doc, block: model.Points) -> None:  # type: ignore[no-untyped-def]
    for c in block.points:
        item = doc.add_paragraph(style="List Bullet")
        item.add_run(c.says)
        because = item.add_run(f" {_('Because:')} {c.because}.")
        because.italic, because.font.color.rgb = True, GREY
        if c.cites:
            item.add_run(f" {c.cites}")


def _steps(doc, block: model.Steps) -> None:  # type: ignore[no-untyped-def]
    for s in block.steps:
        item = doc.add_paragraph(style="List Number")
        item.add_run(f"{s.topic}. ").bold = True
        item.add_run(f"{s.text} [{s.cite}]")


def _code(doc, block: model.Code) -> None:  # type: ignore[no-untyped-def]
    doc.add_paragraph(block.label)
    run = doc.add_paragraph().add_run(block.value)
    run.font.name, run.font.size = "DejaVu Sans Mono", Pt(8)


def _block(  # type: ignore[no-untyped-def]
    doc, block: model.Block, charts: dict[str, charts_module.Chart]
) -> None:
    match block:
        case model.Paragraph():
            _paragraph(doc, block)
        case model.Labelled():
            _labelled(doc, block.label, block.text)
        case model.Table():
            _table(doc, block)
        case model.Chart():
            if block.name in charts:
                _picture(doc, charts[block.name], block.caption)
        case model.Legend():
            legend = doc.add_paragraph("; ".join(f"{k} {v}" for k, v in block.entries))
            legend.runs[0].font.size = Pt(8)
        case model.Fields():
            for f in block.fields:
                doc.add_heading(f.label, level=2)
                _typed(doc, f.text)
        case model.Subheading():
            doc.add_heading(block.text, level=2)
        case model.Points():
            _points(doc, block)
        case model.Steps():
            _steps(doc, block)
        case model.Bibliography():
            for n, s in block.entries:
                doc.add_paragraph(f"[{n}] {s.reference}")
        case model.Code():
            _code(doc, block)


def render_word(rd: model.Rationale) -> bytes:
    doc = new_document()
    _styles(doc, rd.layout.paper)
    _properties(doc, rd)
    charts = charts_module.draw(rd)
    _header_and_footer(doc, rd)
    _cover(doc, rd.cover, rd.fingerprint)
    for section in rd.sections:
        doc.add_heading(section.heading, level=1)
        for block in section.blocks:
            _block(doc, block, charts)
    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()


def render(record: Record, layout: Layout | None = None) -> bytes:
    return render_word(document(record, layout))
