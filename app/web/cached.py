"""The results JSON of a workshop (the facilitator's and, once revealed, the room's): rendered
and gzipped once per revision from the cached analysis, answered 304 when the client holds
the current one."""

from __future__ import annotations

import gzip

from fastapi import Request
from starlette.responses import Response

from app.services import results
from app.web.api.schemas.results import results_public
from app.web.compression import LEVEL, MINIMUM_SIZE
from app.web.etags import etag_for, not_modified, tagged

NAME = "results"  # the renderings' name in the results cache, and the ETag's kind


def results_json(request: Request, view: results.ResultsView) -> Response:
    """The results as a JSON response (the schema is ResultsPublic). The bytes, and their gzip,
    are made once per revision: the room fetching the revealed results at once costs one
    rendering, not two hundred."""
    etag = etag_for(view.workshop.id, view.workshop.revision, NAME)
    unchanged = not_modified(request, etag)
    if unchanged is not None:
        return unchanged
    plain, zipped = renderings(view)
    headers = {"Vary": "Accept-Encoding"}
    body = plain
    if zipped is not None and "gzip" in request.headers.get("accept-encoding", ""):
        body = zipped
        headers["Content-Encoding"] = "gzip"  # the middleware leaves an encoded body alone
    response = Response(body, media_type="application/json", headers=headers)
    return tagged(response, etag)


def renderings(view: results.ResultsView) -> tuple[bytes, bytes | None]:
    """The results' JSON and its gzip (None when too small to be worth it), made once per
    revision. Calling it in a worker thread first keeps the one rendering of a revision off
    the event loop."""
    plain = results.rendered(view, NAME, _json)
    if len(plain) < MINIMUM_SIZE:
        return plain, None
    return plain, results.rendered(view, f"{NAME}.gz", lambda _: gzip.compress(plain, LEVEL))


def _json(view: results.ResultsView) -> bytes:
    return results_public(view.results, view.analysis).model_dump_json(by_alias=True).encode()
