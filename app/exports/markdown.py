"""The rationale document as Markdown: the cover, then every section of the content model in its
order, each block as Markdown lines (charts are left out: their figures are in the tables)."""

from __future__ import annotations

from app.domain.record import Record
from app.exports.content import document, model
from app.exports.i18n import _
from app.exports.layout import Layout
from app.exports.text import md_block, md_cell, md_escape


def _table(t: model.Table) -> list[str]:
    align = ["---:" if i in t.numeric else "---" for i in range(len(t.header))]
    lines = []
    if t.caption:
        lines += [f"_{md_cell(t.caption)}_", ""]
    lines += ["| " + " | ".join(md_cell(h) for h in t.header) + " |", "|" + "|".join(align) + "|"]
    lines += ["| " + " | ".join(md_cell(c) for c in row) + " |" for row in t.rows]
    return lines


def _paragraph(p: model.Paragraph) -> list[str]:
    if p.tone == "typed":
        return [md_block(p.text)]
    return [f"_{md_cell(p.text)}_" if p.tone == "muted" else md_escape(p.text)]


def _fields(block: model.Fields) -> list[str]:
    out: list[str] = []
    for f in block.fields:
        if f.typed:
            out += [f"**{f.label}:**", "", md_block(f.text), ""]
        else:
            out += [f"**{f.label}:** {md_cell(f.text)}", ""]
    return out[:-1]


def _block(block: model.Block) -> list[str]:
    """A block's lines, without the blank line that follows every block."""
    match block:
        case model.Paragraph():
            return _paragraph(block)
        case model.Labelled():
            return [f"**{md_cell(block.label)}:** {md_cell(block.text)}"]
        case model.Table():
            return _table(block)
        case model.Chart():
            return []
        case model.Legend():
            return ["; ".join(f"**{md_cell(k)}** {md_cell(v)}" for k, v in block.entries)]
        case model.Fields():
            return _fields(block)
        case model.Subheading():
            return [f"### {md_cell(block.text)}"]
        case model.Points():
            return [
                f"- {md_cell(p.says)} _{_('Because:')} {md_cell(p.because)}._"
                + (f" {md_cell(p.cites)}" if p.cites else "")
                for p in block.points
            ]
        case model.Steps():
            return [
                f"{i}. **{md_cell(s.topic)}.** {md_cell(s.text)} \\[{s.cite}\\]"
                for i, s in enumerate(block.steps, start=1)
            ]
        case model.Bibliography():
            return [f"{n}. {md_cell(s.reference)}" for n, s in block.entries]
        case model.Code():
            return [f"{md_cell(block.label)} `{block.value}`"]


def render_markdown(doc: model.Rationale) -> str:
    cover = doc.cover
    out: list[str] = [f"# {_('Backbone selection rationale')}: {md_cell(cover.title)}", ""]
    out += [f"- **{label}:** {md_cell(value)}" for label, value in cover.facts]
    if cover.notice:
        out += ["", f"> **{md_cell(cover.notice)}**"]
    out += ["", f"## {_('Recommendation')}", "", md_escape(cover.summary), ""]
    if cover.verification:
        out += [f"_{md_cell(cover.verification)}_", ""]
    for section in doc.sections:
        out += [f"## {md_cell(section.heading)}", ""]
        for block in section.blocks:
            lines = _block(block)
            out += [*lines, ""] if lines else []
    return "\n".join(out)


def render(record: Record, layout: Layout | None = None) -> bytes:
    return render_markdown(document(record, layout)).encode()
