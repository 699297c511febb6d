"""The Jinja environment for pages: where templates live and the filters that format numbers."""

from __future__ import annotations

from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from starlette.responses import HTMLResponse

from app.domain.numbers import decimal, percent
from app.domain.progress import RATING_ORDERS
from app.domain.workshop import AGREEMENT_LEVELS, SECTORS, STAGES
from app.resources import TEMPLATES

TEMPLATE_DIR = TEMPLATES


def when(value: datetime | None) -> str:
    return "" if value is None else value.strftime("%d %b %Y, %H:%M UTC")


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    env = templates.env
    env.filters.update(percent=percent, number=decimal, when=when, resume_spaced=resume_spaced)
    env.globals.update(
        SECTORS=SECTORS,
        STAGES=STAGES,
        AGREEMENT_LEVELS=AGREEMENT_LEVELS,
        RATING_ORDERS=RATING_ORDERS,
    )
    return templates


def resume_spaced(code: str) -> str:
    """'7K3M9QXA' -> '7K3M-9QXA': easier to read aloud and to copy."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    return templates.TemplateResponse(request, name, context or {}, status_code=status_code)


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"
