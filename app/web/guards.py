"""ASGI guards that run before any route: the body-size limit (413 before parsing), ids out of
range (404), NUL bytes (422), and the security headers every response carries."""

from __future__ import annotations

import re

from starlette.responses import JSONResponse
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.domain import limits

# The largest id either backend stores: PostgreSQL's INTEGER; SQLite's would be 2^63 - 1, but a
# workshop answers the same on both.
MAX_ID = limits.MAX_ID
MAX_DEPTH = 32  # JSON nesting no body of ours comes near; deeper is refused, never recursed into

# Scripts only from our own host, no inline script, no eval; bar widths are style attributes.
CONTENT_SECURITY_POLICY = "; ".join(
    [
        "default-src 'self'",
        "script-src 'self'",
        "style-src 'self'",
        "style-src-attr 'unsafe-inline'",
        "img-src 'self' data:",
        "object-src 'none'",
        "base-uri 'none'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ]
)
HSTS = "max-age=31536000; includeSubDomains"
_JSON_NUL = re.compile(rb"(?<!\\)\\u0000", re.IGNORECASE)
_FORM_NUL = re.compile(rb"%00")


def error_json(status: int, message: str, field: str | None = None) -> JSONResponse:
    errors = [{"field": field, "message": message}] if field else []
    body = {"ok": False, "status": status, "error": message, "errors": errors}
    return JSONResponse(body, status_code=status)


def id_out_of_range(path: str) -> bool:
    """True when a path segment is a number no row can have (2^31 or more)."""
    for segment in path.split("/"):
        if segment.isascii() and segment.isdigit():
            if len(segment) > 10 or int(segment) > MAX_ID:
                return True
    return False


def has_nul(body: bytes, content_type: str) -> bool:
    """A NUL character in a JSON or form body (PostgreSQL text cannot hold one)."""
    if b"\x00" in body:
        return True
    if "json" in content_type:
        return _JSON_NUL.search(body) is not None
    if "x-www-form-urlencoded" in content_type:
        return _FORM_NUL.search(body) is not None
    return False


_JSON_TOKENS = re.compile(rb'\\.|"|[\[\]{}]', re.DOTALL)


def too_deep(body: bytes, limit: int = MAX_DEPTH) -> bool:
    """True when JSON brackets nest deeper than `limit` (strings skipped), without parsing."""
    if body.count(b"[") + body.count(b"{") <= limit:
        return False
    depth = 0
    in_string = False
    for match in _JSON_TOKENS.finditer(body):
        token = match.group()
        if token == b'"':
            in_string = not in_string
        elif in_string or len(token) == 2:
            continue
        elif token in (b"[", b"{"):
            depth += 1
            if depth > limit:
                return True
        else:
            depth -= 1
    return False


class RequestGuard:
    """Refuses what no route should ever see: oversize bodies (by Content-Length or as they
    stream), ids no row can have, NUL bytes and absurd nesting, each in the one error shape."""

    def __init__(self, app: ASGIApp, max_body_bytes: int) -> None:
        self.app = app
        self.max_body_bytes = max_body_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        if id_out_of_range(scope["path"]) or "\x00" in scope["path"]:
            await error_json(404, "There is nothing at this address.")(scope, receive, send)
            return
        if _FORM_NUL.search(scope.get("query_string", b"")):
            await error_json(422, "Text may not hold NUL characters.", "query")(
                scope, receive, send
            )
            return
        headers = dict(scope["headers"])
        declared = headers.get(b"content-length", b"")
        if declared.isdigit() and int(declared) > self.max_body_bytes:
            await self._too_large(scope, receive, send)
            return
        if scope["method"] in ("GET", "HEAD", "OPTIONS"):
            await self.app(scope, receive, send)
            return
        body = await self._read(receive)
        if body is None:
            await self._too_large(scope, receive, send)
            return
        refusal = self._refusal(body, headers.get(b"content-type", b"").decode("latin-1"))
        if refusal is not None:
            await refusal(scope, receive, send)
            return
        await self.app(scope, _replay(body, receive), send)

    async def _read(self, receive: Receive) -> bytes | None:
        chunks: list[bytes] = []
        size = 0
        while True:
            message = await receive()
            if message["type"] != "http.request":
                return b"".join(chunks)
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.max_body_bytes:
                return None
            chunks.append(chunk)
            if not message.get("more_body", False):
                return b"".join(chunks)

    @staticmethod
    def _refusal(body: bytes, content_type: str) -> JSONResponse | None:
        lowered = content_type.lower()
        if has_nul(body, lowered):
            return error_json(422, "Text may not hold NUL characters.", "body")
        if "json" in lowered and too_deep(body):
            return error_json(422, f"JSON may nest at most {MAX_DEPTH} levels deep.", "body")
        return None

    async def _too_large(self, scope: Scope, receive: Receive, send: Send) -> None:
        limit_kb = self.max_body_bytes // 1024
        message = f"The request body is too large: at most {limit_kb} KB."
        await error_json(413, message)(scope, receive, send)


def _replay(body: bytes, receive: Receive) -> Receive:
    sent = False

    async def replayed() -> Message:
        nonlocal sent
        if not sent:
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}
        return await receive()

    return replayed


class SecurityHeaders:
    """Adds the CSP, nosniff, Referrer-Policy and frame refusal (and HSTS in production) to
    every response that does not set its own policy (the API docs pages do)."""

    def __init__(self, app: ASGIApp, production: bool) -> None:
        self.app = app
        self.headers: list[tuple[bytes, bytes]] = [
            (b"x-content-type-options", b"nosniff"),
            (b"referrer-policy", b"same-origin"),
            (b"x-frame-options", b"DENY"),
            (b"cross-origin-opener-policy", b"same-origin"),
        ]
        if production:
            self.headers.append((b"strict-transport-security", HSTS.encode()))

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                headers = list(message.get("headers", []))
                names = {name.lower() for name, _ in headers}
                headers.extend(h for h in self.headers if h[0] not in names)
                if b"content-security-policy" not in names:
                    headers.append((b"content-security-policy", CONTENT_SECURITY_POLICY.encode()))
                message = {**message, "headers": headers}
            await send(message)

        await self.app(scope, receive, send_with_headers)
