"""JSON views of a workshop's cached results: rendered and gzipped once per revision, answered
304 when the client holds the current one."""

from __future__ import annotations

import gzip
from collections.abc import Callable

from fastapi import Request
from pydantic import BaseModel
from starlette.responses import Response

from app.services import results
from app.web.compression import LEVEL, MINIMUM_SIZE
from app.web.etags import etag_for, not_modified, tagged


def results_json(
    request: Request,
    view: results.ResultsView,
    name: str,
    schema: Callable[[results.ResultsView], BaseModel],
) -> Response:
    """`schema(view)` as a JSON response. `name` tells renderings apart (another schema of the
    same view is another name). The bytes, and their gzip, are made once per revision: the
    room fetching the revealed results at once costs one rendering, not two hundred."""
    etag = etag_for(view.workshop.id, view.workshop.revision, name)
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    body = results.rendered(view, name, lambda v: schema(v).model_dump_json(by_alias=True).encode())
    headers = {"Vary": "Accept-Encoding"}
    if len(body) >= MINIMUM_SIZE and "gzip" in request.headers.get("accept-encoding", ""):
        body = results.rendered(view, f"{name}.gz", lambda _: gzip.compress(body, LEVEL))
        headers["Content-Encoding"] = "gzip"  # the middleware leaves an encoded body alone
    response = Response(body, media_type="application/json", headers=headers)
    return tagged(response, etag)
