"""Helpers for real HTML forms: turning domain errors into field messages beside the inputs."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from fastapi import Request
from starlette.responses import RedirectResponse, Response

from app.domain.errors import DomainError
from app.web.errors import status_for
from app.web.templating import is_htmx, render

T = TypeVar("T")


def attempt(action: Callable[[], T]) -> tuple[T | None, dict[str, str], str | None, int]:
    """Run a use case; on a domain error return the field errors, the summary and the status."""
    try:
        return action(), {}, None, 200
    except DomainError as error:
        fields = {error.field or "_form": error.message}
        return None, fields, error.message, status_for(error)


def redirect(request: Request, url: str) -> Response:
    """After a successful form post: a full redirect, or HX-Location for htmx."""
    if is_htmx(request):
        return Response(status_code=204, headers={"HX-Redirect": url})
    return RedirectResponse(url, status_code=303)


def form_page(
    request: Request, template: str, context: dict[str, Any], errors: dict[str, str], status: int
) -> Response:
    return render(request, template, {**context, "errors": errors}, status_code=status)
