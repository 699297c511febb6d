"""Turns a rendered rationale document into a download response."""

from __future__ import annotations

from starlette.responses import Response

from app.exports import Document


def document_response(document: Document) -> Response:
    return Response(
        content=document.content,
        media_type=document.media_type,
        headers={"Content-Disposition": f'attachment; filename="{document.filename}"'},
    )
