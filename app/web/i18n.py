"""The language of a participant's pages and documents: which one a request gets (the choice
stored with the participant, a `lang` cookie, else Accept-Language), the gettext catalogues the
templates read (app/web/locale/<language>/LC_MESSAGES/messages.po, compiled in memory at first use,
so no build step), and numbers and dates written the way that language writes them."""

from __future__ import annotations

import gettext
import re
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import lru_cache
from io import BytesIO
from pathlib import Path

from babel.core import Locale
from babel.dates import format_datetime
from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from babel.numbers import format_decimal, format_percent
from fastapi import Request

from app.domain.numbers import decimal, percent
from app.domain.translation import DEFAULT_LANGUAGE, LANGUAGES

LOCALE_DIR = Path(__file__).resolve().parent / "locale"
DOMAIN = "messages"
LANGUAGE_COOKIE = "bs_lang"
LANGUAGE_NAMES = {"en": "English", "es": "Español"}

# Pages a participant (or someone about to join) sees; the facilitator's console stays English.
PARTICIPANT_PATHS = ("/join", "/w/", "/resume", "/brief")


def N_(message: str) -> str:  # noqa: N802 (the gettext convention for "mark, translate later")
    """Marks a message for extraction; the template translates it when shown."""
    return message


# Messages the services raise that a participant can meet on their pages: the templates show
# them through gettext, so they need a place in the catalogue (pybabel extracts N_ calls).
PARTICIPANT_MESSAGES = (
    N_("Enter the name the group will see."),
    N_("The name may have at most 80 characters."),
    N_("No open workshop has this code. Check it with the facilitator."),
    N_("Too many wrong codes from this address. Wait a few minutes."),
    N_("A rating must be a whole number from 1 to 5."),
    N_("Saved. Some criteria still have no rating."),
    N_("Join the workshop first: send 'Authorization: Bearer <token>'."),
    N_("No participant of an open workshop has this code. Check both codes."),
    N_("Enter the resume code you were given."),
    N_("You have not joined this workshop from this browser. Join with the code."),
    N_("Give points from 0 to 100."),
    N_("Give at least one swing some points."),
    N_("Give at least one criterion some weight."),
    N_("A judgment is a number from 1/9 to 9."),
    N_("A judgment is 1 to 9 or its reciprocal 1/2 to 1/9."),
    N_("A comment needs a rating for the same cell."),
    N_("The workshop has not opened for input yet."),
    N_("The workshop is decided and accepts no more input."),
    N_("Back to your page"),  # the brief's way back (app/web/html/brief.py)
    N_("Your comparisons hang together well."),
)

# Messages made with numbers in them: the English pattern, and the catalogue's message the
# numbers go into (the named groups fill its %(name)s fields).
PARTICIPANT_PATTERNS: tuple[tuple[re.Pattern[str], str], ...] = (
    (
        re.compile(
            r"Share exactly (?P<total>[\d.]+) points: you have shared (?P<given>[\d.e+-]+)\."
        ),
        N_("Share exactly %(total)s points: you have shared %(given)s."),
    ),
    (
        re.compile(
            r"Your comparisons hang together well \(consistency ratio (?P<cr>[\d.]+), "
            r"at most 0\.10 is fine\)\."
        ),
        N_("Your comparisons hang together well (consistency ratio %(cr)s, at most 0.10 is fine)."),
    ),
    (
        re.compile(
            r"Some comparisons contradict each other \(consistency ratio (?P<cr>[\d.]+); above "
            r"0\.10 means the answers do not fit one order well\)\. Look again at the ones "
            r"below, then change them or keep them as they are\."
        ),
        N_(
            "Some comparisons contradict each other (consistency ratio %(cr)s; above 0.10 means "
            "the answers do not fit one order well). Look again at the ones below, then change "
            "them or keep them as they are."
        ),
    ),
    (
        re.compile(r"Give a rank from 1 to (?P<n>\d+)\."),
        N_("Give a rank from 1 to %(n)s."),
    ),
    (
        re.compile(r"Compare every pair of criteria: (?P<n>\d+) comparison\(s\) missing\."),
        N_("Compare every pair of criteria: %(n)s comparison(s) missing."),
    ),
)


def translate_message(language: str, text: str) -> str:
    """A message a service made, in the language when the catalogue has it (word for word, or
    by one of the patterns above); as it is otherwise."""
    if not text or language == DEFAULT_LANGUAGE:
        return text
    catalogue = translations(language)
    said = catalogue.gettext(text)
    if said != text:
        return said
    for pattern, message in PARTICIPANT_PATTERNS:
        found = pattern.fullmatch(text)
        if found:
            # Decimals written the language's way (0,07 in Spanish).
            values = {k: re.sub(r"(\d)\.(\d)", r"\1,\2", v) for k, v in found.groupdict().items()}
            return catalogue.gettext(message) % values
    return text


def parse_language(value: str | None) -> str | None:
    """'es', 'es-MX', 'ES' -> 'es'; None for anything this service does not speak."""
    primary = (value or "").strip().lower().replace("_", "-").split("-")[0]
    return primary if primary in LANGUAGES else None


def from_accept_language(header: str | None) -> str | None:
    """The first language of Accept-Language (by its q value) that the service speaks."""
    ranked: list[tuple[float, int, str]] = []
    for position, part in enumerate((header or "").split(",")[:20]):
        tag, _, params = part.strip().partition(";")
        quality = 1.0
        if params.strip().startswith("q="):
            try:
                quality = float(params.strip()[2:])
            except ValueError:
                quality = 0.0
        language = parse_language(tag)
        if language is not None and quality > 0:
            ranked.append((-quality, position, language))
    return min(ranked)[2] if ranked else None


def is_participant_path(path: str) -> bool:
    return path == "/join" or path.startswith(PARTICIPANT_PATHS)


@dataclass(frozen=True)
class LanguageSwitch:
    """The small form on every participant page that changes its language: a POST that stores
    the choice on a participant's own pages, a GET with `lang` before joining."""

    method: str
    action: str
    hidden: dict[str, str]


def switch_for(request: Request) -> LanguageSwitch | None:
    path = request.url.path
    if not is_participant_path(path):
        return None
    parts = path.split("/")
    if path.startswith("/w/") and len(parts) > 2 and parts[2].isdigit():
        return LanguageSwitch("post", f"/w/{parts[2]}/language", {"back": path})
    kept = {k: v for k, v in request.query_params.items() if k != "lang"}
    return LanguageSwitch("get", path, kept)


def request_language(request: Request) -> str:
    """A participant page's language when nothing more specific is known: the cookie a choice
    leaves, else the browser's Accept-Language; English elsewhere (the facilitator's pages)."""
    if not is_participant_path(request.url.path):
        return DEFAULT_LANGUAGE
    return (
        parse_language(getattr(request.state, "language", None))
        or parse_language(request.query_params.get("lang"))
        or parse_language(request.cookies.get(LANGUAGE_COOKIE))
        or from_accept_language(request.headers.get("accept-language"))
        or DEFAULT_LANGUAGE
    )


def in_etag(etag: str, request: Request) -> str:
    """A polled view's ETag, naming the language when it is not English: a participant who
    switches language must not be answered 304 with the other language's view."""
    language = request_language(request)
    if language == DEFAULT_LANGUAGE or not etag.endswith('"'):
        return etag
    return f'{etag[:-1]}-{language}"'


@lru_cache(maxsize=len(LANGUAGES))
def translations(language: str) -> gettext.NullTranslations:
    """The language's catalogue, compiled from its .po file once per process (English is the
    templates' own text)."""
    path = LOCALE_DIR / language / "LC_MESSAGES" / f"{DOMAIN}.po"
    if language == DEFAULT_LANGUAGE or not path.is_file():
        return gettext.NullTranslations()
    with path.open("rb") as po:
        catalog = read_po(po, locale=language, domain=DOMAIN)
    compiled = BytesIO()
    write_mo(compiled, catalog)  # fuzzy entries are left out, as pybabel compile does
    compiled.seek(0)
    return gettext.GNUTranslations(compiled)


def format_number(value: float | None, language: str, digits: int = 1) -> str:
    if language == DEFAULT_LANGUAGE or value is None:
        return decimal(value, digits)
    pattern = "#,##0" + ("." + "0" * digits if digits else "")
    return format_decimal(value, format=pattern, locale=language)


def format_share(share: float | None, language: str) -> str:
    if language == DEFAULT_LANGUAGE or share is None:
        return percent(share)
    return format_percent(share, format="#,##0.#\u00a0%", locale=language)


def format_when(value: datetime | None, language: str) -> str:
    if value is None:
        return ""
    if language == DEFAULT_LANGUAGE:
        return value.strftime("%d %b %Y, %H:%M UTC")
    return format_datetime(value, "d MMM y, HH:mm", tzinfo=UTC, locale=language) + " UTC"


def language_name(language: str) -> str:
    return LANGUAGE_NAMES.get(language) or Locale.parse(language).get_display_name(language) or ""
