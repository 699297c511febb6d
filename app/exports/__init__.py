"""Rationale documents, one renderer per file extension, all from the same workshop record."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from app.domain.errors import NotFound
from app.domain.keys import slug
from app.domain.record import Record
from app.exports import csv_long, html, markdown, pdf, record_json, word
from app.exports.i18n import speaking
from app.exports.layout import Layout


@dataclass(frozen=True)
class Document:
    content: bytes
    media_type: str
    filename: str


Renderer = Callable[[Record, Layout | None], bytes]

RENDERERS: dict[str, tuple[Renderer, str]] = {
    "md": (markdown.render, "text/markdown; charset=utf-8"),
    "html": (html.render, "text/html; charset=utf-8"),
    "pdf": (pdf.render, "application/pdf"),
    "docx": (
        word.render,
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    ),
    "json": (record_json.render, "application/json"),
    "csv": (csv_long.render, "text/csv; charset=utf-8"),
}


def file_stem(record: Record) -> str:
    title = slug(record.workshop.title, limit=50, fallback="workshop")
    return f"backbone-rationale-{record.workshop.id}-{title}"


def render_document(record: Record, ext: str, layout: Layout | None = None) -> Document:
    if ext not in RENDERERS:
        raise NotFound(
            f"No export format '.{ext}'. Available: {', '.join('.' + e for e in RENDERERS)}."
        )
    render, media_type = RENDERERS[ext]
    with speaking(layout):
        content = render(record, layout)
    language = layout.language if layout is not None else "en"
    suffix = "" if language == "en" else f"-{language}"
    return Document(content, media_type, f"{file_stem(record)}{suffix}.{ext}")
