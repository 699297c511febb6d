"""The rationale as one standalone HTML file (print-ready); the PDF prints this same page."""

from __future__ import annotations

import base64
from functools import lru_cache
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined, select_autoescape

from app.domain.record import Record
from app.exports import charts as charts_module
from app.exports.content import Rationale, build
from app.exports.record_json import fingerprint

TEMPLATES = Path(__file__).resolve().parents[2] / "templates" / "exports"


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return (TEMPLATES / "rationale.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def environment() -> Environment:
    return Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(["html"], default=True),
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )


def author_of(doc: Rationale) -> str:
    """File metadata names the convener, or the product: never a participant."""
    return doc.convener if doc.record.workshop.convener.strip() else "Backbone Select"


def created_of(doc: Rationale) -> str:
    w = doc.record.workshop
    return (w.decision.decided_at if w.decision else w.created_at).isoformat()


def render_html(doc: Rationale) -> str:
    charts = {
        name: "data:image/svg+xml;base64," + base64.b64encode(chart.svg()).decode()
        for name, chart in charts_module.draw(doc).items()
    }
    css = stylesheet()
    return (
        environment()
        .get_template("rationale.html")
        .render(doc=doc, charts=charts, author=author_of(doc), created=created_of(doc), css=css)
    )


def document(record: Record) -> Rationale:
    return build(record, fingerprint(record))


def render(record: Record) -> bytes:
    return render_html(document(record)).encode()
