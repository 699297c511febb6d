"""The rationale as PDF: WeasyPrint prints the HTML document, so both always say the same."""

from __future__ import annotations

import logging

from app.domain.record import Record
from app.exports.content import document
from app.exports.html import render_html
from app.exports.layout import Layout

# WeasyPrint reports every CSS property it does not know; that is noise in a server log.
logging.getLogger("weasyprint").setLevel(logging.ERROR)
logging.getLogger("fontTools").setLevel(logging.ERROR)


def render(record: Record, layout: Layout | None = None) -> bytes:
    from weasyprint import HTML  # imported on first use: it is slow to load
    from weasyprint.urls import URLFetcher

    html = render_html(document(record, layout))
    # Only data: URIs may be read: the document never reaches the network or the disk.
    fetcher = URLFetcher(allowed_protocols={"data"})
    # PDF/UA-1: a tagged PDF (headings, tables, reading order) a screen reader can navigate.
    return HTML(string=html, url_fetcher=fetcher).write_pdf(pdf_variant="pdf/ua-1")
