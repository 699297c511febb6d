"""Making typed text inert in documents: Markdown escaping and the number formats all share."""

from __future__ import annotations

import re

# Characters that make markup anywhere in a line, and markers that only count at a line start.
_MD_INLINE = re.compile(r"([\\`*_\[\]#|~])")
_MD_LINE_START = re.compile(r"^(\s*)([-+=>]|\d+[.)])", re.MULTILINE)


def md_inline(text: str) -> str:
    """Typed text safe inside a Markdown line (never at its start): no markup, links or HTML."""
    text = clean(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    text = _MD_INLINE.sub(r"\\\1", text)
    # Bare addresses would become links: break the patterns autolinking looks for.
    return re.sub(r"(?i)\b(www)\.", r"\1\\.", text).replace("://", ":\\/\\/")


def md_escape(text: str) -> str:
    """Typed text safe anywhere in Markdown, line starts included (no lists, quotes, headings)."""
    text = md_inline(text)
    return _MD_LINE_START.sub(lambda m: m.group(1) + _escape_marker(m.group(2)), text)


def _escape_marker(marker: str) -> str:
    return marker[:-1] + "\\" + marker[-1]


def md_cell(text: str) -> str:
    """Typed text on one line inside a table cell or after a label."""
    return md_inline(" ".join(text.split()))


def md_block(text: str) -> str:
    """A paragraph of typed text: each line escaped, line breaks kept."""
    lines = [md_escape(line.strip()) for line in clean(text).strip().splitlines()]
    return "  \n".join(line for line in lines) if lines else "_(none given)_"


# Characters XML 1.0 forbids (Word and PDF would fail on them) and the bidirectional controls
# that can make text read differently from what it is; neither belongs in a document.
_UNSAFE = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\ufffe\uffff\u202a-\u202e\u2066-\u2069\ud800-\udfff]"
)


def clean(text: str) -> str:
    """Typed text fit for any document format: unsafe control characters removed."""
    return _UNSAFE.sub("", text)


def clean_line(text: str) -> str:
    """Typed text on one line (table cells, headings): all whitespace runs become one space."""
    return " ".join(clean(text).split())


def paragraphs(text: str) -> list[str]:
    """Typed text as its paragraphs (lines kept within them), blank lines as separators."""
    blocks = re.split(r"\n\s*\n", clean(text).replace("\r\n", "\n").replace("\r", "\n").strip())
    return [b.strip() for b in blocks if b.strip()]


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def csv_cell(text: str) -> str:
    """A text cell a spreadsheet will show as text, never run as a formula."""
    text = clean(text)
    return "'" + text if text.startswith(_FORMULA_START) else text
