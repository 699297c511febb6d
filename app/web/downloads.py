"""Turns a workshop record into a rationale download: sources and plan added, then rendered."""

from __future__ import annotations

from sqlmodel import Session
from starlette.requests import Request
from starlette.responses import Response

from app.domain.record import Record
from app.exports import Document
from app.exports.pool import render_bounded
from app.services.documents import for_documents


def document_response(document: Document) -> Response:
    return Response(
        content=document.content,
        media_type=document.media_type,
        headers={"Content-Disposition": f'attachment; filename="{document.filename}"'},
    )


def rationale_response(request: Request, session: Session, record: Record, ext: str) -> Response:
    """The record as the `ext` document, with the app's catalogue sources and the workshop's
    plan (app.state.catalogue and app.state.planning, loaded at start-up)."""
    state = request.app.state
    full = for_documents(session, record, state.catalogue, state.planning)
    return document_response(render_bounded(full, ext))
