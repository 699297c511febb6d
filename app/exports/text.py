"""Making typed text inert in documents: Markdown escaping and the number formats all share."""

from __future__ import annotations

import re

_MD_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|~>])")


def md_escape(text: str) -> str:
    """Text a person typed, safe inside Markdown: no markup, links, HTML or table breaks."""
    text = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return _MD_SPECIAL.sub(r"\\\1", text)


def md_cell(text: str) -> str:
    return md_escape(" ".join(text.split()))


def md_block(text: str) -> str:
    """A paragraph of typed text: each line escaped, line breaks kept."""
    lines = [md_escape(line.strip()) for line in text.strip().splitlines()]
    return "  \n".join(line for line in lines) if lines else "_(none given)_"


def pct(value: float) -> str:
    return f"{value * 100:.1f}%"


def num(value: float, digits: int = 2) -> str:
    return f"{value:.{digits}f}"
