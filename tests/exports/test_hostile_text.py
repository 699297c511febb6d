"""Hostile strings typed into every text field come out inert in every format."""

from __future__ import annotations

import json
import re

import pytest

from app.exports import RENDERERS, render_document
from app.exports.csv_long import HEADER
from tests.exports import readers
from tests.exports.records import make_record
from tests.support.api import API, give_weights, join, open_workshop, rate_everything

HOSTILE = [
    "<script>alert('x')</script>",
    '<img src=x onerror="alert(1)"><a href="javascript:alert(1)">go</a>',
    '=HYPERLINK("http://evil.example","click")',
    "+SUM(A1:A9)",
    "-2+3",
    "@cmd|' /C calc'!A0",
    "# Heading\n- list item\n> quote\n1. one\n===",
    "**bold** _it_ [link](http://evil.example) `code` | pipe | ~~gone~~ www.evil.example",
    "{{ 7*7 }} {% raw %} ${x}",
    "$\\frac{1}{0}$ and $x^2$",
    "Bell\x07 escape\x1b form\x0c \u202eevil override",
    "Ünïcödé ✓ 漢字 😀 &amp; &lt;",
    "'; DROP TABLE workshop; --",
    "\\ back \\\\ slash \\",
    "W" * 150,
]

TEXT_COLUMNS = {"option", "criterion", "comment"}


def headings_md(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith("#")][1:]


def check_html(content: bytes) -> None:
    soup = readers.html(content)
    assert soup.select("script, iframe, object, embed, link, a") == []
    assert all(img["src"].startswith("data:image/svg+xml;base64,") for img in soup.select("img"))
    for tag in soup.find_all(True):
        assert not any(attr.startswith("on") for attr in tag.attrs), tag.name


def check_csv(content: bytes) -> None:
    for row in readers.csv_rows(content):
        assert list(row) == HEADER
        for column in TEXT_COLUMNS:
            assert not row[column].startswith(("=", "+", "-", "@", "\t", "\r")), row[column]


@pytest.fixture(scope="module")
def benign():
    record = make_record(participants=3, criteria=4, options=3)
    return {ext: render_document(record, ext).content for ext in ("md", "docx")}


# PDF is the slow format: it prints the same HTML checked above, so a few strings suffice there.
PDF_CASES = {0, 7, 10, 11}


@pytest.mark.parametrize("index", range(len(HOSTILE)))
def test_hostile_text_is_inert_in_every_format(index, benign):
    text = HOSTILE[index]
    record = make_record(participants=3, criteria=4, options=3, text=text)
    formats = [e for e in RENDERERS if e != "pdf" or index in PDF_CASES]
    files = {ext: render_document(record, ext).content for ext in formats}
    check_html(files["html"])
    check_csv(files["csv"])
    assert headings_md(files["md"].decode()) == headings_md(benign["md"].decode())
    assert "<script" not in files["md"].decode() and "<img" not in files["md"].decode()
    heading_style = [
        p.text for p in readers.word(files["docx"]).paragraphs if p.style.name.startswith("Head")
    ]
    benign_style = [
        p.text for p in readers.word(benign["docx"]).paragraphs if p.style.name.startswith("Head")
    ]
    assert len(heading_style) == len(benign_style)
    if "pdf" in files:
        assert "Checking a copy" in readers.pdf_text(files["pdf"])
    assert json.loads(files["json"])["workshop"]["goal"] == text


def test_hostile_text_shows_as_text_in_html():
    text = "<script>alert('x')</script>"
    soup = readers.html(render_document(make_record(text=text), "html").content)
    assert text in soup.select_one("#context .typed").text


def test_formula_cells_are_quoted_in_csv():
    record = make_record(participants=2, text="=1+1")
    rows = readers.csv_rows(render_document(record, "csv").content)
    assert {r["comment"] for r in rows if r["comment"]} == {"'=1+1"}


def test_markdown_link_syntax_stays_literal():
    md = render_document(make_record(text="[x](http://evil.example)"), "md").content.decode()
    assert "[x](http" not in md and "\\[x\\](http:\\/\\/evil.example)" in md


def test_hostile_text_through_the_api_reaches_every_format_inert(client):
    """The same corpus through the real input paths: workshop, items, names, comments, decision."""
    hostile = " ".join(HOSTILE[:4]) + " " + HOSTILE[6]
    auth, w = open_workshop(
        client, stage="setup", title=hostile[:200], goal=hostile, convener=hostile[:200]
    )
    opt = client.post(
        f"{API}/workshops/{w['id']}/options",
        json={"name": HOSTILE[2], "description": hostile},
        headers=auth,
    ).json()
    client.post(
        f"{API}/workshops/{w['id']}/criteria",
        json={"name": HOSTILE[0], "direction": "cost", "description": hostile},
        headers=auth,
    )
    client.patch(f"{API}/workshops/{w['id']}", json={"stage": "scoring"}, headers=auth)
    w = client.get(f"{API}/workshops/{w['id']}", headers=auth).json()
    member = join(client, w["join_code"], name=HOSTILE[3][:80])
    give_weights(client, member, w["id"], {c["key"]: 1 for c in w["criteria"]})
    rate_everything(client, member, w, 3)
    client.put(
        f"{API}/workshops/{w['id']}/my/scores",
        json={
            "scores": {opt["key"]: {"credibility": 4}},
            "comments": {opt["key"]: {"credibility": HOSTILE[5]}},
        },
        headers=member.auth,
    )
    decided = client.post(
        f"{API}/workshops/{w['id']}/decision",
        json={
            "option": opt["key"],
            "rationale": hostile,
            "dissent": hostile,
            "conditions": hostile,
            "departure_reason": hostile,
        },
        headers=auth,
    )
    assert decided.status_code == 201, decided.text
    files = {
        ext: client.get(f"{API}/workshops/{w['id']}/export.{ext}", headers=auth)
        for ext in RENDERERS
    }
    assert all(r.status_code == 200 for r in files.values())
    check_html(files["html"].content)
    check_csv(files["csv"].content)
    rows = readers.csv_rows(files["csv"].content)
    assert any(r["comment"] == "'" + HOSTILE[5] for r in rows)
    assert re.search(r"^## Decision$", files["md"].text, re.M)
    assert "<script" not in files["md"].text
    assert readers.word(files["docx"].content).core_properties.author.startswith("<script>")
    assert "alert('x')" in readers.pdf_text(files["pdf"].content)
