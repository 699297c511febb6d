"""The join link as a QR code (SVG, drawn by segno), for the room's screen and the API."""

from __future__ import annotations

import io

import segno
from fastapi import Request


def join_link(request: Request, code: str) -> str:
    return str(request.url_for("show_join")) + f"?code={code}"


def qr_svg(text: str, scale: int = 10) -> str:
    """A QR code of `text` as a standalone SVG document, black on white with its quiet zone."""
    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(
        out, kind="svg", scale=scale, border=4, dark="#000", light="#fff", xmldecl=True
    )
    return out.getvalue().decode("utf-8")


def qr_svg_inline(text: str) -> str:
    """The same QR code as an <svg> element to place in a page (sized by its CSS)."""
    out = io.BytesIO()
    segno.make(text, error="m", micro=False).save(
        out,
        kind="svg",
        scale=1,
        border=4,
        dark="#000",
        light="#fff",
        xmldecl=False,
        svgns=True,
        omitsize=True,
        svgclass="qr",
        lineclass=None,
        title="QR code of the join link",
    )
    return out.getvalue().decode("utf-8")
