"""Conditional GETs for polled views: a weak ETag from what the view depends on, 304 when the
client already holds it (one cheap read instead of a render)."""

from __future__ import annotations

from fastapi import Request
from starlette.responses import Response

# no-cache: the browser keeps the body but asks again each time, sending If-None-Match.
POLL_CACHE_CONTROL = "no-cache, private"


def etag_for(workshop_id: int, version: int | str, kind: str = "") -> str:
    """A weak ETag naming the workshop and the version of what the view shows: its revision
    (moved by every write that changes results) or a narrower value such as its stage."""
    prefix = f"{kind}-" if kind else ""
    return f'W/"{prefix}w{workshop_id}-r{version}"'


def matches(request: Request, etag: str) -> bool:
    """True when the client's If-None-Match holds this ETag (a list or `*` included)."""
    sent = request.headers.get("if-none-match")
    if not sent:
        return False
    tags = {t.strip() for t in sent.split(",")}
    return "*" in tags or etag in tags or etag.removeprefix("W/") in tags


def poll_headers(etag: str) -> dict[str, str]:
    return {"ETag": etag, "Cache-Control": POLL_CACHE_CONTROL}


def not_modified(request: Request, etag: str) -> Response | None:
    """A 304 with the ETag when the client holds it already; None when the view must render."""
    if matches(request, etag):
        return Response(status_code=304, headers=poll_headers(etag))
    return None


def tagged(response: Response, etag: str) -> Response:
    """The rendered view with its ETag and the poll's cache rule."""
    response.headers.update(poll_headers(etag))
    return response
