"""One error shape: JSON for the API, a fragment for htmx, a page for everyone else."""

from __future__ import annotations

from collections.abc import Mapping

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.responses import JSONResponse, RedirectResponse, Response

from app.domain.errors import (
    Conflict,
    DomainError,
    Forbidden,
    InvalidInput,
    NotFound,
    TooManyAttempts,
    Unauthorized,
)
from app.web.deps import SignInRequired
from app.web.templating import is_htmx, render

STATUS_BY_ERROR: list[tuple[type[DomainError], int]] = [
    (NotFound, 404),
    (Conflict, 409),
    (InvalidInput, 422),
    (Unauthorized, 401),
    (Forbidden, 403),
    (TooManyAttempts, 429),
]


def status_for(error: DomainError) -> int:
    return next((s for cls, s in STATUS_BY_ERROR if isinstance(error, cls)), 422)


MAX_ECHO = 300  # characters of any message or field name sent back: never megabytes of input
MAX_ERRORS = 20


def clip(text: str) -> str:
    return text if len(text) <= MAX_ECHO else text[: MAX_ECHO - 1] + "…"


def error_body(status: int, message: str, errors: list[dict[str, str]] | None = None) -> dict:
    clipped = [{k: clip(str(v)) for k, v in e.items()} for e in (errors or [])[:MAX_ERRORS]]
    return {"ok": False, "status": status, "error": clip(message), "errors": clipped}


def wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/healthz"


def error_response(
    request: Request,
    status: int,
    message: str,
    errors: list[dict[str, str]],
    headers: Mapping[str, str] | None = None,
) -> Response:
    headers = dict(headers or {})
    if wants_json(request):
        if status == 401:
            headers["WWW-Authenticate"] = "Bearer"
        return JSONResponse(
            error_body(status, message, errors), status_code=status, headers=headers or None
        )
    body = error_body(status, message, errors)
    template = "partials/errors/_message.html" if is_htmx(request) else "errors/error.html"
    context = {"status": status, "message": body["error"], "errors": body["errors"]}
    response = render(request, template, context, status)
    response.headers.update(headers)
    return response


def retry_after(error: DomainError) -> dict[str, str] | None:
    if isinstance(error, TooManyAttempts):
        return {"Retry-After": str(error.retry_after)}
    return None


def _field_of(loc: tuple) -> str:
    parts = [str(p) for p in loc if p not in ("body", "query", "path")]
    return ".".join(parts) or "body"


def install_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(DomainError)
    async def domain_error(request: Request, exc: DomainError) -> Response:
        errors = [{"field": exc.field, "message": exc.message}] if exc.field else []
        headers = retry_after(exc)
        return error_response(request, status_for(exc), exc.message, errors, headers)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [{"field": _field_of(tuple(e["loc"])), "message": e["msg"]} for e in exc.errors()]
        summary = "; ".join(f"{e['field']}: {e['message']}" for e in errors[:3])
        return error_response(request, 422, f"Invalid request: {summary}", errors)

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "Request failed."
        if exc.status_code == 404 and message == "Not Found":
            message = "There is nothing at this address."
        return error_response(request, exc.status_code, message, [], exc.headers)

    @app.exception_handler(SignInRequired)
    async def sign_in_required(request: Request, exc: SignInRequired) -> Response:
        target = f"/login?next={request.url.path}"
        if is_htmx(request):
            return Response(status_code=204, headers={"HX-Redirect": target})
        return RedirectResponse(target, status_code=303)

    @app.exception_handler(Exception)
    async def unexpected(request: Request, exc: Exception) -> Response:
        request.app.state.logger.exception("unhandled error on %s", request.url.path)
        return error_response(
            request, 500, "Something went wrong on our side; nothing was saved.", []
        )
