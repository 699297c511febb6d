"""Turns a workshop record into a rationale download: sources and plan added, then rendered."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from app.domain.catalogue import Catalogue
from app.domain.record import Record
from app.domain.translation import check_language, terms, translate_record
from app.exports import Document, Layout
from app.exports.pool import render_bounded
from app.services.documents import for_documents
from app.settings import Settings

# Documents people read are written in the language asked for; the JSON record and the CSV
# table are data (keys, signed bytes) and stay as recorded.
WRITTEN_FORMATS = frozenset({"md", "html", "pdf", "docx"})


def layout_of(settings: Settings) -> Layout:
    return Layout(paper=settings.paper, timezone=settings.timezone)


def in_language(
    record: Record, ext: str, layout: Layout, catalogue: Catalogue, language: str
) -> tuple[Record, Layout]:
    """The record and layout for a document in `language`: the catalogue's texts put in it
    and the fixed sentences asked of it (app/exports/i18n.py)."""
    text = catalogue.text_in(language) if ext in WRITTEN_FORMATS else None
    if text is None:
        return record, layout
    spoken = replace(layout, language=language, terms=terms(text))
    return translate_record(record, text), spoken


def document_response(document: Document) -> Response:
    return Response(
        content=document.content,
        media_type=document.media_type,
        headers={"Content-Disposition": f'attachment; filename="{document.filename}"'},
    )


def rationale_response(
    request: Request, session: Session, record: Record, ext: str, language: str | None = None
) -> Response:
    """The record as the `ext` document, with the app's catalogue sources and the workshop's
    plan, signed (app.state.archive, made at start-up), on the configured paper and time zone,
    in `language` (`?lang=` when not given; English by default). A decided workshop's record
    comes sealed and is rendered as sealed. A PDF waits its turn in the document pool."""
    language = check_language(language or request.query_params.get("lang") or "en")
    full = for_documents(session, record, request.app.state.archive)
    layout = layout_of(request.app.state.settings)
    full, layout = in_language(full, ext, layout, request.app.state.catalogue, language)
    return document_response(render_bounded(full, ext, layout))
