"""Response compression: gzip for text (HTML, JSON, CSS, JS) above a size, never for formats
that are compressed already (PDF, Word, images)."""

from __future__ import annotations

from fastapi import FastAPI
from starlette.middleware.gzip import DEFAULT_EXCLUDED_CONTENT_TYPES, GZipMiddleware

# Below about a kilobyte the gzip header and the CPU cost more than they save; a 304 or a
# saved-form fragment stays as it is.
MINIMUM_SIZE = 1024
# Level 6 keeps most of level 9's savings on JSON and HTML for about half its CPU time: the
# room's phones all fetch the same results at the reveal.
LEVEL = 6
ALREADY_COMPRESSED = (
    *DEFAULT_EXCLUDED_CONTENT_TYPES,
    "application/pdf",
    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
)


def install_compression(app: FastAPI) -> None:
    """Registered once in main.create_app."""
    app.add_middleware(
        GZipMiddleware,
        minimum_size=MINIMUM_SIZE,
        compresslevel=LEVEL,
        exclude_content_types=ALREADY_COMPRESSED,
    )
