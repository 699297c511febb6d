"""The language a document is written in: the fixed sentences and headings of every format come
through `_()` from the documents' gettext catalogue (app/exports/locale, compiled in memory at
first use); the catalogue's own texts (criteria, options, hints) arrive already translated in
the record. The language is the layout's, set around one rendering (and so in a pool worker)."""

from __future__ import annotations

import gettext
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar
from functools import lru_cache
from io import BytesIO
from pathlib import Path
from types import MappingProxyType

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent

from app.domain.numbers import decimal
from app.domain.numbers import percent as english_percent
from app.exports.layout import Layout

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "documents"

_LANGUAGE: ContextVar[str] = ContextVar("document_language", default="en")
_TERMS: ContextVar[Mapping[str, str]] = ContextVar("document_terms", default=MappingProxyType({}))


@lru_cache(maxsize=4)
def translations(language: str) -> gettext.NullTranslations:
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == "en" or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


@contextmanager
def speaking(layout: Layout | None) -> Iterator[None]:
    """Everything rendered inside writes the layout's language."""
    layout = layout or Layout()
    language = _LANGUAGE.set(layout.language)
    terms = _TERMS.set(dict(layout.terms))
    try:
        yield
    finally:
        _LANGUAGE.reset(language)
        _TERMS.reset(terms)


def language() -> str:
    return _LANGUAGE.get()


def _(message: str) -> str:
    """A fixed sentence or heading in the document's language; `{name}` fields are filled by
    the caller with str.format after translation."""
    if not message or _LANGUAGE.get() == "en":
        return message
    return translations(_LANGUAGE.get()).gettext(message)


def N_(message: str) -> str:  # noqa: N802 (gettext's name for "mark now, translate when shown")
    return message


# Words the domain writes into a record's numbers and method (app/domain/explain.py and
# analysis.py), translated where a document shows them; a test keeps this list equal to theirs.
DOMAIN_WORDS = (
    N_("very low"),
    N_("low"),
    N_("moderate"),
    N_("high"),
    N_("very high"),
    N_("almost no shared order"),
    N_("weak agreement"),
    N_("moderate agreement"),
    N_("strong agreement"),
    N_("very strong agreement"),
    N_("Drawing from the participants' own weights"),
    N_("Any weights that keep the group's order of importance"),
    N_("Each person shared 100 points across the criteria."),
    N_("Each person ranked the criteria; ranks became weights by the rank order centroid rule."),
    N_("Each person ranked the criteria; ranks became weights by the rank sum rule."),
    N_("Each person ranked the criteria; ranks became weights by the rank reciprocal rule."),
    N_(
        "Each person gave the most important swing 100 points and the others less; weights are "
        "the points over their total."
    ),
    N_(
        "Each person compared the criteria in pairs (1 = equal to 9 = extremely more important); "
        "weights follow from those comparisons, with a consistency check."
    ),
    N_("A criterion's group weight is the average of everyone's weight for it."),
    N_(
        "A criterion's group weight is the geometric mean of everyone's, rescaled to add up to "
        "100%; a criterion someone gave nothing gets nothing."
    ),
    N_(
        "The group's pairwise judgments are the geometric mean of everyone's; the group weights "
        "follow from those."
    ),
    N_("A cell's group rating is the average of the ratings given."),
    N_(
        "A cell's group rating is the middle rating given (the median), so a few extreme ratings "
        "cannot pull it far."
    ),
    N_("Participant weights are on, but everyone counts the same so far."),
    N_("Every participant counts the same."),
)


def ngettext(singular: str, plural: str, n: int) -> str:
    if _LANGUAGE.get() == "en":
        return singular if n == 1 else plural
    return translations(_LANGUAGE.get()).ngettext(singular, plural, n)


def term(label: str) -> str:
    """A label of the domain's (a sector, a level of agreement) in the document's language,
    from the words the catalogue gives (criteria/<language>/labels.yaml)."""
    return _TERMS.get().get(label, label) if label else label


def number(value: float | None, digits: int = 1) -> str:
    """A figure with `digits` decimals, written with the language's decimal mark."""
    if _LANGUAGE.get() == "en" or value is None:
        return decimal(value, digits)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=_LANGUAGE.get())


def percent(share: float | None) -> str:
    """A share as a percent, with the language's decimal mark ('18,3 %' in Spanish)."""
    if _LANGUAGE.get() == "en" or share is None:
        return english_percent(share)
    return format_percent(share, format="#,##0.#\u00a0%", locale=_LANGUAGE.get())


def count(n: int) -> str:
    """A whole number with the language's thousands separator ('1,000'; '1000' in Spanish,
    which groups from five digits)."""
    if _LANGUAGE.get() == "en":
        return f"{n:,}"
    return format_decimal(n, format="#,##0", locale=_LANGUAGE.get())
