"""The Jinja environment for pages: where templates live, the filters that format numbers and
dates for the page's language, and gettext for the participant's pages (app/web/i18n.py)."""

from __future__ import annotations

from contextvars import ContextVar
from datetime import datetime
from typing import Any

from fastapi import Request
from fastapi.templating import Jinja2Templates
from jinja2 import pass_context
from jinja2.runtime import Context
from starlette.responses import HTMLResponse

from app.domain.catalogue import Catalogue
from app.domain.progress import RATING_ORDERS
from app.domain.translation import (
    DEFAULT_LANGUAGE,
    LANGUAGES,
    CatalogueText,
    translate_context,
)
from app.domain.workshop import AGREEMENT_LEVELS, SECTORS, STAGES, Stage
from app.resources import TEMPLATES
from app.web import i18n

TEMPLATE_DIR = TEMPLATES


def when(value: datetime | None) -> str:
    return i18n.format_when(value, DEFAULT_LANGUAGE)


# The page's language while it renders: macros imported without context read it from here.
PAGE_LANGUAGE: ContextVar[str] = ContextVar("page_language", default=DEFAULT_LANGUAGE)
PAGE_TEXT: ContextVar[CatalogueText | None] = ContextVar("page_text", default=None)


def _language(context: Context) -> str:
    return str(context.get("lang") or PAGE_LANGUAGE.get())


@pass_context
def _gettext(context: Context, message: str) -> str:
    return i18n.translations(_language(context)).gettext(message) if message else ""


@pass_context
def _translated(context: Context, message: object) -> str:
    """A message made at run time (a service's error) in the page's language when the
    catalogue has it; as it is otherwise. Never read as a format string."""
    return i18n.translate_message(_language(context), str(message or ""))


@pass_context
def _ngettext(context: Context, singular: str, plural: str, n: int) -> str:
    return i18n.translations(_language(context)).ngettext(singular, plural, n)


@pass_context
def _number(context: Context, value: float | None, digits: int = 1) -> str:
    return i18n.format_number(value, _language(context), digits)


@pass_context
def _percent(context: Context, share: float | None) -> str:
    return i18n.format_share(share, _language(context))


@pass_context
def _when(context: Context, value: datetime | None) -> str:
    return i18n.format_when(value, _language(context))


@pass_context
def _stage_name(context: Context, stage: Stage | str) -> str:
    """A stage's name in the page's language (criteria/<language>/labels.yaml)."""
    stage = Stage(stage)
    text = context.get("catalogue_text") or PAGE_TEXT.get()
    return str(text.stages.get(stage.value, stage.label)) if text is not None else stage.label


def make_templates() -> Jinja2Templates:
    templates = Jinja2Templates(directory=str(TEMPLATE_DIR))
    env = templates.env
    env.add_extension("jinja2.ext.i18n")
    env.policies["ext.i18n.trimmed"] = True  # a {% trans %} block's line breaks are not its text
    # Newstyle: {% trans %} and _() escape their variables and read them by name.
    env.install_gettext_callables(_gettext, _ngettext, newstyle=True)  # type: ignore[attr-defined]
    env.filters.update(percent=_percent, number=_number, when=_when, resume_spaced=resume_spaced)
    env.globals.update(
        SECTORS=SECTORS,
        STAGES=STAGES,
        AGREEMENT_LEVELS=AGREEMENT_LEVELS,
        RATING_ORDERS=RATING_ORDERS,
        LANGUAGES=LANGUAGES,
        LANGUAGE_NAMES=i18n.LANGUAGE_NAMES,
        stage_name=_stage_name,
        tr=_translated,
    )
    return templates


def resume_spaced(code: str) -> str:
    """'7K3M9QXA' -> '7K3M-9QXA': easier to read aloud and to copy."""
    half = len(code) // 2
    return f"{code[:half]}-{code[half:]}"


def page_language(request: Request, context: dict[str, Any]) -> str:
    """The language a page is drawn in: the context's `lang` (a participant's stored choice)
    when given, else what the request asks for (app/web/i18n.py)."""
    return i18n.parse_language(context.get("lang")) or i18n.request_language(request)


def in_language(context: dict[str, Any], language: str, catalogue: Catalogue | None) -> dict:
    """The context with the catalogue's texts (criteria, options, hints, sectors) in the
    language; custom criteria and options keep what the facilitator typed."""
    text = catalogue.text_in(language) if catalogue is not None else None
    if text is None:
        return {**context, "lang": language, "catalogue_text": None}
    out = {**translate_context(context, text), "lang": language, "catalogue_text": text}
    out["SECTORS"] = {key: text.sectors.get(key, label) for key, label in SECTORS.items()}
    out["AGREEMENT_LEVELS"] = {
        key: text.agreement.get(key, label) for key, label in AGREEMENT_LEVELS.items()
    }
    return out


def render(
    request: Request, name: str, context: dict[str, Any] | None = None, status_code: int = 200
) -> HTMLResponse:
    templates: Jinja2Templates = request.app.state.templates
    context = context or {}
    language = page_language(request, context)
    catalogue = getattr(request.app.state, "catalogue", None)
    context = in_language(context, language, catalogue)
    context.setdefault("language_switch", i18n.switch_for(request))
    language_set = PAGE_LANGUAGE.set(language)
    text_set = PAGE_TEXT.set(context["catalogue_text"])
    try:
        response = templates.TemplateResponse(request, name, context, status_code=status_code)
    finally:
        PAGE_LANGUAGE.reset(language_set)
        PAGE_TEXT.reset(text_set)
    if language != DEFAULT_LANGUAGE:
        response.headers["Content-Language"] = language
    return response


def is_htmx(request: Request) -> bool:
    return request.headers.get("hx-request") == "true"
