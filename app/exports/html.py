"""The rationale as one standalone HTML file (print-ready); the PDF prints this same page."""

from __future__ import annotations

import base64
import re
from functools import lru_cache

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from app import resources
from app.domain.record import Record
from app.exports import charts as charts_module
from app.exports import i18n
from app.exports.content import Rationale, document
from app.exports.layout import Layout

TEMPLATES = resources.TEMPLATES / "exports"


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return (TEMPLATES / "rationale.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        extensions=["jinja2.ext.i18n"],
    )
    env.policies["ext.i18n.trimmed"] = True
    # The document's language is set around each rendering (app/exports/i18n.py).
    env.install_gettext_callables(i18n._, i18n.ngettext, newstyle=True)  # type: ignore[attr-defined]
    return env


def render_html(doc: Rationale) -> str:
    charts = {
        name: "data:image/svg+xml;base64," + base64.b64encode(chart.svg()).decode()
        for name, chart in charts_module.draw(doc).items()
    }
    template = environment().get_template("rationale.html")
    css = stylesheet() + margins()
    return template.render(doc=doc, charts=charts, css=css, lang=i18n.language())


def _css_string(text: str) -> str:
    return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ") + '"'


def margins() -> str:
    """The printed page's running head and page numbers in the document's language (the
    stylesheet's own are English): '' for English."""
    if i18n.language() == "en":
        return ""
    head = _css_string(i18n._("Backbone selection rationale"))
    parts = re.split(r"(\{pages?\})", i18n._("Page {page} of {pages}"))
    counters = " ".join(
        f"counter({p[1:-1]})" if p in ("{page}", "{pages}") else _css_string(p) for p in parts if p
    )
    return (
        f"\n@page {{ @top-right {{ content: {head}; }} @bottom-right {{ content: {counters}; }} }}"
        "\n@page :first { @top-right { content: none; } @bottom-right { content: none; } }"
    )


def render(record: Record, layout: Layout | None = None) -> bytes:
    return render_html(document(record, layout)).encode()
