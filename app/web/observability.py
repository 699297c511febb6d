"""Logs: one access line per request with a request id echoed to the client, written as JSON
lines (production) or readable lines (development), for our loggers and uvicorn's alike."""

from __future__ import annotations

import json
import logging
import secrets
import sys
import time
from datetime import UTC, datetime
from typing import Any, Literal

from starlette.types import ASGIApp, Message, Receive, Scope, Send

access_log = logging.getLogger("backbone.access")
HANDLER_NAME = "backbone"


class JsonLines(logging.Formatter):
    """One JSON object per line: time, level, logger, message and a request's access fields."""

    def format(self, record: logging.LogRecord) -> str:
        line: dict[str, Any] = {
            "time": datetime.fromtimestamp(record.created, UTC).isoformat(timespec="milliseconds"),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
            **getattr(record, "access", {}),
        }
        if record.exc_info:
            line["exception"] = self.formatException(record.exc_info)
        return json.dumps(line, ensure_ascii=False)


class Readable(logging.Formatter):
    """`12:00:01 INFO    backbone.access: GET / 200 3.1 ms  request_id=… client=…`"""

    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)-7s %(name)s: %(message)s", "%H:%M:%S")

    def formatMessage(self, record: logging.LogRecord) -> str:  # noqa: N802 (logging's name)
        text = super().formatMessage(record)
        access = getattr(record, "access", None)
        if access:
            text += f"  request_id={access['request_id']} client={access['client']}"
        return text


class _Stderr(logging.StreamHandler):
    """Writes to whatever sys.stderr is when a line is written (test runners swap it)."""

    def __init__(self) -> None:
        super().__init__()
        self.name = HANDLER_NAME

    @property
    def stream(self) -> Any:
        return sys.stderr

    @stream.setter
    def stream(self, _value: Any) -> None:
        pass


def configure_logging(log_format: Literal["json", "text"]) -> None:
    """Our handler on the root logger (others' handlers stay), uvicorn's lines through it, and
    uvicorn's own access log off: RequestLog writes the one access line per request."""
    root = logging.getLogger()
    root.handlers = [h for h in root.handlers if h.name != HANDLER_NAME]
    handler = _Stderr()
    handler.setFormatter(JsonLines() if log_format == "json" else Readable())
    root.addHandler(handler)  # the root keeps its level: other libraries say warnings only
    logging.getLogger("backbone").setLevel(logging.INFO)
    server = logging.getLogger("uvicorn")
    server.handlers, server.propagate = [], True
    uvicorn_access = logging.getLogger("uvicorn.access")
    # No handler and no propagation: uvicorn sees no handler and skips its access line.
    uvicorn_access.handlers, uvicorn_access.propagate = [], False


class RequestLog:
    """ASGI middleware that times each request and logs it with its request id."""

    def __init__(self, app: ASGIApp, enabled: bool = True) -> None:
        self.app = app
        self.enabled = enabled

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        incoming = dict(scope["headers"]).get(b"x-request-id", b"").decode("latin-1")[:64]
        request_id = incoming or secrets.token_hex(8)
        started = time.perf_counter()
        status = 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message.setdefault("headers", [])
                message["headers"] = [*message["headers"], (b"x-request-id", request_id.encode())]
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            if self.enabled:
                fields = {
                    "request_id": request_id,
                    "method": scope["method"],
                    "path": scope["path"],
                    "status": status,
                    "ms": round((time.perf_counter() - started) * 1000, 1),
                    "client": (scope.get("client") or ("", 0))[0],
                }
                access_log.info(
                    "%s %s %s %.1f ms",
                    fields["method"],
                    fields["path"],
                    fields["status"],
                    fields["ms"],
                    extra={"access": fields},
                )
