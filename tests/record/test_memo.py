"""The memo read back as its readers see it: pdftotext and pdfinfo (sections, Letter size, tagged),
python-docx (header, footer, page-number field), the first page's recommendation."""

from __future__ import annotations

import subprocess
from dataclasses import replace

import pytest

from app.domain.record import Provenance
from app.exports import render_document
from app.exports.content import document
from app.exports.layout import Layout
from tests.exports import readers
from tests.exports.records import make_record

MEMO = [
    "Decision",
    "Options considered",
    "Criteria and their weights",
    "Who took part",
    "The numbers in plain words",
    "Risks and conditions",
    "Next steps",
    "Approval",
]


@pytest.fixture(scope="module")
def record():
    return make_record()


@pytest.fixture(scope="module")
def pdf(record):
    return render_document(record, "pdf").content


@pytest.fixture(scope="module")
def docx(record):
    return readers.word(render_document(record, "docx").content)


def _page(content: bytes, number: int) -> str:
    done = subprocess.run(
        ["pdftotext", "-layout", "-f", str(number), "-l", str(number), "-", "-"],
        input=content,
        capture_output=True,
        check=True,
    )
    return done.stdout.decode()


def test_memo_pdf_is_letter_sized_and_tagged(pdf):
    info = readers.pdf_info(pdf)
    assert info["Page size"].startswith("612 x 792 pts")
    assert info["Tagged"] == "yes"


def test_memo_pdf_on_a4_when_asked(record):
    info = readers.pdf_info(render_document(record, "pdf", Layout(paper="a4")).content)
    assert info["Page size"].startswith("595.276 x 841.89 pts")


def test_memo_first_page_recommends_the_choice_with_why_and_agreement(pdf):
    first = " ".join(_page(pdf, 1).split())
    assert "Recommendation" in first and "The group recommends New nonprofit" in first
    assert "Trusted by every sector in the room" in first
    assert "Level of agreement Consensus" in first
    assert "Record fingerprint (SHA-256)" in first


def test_memo_pdf_has_every_memo_section_in_order(pdf, record):
    text = readers.pdf_text(pdf)
    places = [text.find(h) for h in MEMO]
    assert -1 not in places and places == sorted(places)
    assert [s.heading for s in document(record).sections][: len(MEMO)] == MEMO


def test_memo_names_s_star_and_rank_acceptability_with_their_meaning(pdf):
    text = " ".join(readers.pdf_text(pdf).split())
    assert "Agreement on weights (S*)" in text and "Kendall's W" in text
    assert "Rank acceptability" in text and "of 10,000 draws" in text
    assert "a firm first place is well above half the draws" in text


def test_memo_approval_block_has_the_convener_and_approvers(pdf):
    text = readers.pdf_text(pdf)
    approval = text.split("Approval", 1)[1]
    assert "Convener" in approval and "Dr. Maria Lopez" in approval and "Signature" in approval


def test_memo_times_are_in_the_configured_zone(record):
    md = render_document(record, "md", Layout(timezone="America/New_York")).content.decode()
    assert "**Recorded:** 2026-03-02 06:00 EST" in md
    assert r"| When (America/New\_York) |" in md


def test_word_memo_has_header_footer_and_page_number_field(docx):
    section = docx.sections[0]
    assert (
        "Backbone selection rationale: County backbone choice" in section.header.paragraphs[0].text
    )
    footer = section.footer.paragraphs[0]._p.xml
    assert "PAGE" in footer and "NUMPAGES" in footer and 'w:fldCharType="begin"' in footer
    assert section.different_first_page_header_footer is True


def test_word_memo_is_letter_sized(docx):
    section = docx.sections[0]
    assert round(section.page_width.inches, 2) == 8.5 and round(section.page_height.inches, 2) == 11


def test_imported_unverified_record_says_so_on_every_document(record):
    unverified = replace(record, provenance=Provenance("ab" * 32, False, "0123456789abcdef", "x"))
    for ext in ("md", "html", "docx", "pdf"):
        content = render_document(unverified, ext).content
        text = readers.visible_text(ext, content) if ext != "pdf" else readers.pdf_text(content)
        assert "NOT VERIFIED" in text, ext
