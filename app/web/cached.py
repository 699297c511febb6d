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
    plain, zipped = renderings(view, name, schema)
    headers = {"Vary": "Accept-Encoding"}
    body = plain
    if zipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
        body = zipped
        headers["Content-Encoding"] = "gzip"  # the middleware leaves an encoded body alone
    response = Response(body, media_type="application/json", headers=headers)
    return tagged(response, etag)


def renderings(
    view: results.ResultsView, name: str, schema: Callable[[results.ResultsView], BaseModel]
) -> tuple[bytes, bytes | None]:
    """The JSON of `schema(view)` and its gzip (None when too small to be worth it), made once
    per revision. Calling it in a worker thread first keeps the one rendering of a revision
    off the event loop."""
    plain = results.rendered(
        view, name, lambda v: schema(v).model_dump_json(by_alias=True).encode()
    )
    if len(plain) < MINIMUM_SIZE:
        return plain, None
    return plain, results.rendered(view, f"{name}.gz", lambda _: gzip.compress(plain, LEVEL))


def _json_of(
    schema: Callable[[results.ResultsView], BaseModel],
) -> Callable[[results.ResultsView], bytes]:
    return lambda view: schema(view).model_dump_json(by_alias=True).encode()
