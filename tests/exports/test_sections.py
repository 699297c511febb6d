"""The content model says the order of the sections once: every format shows the model's sections
in that order, and a section added to the model shows in every format."""

from __future__ import annotations

from dataclasses import replace

import pytest

from app.catalogue import load_catalogue, load_planning
from app.domain import planning as P
from app.domain.catalogue import Consideration
from app.domain.workshop import Event
from app.exports import render_document
from app.exports.content import Paragraph, Section, Table, document, outline
from tests.exports import readers
from tests.exports.records import make_record

PLANNING = "collective-action-backbone-planning"


@pytest.fixture(scope="module")
def record():
    """A decided workshop made from a plan, so that every optional section is present."""
    catalogue = load_catalogue()
    planning = load_planning(catalogue)
    names = {k: catalogue.models[k].name for k in catalogue.template(planning.template).models}
    answers = {"supplier-ties": "some", "data-trust": "wary", "contracting-time": "long"}
    plan = P.plan_summary(planning, "Diabetes prevention network", answers, P.PlanState(), names)
    return replace(make_record(), plan=plan)


def headings(record, ext: str) -> list[str]:
    content = render_document(record, ext).content
    if ext == "md":
        lines = content.decode().splitlines()
        return [line[3:] for line in lines if line.startswith("## ")][1:]  # after the Summary
    if ext == "html":
        return [h.text for h in readers.html(content).select("body > section:not(#cover) > h2")]
    paragraphs = readers.word(content).paragraphs
    return [p.text for p in paragraphs if p.style.name == "Heading 1"][1:]  # after the Summary


def test_every_format_shows_the_models_sections_in_its_order(record):
    expected = [s.heading for s in document(record).sections]
    assert "Backbone plan: Diabetes prevention network" in expected
    assert "Appendix B. Comments left with ratings" in expected
    for ext in ("md", "html", "docx"):
        assert headings(record, ext) == expected, ext


def test_pdf_shows_the_models_sections_in_its_order(record):
    text = readers.pdf_text(render_document(record, "pdf").content)
    places = [text.find(s.heading) for s in document(record).sections]
    assert -1 not in places and places == sorted(places)


def extra(ctx) -> Section:
    table = Table(["Who", "What"], [["Ana", "Reads the plan"]], id="extra-table")
    return Section("extra", "Extra section", (Paragraph("Added in one place."), table))


def test_a_section_added_to_the_model_shows_in_every_format(record, monkeypatch):
    monkeypatch.setattr(outline, "SECTIONS", (*outline.SECTIONS, extra))
    md = render_document(record, "md").content.decode()
    assert "## Extra section\n\nAdded in one place.\n\n| Who | What |" in md
    soup = readers.html(render_document(record, "html").content)
    assert soup.select_one("section#extra > h2").text == "Extra section"
    assert soup.select_one("section#extra table#extra-table td").text == "Ana"
    word = readers.word(render_document(record, "docx").content)
    assert [p.text for p in word.paragraphs if p.style.name == "Heading 1"][-1] == "Extra section"
    assert word.tables[-1].rows[1].cells[1].text == "Reads the plan"


def test_timeline_names_each_event_by_its_catalogue_label(record):
    at = record.events[-1].at
    events = [*record.events, Event("method", "points-geometric-mean-weighted-sum", at)]
    soup = readers.html(render_document(replace(record, events=events), "html").content)
    last = [td.text for td in soup.select("#timeline tbody tr")[-1].select("td")]
    assert last[1:] == ["Method changed", "points-geometric-mean-weighted-sum"]
    unnamed = replace(record, events=events, event_labels={})
    md = render_document(unnamed, "md").content.decode()
    assert "| Decision recorded |" not in md and "| decided |" in md


def test_considerations_come_from_the_record_with_their_citations(record):
    mine = Consideration("who-hosts", "Who hosts the meetings", "Agree on a host.", PLANNING)
    changed = replace(record, considerations=(mine,))
    md = render_document(changed, "md").content.decode()
    steps = md.split("## Considerations and next steps", 1)[1].split("\n## ", 1)[0]
    bibliography = document(changed).section("sources").blocks[0].entries
    number = next(n for n, s in bibliography if s.key == PLANNING)
    assert f"1. **Who hosts the meetings.** Agree on a host. \\[{number}\\]" in steps
    assert "Existing home or new structure" not in steps
    none = document(replace(record, considerations=()))
    assert none.section("next-steps") is None
