"""Each format read back by a real reader, from a seeded record (no database needed)."""

from __future__ import annotations

import io
import json
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest
from PIL import Image

from app.domain.elicitation import MethodSettings
from app.domain.explain import method_sentences
from app.domain.record_format import canonical, fingerprint_of
from app.exports import RENDERERS, render_document
from app.exports.charts import draw
from app.exports.content import document
from tests.exports import readers
from tests.exports.records import NAMES, make_record

SECTIONS = [
    # The memo
    "Decision",
    "Options considered",
    "Criteria and their weights",
    "Who took part",
    "The numbers in plain words",
    "Risks and conditions",
    "Next steps",
    "Approval",
    # The evidence and the appendices
    "Context and goal",
    "Ranking",
    "Ratings",
    "Where the group differed",
    "How firm the ranking is",
    "Method: how the group decided",
    "Considerations and next steps",
    "Sources cited",
    "Appendix A. Timeline of stages and submissions",
    "Checking a copy",
]


@pytest.fixture(scope="module")
def record():
    return make_record(participants=6, criteria=4, options=5)


@pytest.fixture(scope="module")
def files(record):
    return {ext: render_document(record, ext) for ext in RENDERERS}


def test_render_document_names_file_and_type_for_every_format(files):
    assert set(files) == {"md", "html", "pdf", "docx", "json", "csv"}
    assert files["pdf"].media_type == "application/pdf"
    assert files["docx"].filename.endswith(".docx")
    assert files["csv"].media_type.startswith("text/csv")


def test_pdf_text_carries_every_section_and_the_fingerprint(files):
    text = readers.pdf_text(files["pdf"].content)
    for heading in SECTIONS:
        assert heading in text
    fp = json.loads(files["json"].content)["fingerprint"]
    assert fp in text.replace(" ", "").replace("\n", "")
    assert "Page 2 of" in text


def test_pdf_info_names_convener_and_title(files):
    info = readers.pdf_info(files["pdf"].content)
    assert info["Author"] == "County Health Department"
    assert info["Title"] == "Backbone selection rationale: County backbone choice"
    assert info["Page size"].startswith("612 x 792 pts (letter)")


def test_pdf_first_page_renders_with_ink(files):
    png = readers.pdf_first_page_png(files["pdf"].content)
    image = Image.open(io.BytesIO(png)).convert("L")
    dark = sum(1 for v in image.tobytes() if v < 128)
    assert image.size[0] > 300 and dark > 500  # the title and the summary are on it


def test_word_has_real_headings_tables_and_chart_images(files):
    doc = readers.word(files["docx"].content)
    headings = [p.text for p in doc.paragraphs if p.style.name == "Heading 1"]
    for heading in SECTIONS:
        assert heading in headings
    assert doc.paragraphs[1].style.name == "Title"
    matrix = next(t for t in doc.tables if t.rows[0].cells[0].text == "Option")
    assert [c.text for c in matrix.rows[0].cells][-1] == "Score"
    assert len(matrix.rows) == 1 + 5
    assert len(doc.inline_shapes) == 3


def test_word_properties_name_the_convener_not_the_library(files):
    props = readers.word(files["docx"].content).core_properties
    assert props.author == "County Health Department"
    assert props.last_modified_by == "Backbone Select"
    assert props.created.year == 2026


def test_csv_has_one_row_per_weight_and_rating(files):
    rows = readers.csv_rows(files["csv"].content)
    weights = [r for r in rows if r["kind"] == "weight"]
    ratings = [r for r in rows if r["kind"] == "rating"]
    assert len(weights) == 6 * 4 and len(ratings) == 6 * 5 * 4
    assert {r["participant"] for r in rows} == {f"P0{i}" for i in range(1, 7)}
    assert all(1 <= int(r["value"]) <= 5 for r in ratings)
    total = sum(float(r["normalized"]) for r in weights if r["participant"] == "P01")
    assert total == pytest.approx(1.0, abs=1e-5)


def test_csv_names_nobody(files):
    text = files["csv"].content.decode("utf-8-sig")
    assert not any(name in text for name in NAMES)


def test_json_fingerprint_is_sha256_of_canonical_record(files):
    data = json.loads(files["json"].content)
    assert data["schema_version"] == 1
    assert data["fingerprint"] == fingerprint_of(data)
    assert b"fingerprint" not in canonical(data)
    data["participants"][0]["ratings"]["funder"]["credibility"] = 9
    assert fingerprint_of(data) != data["fingerprint"]


def test_json_fingerprint_does_not_depend_on_export_time(record):
    first = render_document(record, "json").content
    assert render_document(record, "json").content == first


def test_html_is_standalone(files):
    soup = readers.html(files["html"].content)
    assert soup.select("script") == [] and soup.select("link") == []
    sources = [img["src"] for img in soup.select("img")]
    assert len(sources) == 3 and all(s.startswith("data:image/svg+xml;base64,") for s in sources)
    assert soup.select_one('meta[name="author"]')["content"] == "County Health Department"
    assert [h.text for h in soup.select("section > h2")] == SECTIONS[:-2] + [
        "Appendix A. Timeline of stages and submissions",
        "Appendix B. Comments left with ratings",
        "Checking a copy",
    ]


def test_charts_draw_every_option_as_svg_text(record):
    svg = draw(document(record))["ranking"].svg()
    texts = [t.text or "" for t in ET.fromstring(svg).iter("{http://www.w3.org/2000/svg}text")]
    for option in record.workshop.options:
        # Long names wrap onto two lines; the first line always holds the name's start.
        assert any(option.name.split(" ")[0] in t for t in texts)
    assert sum(1 for t in texts if t[:2] in {"1.", "2.", "3.", "4.", "5."}) == 5


def test_charts_png_is_an_image(record):
    png = draw(document(record))["heat_map"].png(dpi=60)
    assert Image.open(io.BytesIO(png)).format == "PNG"


def test_anonymous_record_names_nobody_in_any_format():
    record = make_record(participants=6, anonymous=True)
    for ext in RENDERERS:
        text = readers.visible_text(ext, render_document(record, ext).content)
        for name in NAMES:
            assert name not in text, (ext, name)


def _method_text(record) -> dict[str, str]:
    """The method section's text in Markdown, HTML and Word."""
    md = render_document(record, "md").content.decode()
    html = readers.html(render_document(record, "html").content)
    paragraphs = [p.text for p in readers.word(render_document(record, "docx").content).paragraphs]
    start = paragraphs.index("Method: how the group decided")
    headings = [x.heading for x in document(record).sections]
    end = paragraphs.index(headings[headings.index("Method: how the group decided") + 1])
    return {
        "md": md.split("## Method: how the group decided", 1)[1].split("\n## ", 1)[0],
        "html": html.select_one("section#method").text,
        "docx": " ".join(paragraphs[start:end]),
    }


def test_method_section_says_the_workshops_method_as_the_results_page_does(record):
    settings = {"method": {"weight_aggregation": "geometric", "rating_aggregation": "median"}}
    changed = replace(record, workshop=replace(record.workshop, settings=settings))
    expected = method_sentences(MethodSettings.from_dict(settings["method"]), [1.0] * 6)
    for ext, text in _method_text(changed).items():
        assert all(sentence in " ".join(text.split()) for sentence in expected), ext
        assert "weighted sum of its values" in text, ext
    for ext, text in _method_text(record).items():
        assert "geometric mean" not in text and "average of the ratings given" in text, ext
