"""Keys made from names people type: lower-case words joined by hyphens, unique where needed."""

from __future__ import annotations

import re
from collections.abc import Collection


def slug(text: str, limit: int = 60, fallback: str = "item") -> str:
    """'Funding & Staff' -> 'funding-staff'; empty results become the fallback."""
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-")[:limit].strip("-") or fallback


def unique_key(text: str, taken: Collection[str], limit: int = 60, fallback: str = "item") -> str:
    """The slug of `text`, with -2, -3, ... added until no key in `taken` has it."""
    base = slug(text, limit, fallback)
    key, n = base, 2
    while key in taken:
        key, n = f"{base}-{n}", n + 1
    return key
