"""The rationale as one standalone HTML file (print-ready); the PDF prints this same page."""

from __future__ import annotations

import base64
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
    return template.render(doc=doc, charts=charts, css=stylesheet(), lang=i18n.language())


def render(record: Record, layout: Layout | None = None) -> bytes:
    return render_html(document(record, layout)).encode()
