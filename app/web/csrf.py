"""Cross-site request refusal by `Sec-Fetch-Site` / `Origin`, with no token plumbing."""

from __future__ import annotations

from urllib.parse import urlsplit

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Receive, Scope, Send

SAFE_METHODS = {"GET", "HEAD", "OPTIONS"}


def is_cross_site(method: str, headers: dict[str, str], host: str) -> bool:
    """True when a browser tells us an unsafe request comes from another site."""
    if method in SAFE_METHODS:
        return False
    fetch_site = headers.get("sec-fetch-site")
    if fetch_site is not None:
        return fetch_site not in ("same-origin", "none")
    origin = headers.get("origin")
    if origin is None:
        return False
    return urlsplit(origin).netloc != host


class CrossSiteGuard:
    """ASGI middleware: unsafe requests from another origin get 403 before any route runs."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "http":
            headers = {k.decode("latin-1"): v.decode("latin-1") for k, v in scope["headers"]}
            if is_cross_site(scope["method"], headers, headers.get("host", "")):
                await self._refuse(scope, receive, send)
                return
        await self.app(scope, receive, send)

    @staticmethod
    async def _refuse(scope: Scope, receive: Receive, send: Send) -> None:
        response = JSONResponse(
            {
                "ok": False,
                "status": 403,
                "error": "Requests from another site are refused.",
                "errors": [],
            },
            status_code=403,
        )
        await response(scope, receive, send)
