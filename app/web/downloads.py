"""Turns a workshop record into a rationale download: sources and plan added, then rendered."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from app.domain.record import Record
from app.exports import Document, Layout
from app.exports.pool import render_bounded
from app.services.documents import for_documents
from app.settings import Settings


def layout_of(settings: Settings) -> Layout:
    return Layout(paper=settings.paper, timezone=settings.timezone)


def document_response(document: Document) -> Response:
    return Response(
        content=document.content,
        media_type=document.media_type,
        headers={"Content-Disposition": f'attachment; filename="{document.filename}"'},
    )


def rationale_response(request: Request, session: Session, record: Record, ext: str) -> Response:
    """The record as the `ext` document, with the app's catalogue sources and the workshop's
    plan, signed (app.state.archive, made at start-up), on the configured paper and time zone.
    A decided workshop's record comes sealed and is rendered as sealed. A PDF waits its turn in
    the document pool."""
    full = for_documents(session, record, request.app.state.archive)
    return document_response(render_bounded(full, ext, layout_of(request.app.state.settings)))
