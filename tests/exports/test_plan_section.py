"""The backbone plan in the rationale documents (issue 5): a workshop made from a plan carries a
"Backbone plan" section in every document format and a "plan" object in the JSON record; a
workshop not made from a plan has neither; an anonymous workshop still names nobody."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest
from sqlmodel import select

from app.catalogue import load_catalogue, load_planning
from app.domain import planning as P
from app.domain.record_format import fingerprint_of
from app.exports import render_document
from app.persistence.tables import WorkshopRow
from tests.exports import readers
from tests.exports.records import make_record
from tests.support.api import API, create_workshop, join, login

ANSWERS = {"supplier-ties": "some", "data-trust": "wary", "contracting-time": "long"}
PLAN_TITLE = "Diabetes prevention network"
REPORTS_TO = "Deputy director for chronic disease"
NAMES = ("Rosa Quint", "Omar Vale")


def plan_workshop(client, names=()):
    """A workshop converted from a plan with answers, budget and plan edits, via the API."""
    auth = login(client)
    plan = client.post(f"{API}/plans", json={"title": PLAN_TITLE}, headers=auth).json()
    pid = plan["id"]
    assert (
        client.put(
            f"{API}/plans/{pid}/answers", json={"answers": ANSWERS}, headers=auth
        ).status_code
        == 200
    )
    changed = client.patch(
        f"{API}/plans/{pid}",
        json={
            "reports_to": REPORTS_TO,
            "selection": {"home": "existing"},
            "phases_done": ["initiate-governance"],
        },
        headers=auth,
    )
    assert changed.status_code == 200, changed.text
    budget = client.put(
        f"{API}/plans/{pid}/budget",
        json={"lines": [{"key": "office", "amount": 4650}]},
        headers=auth,
    )
    assert budget.status_code == 200, budget.text
    converted = client.post(f"{API}/plans/{pid}/workshop", headers=auth)
    assert converted.status_code == 201, converted.text
    workshop_id = converted.json()["workshop_id"]
    code = client.get(f"{API}/workshops/{workshop_id}", headers=auth).json()["join_code"]
    for i, name in enumerate(names):
        join(client, code, name=name, sector=["government", "nonprofit"][i % 2])
    summary = client.get(f"{API}/plans/{pid}/summary", headers=auth).json()
    return auth, workshop_id, summary


def export(client, auth, workshop_id, ext):
    response = client.get(f"{API}/workshops/{workshop_id}/export.{ext}", headers=auth)
    assert response.status_code == 200, response.text
    return response.content


def test_plan_section_in_markdown_names_every_part(client):
    auth, wid, summary = plan_workshop(client)
    md = export(client, auth, wid, "md").decode()
    section = md.split(f"## Backbone plan: {PLAN_TITLE}", 1)[1].split("\n## ", 1)[0]
    for heading in (
        "The department's situation",
        "What follows",
        "The model",
        "Functions: who carries each",
        "Staff",
        "Budget",
        "Selection process",
        "Phases",
        "Most similar cases",
    ):
        assert f"### {heading}" in section
    assert "| Total | 3 |" in section
    assert "| Total | $426,650 | $425,650 |" in section
    assert "$1,000 more than the reference budget ($425,650, figures of 2012)" in section
    assert f"**The backbone reports to:** {REPORTS_TO}" in section
    assert section.count("| Done |") == 1 and section.count("| To do |") == 11
    assert summary["similar_cases"][0]["name"] in section
    # The plan comes after the decision and before the next steps.
    assert md.index("## Decision") < md.index("## Backbone plan") < md.index("## Considerations")


def test_plan_section_consequences_cite_sources_listed_in_the_bibliography(client):
    auth, wid, _ = plan_workshop(client)
    md = export(client, auth, wid, "md").decode()
    section = md.split("### What follows", 1)[1].split("### The model", 1)[0]
    bullets = [line for line in section.splitlines() if line.startswith("- ")]
    assert bullets and all("_Because:" in b and "\\[" in b for b in bullets)
    sources = md.split("## Sources cited", 1)[1]
    numbers = {int(n) for b in bullets for n in b.split("\\[")[1].split("\\]")[0].split(", ")}
    listed = {int(line.split(".")[0]) for line in sources.splitlines() if line[:1].isdigit()}
    assert numbers <= listed


def test_plan_section_in_html_has_its_tables(client):
    auth, wid, summary = plan_workshop(client)
    soup = readers.html(export(client, auth, wid, "html"))
    section = soup.select_one("section#plan")
    assert section is not None
    assert section.select_one("h2").get_text() == f"Backbone plan: {PLAN_TITLE}"
    functions = section.select("#plan-functions tbody tr")
    assert len(functions) == len(summary["functions"]) == 7
    assert [td.get_text() for td in section.select("#plan-staff tbody tr")[-1].select("td")] == [
        "Total",
        "3",
    ]
    budget_total = section.select("#plan-budget tbody tr")[-1].select("td")
    assert budget_total[2].get_text() == "$426,650"
    assert len(section.select("ul.plan-consequences li")) == len(summary["consequences"]) > 0
    assert REPORTS_TO in section.select_one("#plan-reports-to").get_text()
    assert summary["model_name"] in section.select_one("#plan-model").get_text()


def test_plan_section_in_pdf_reads_back(client):
    auth, wid, summary = plan_workshop(client)
    text = readers.pdf_text(export(client, auth, wid, "pdf"))
    assert f"Backbone plan: {PLAN_TITLE}" in text
    for words in ("The department's situation", "Functions: who carries each", "Most similar"):
        assert words in text
    assert "$426,650" in text and REPORTS_TO in text
    assert summary["similar_cases"][0]["name"].split(" Department")[0] in text  # Kansas


def test_plan_section_in_word_has_real_headings_and_tables(client):
    auth, wid, summary = plan_workshop(client)
    doc = readers.word(export(client, auth, wid, "docx"))
    headings = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Head")]
    assert ("Heading 1", f"Backbone plan: {PLAN_TITLE}") in headings
    for name in ("The department's situation", "Budget", "Staff", "Phases", "Most similar cases"):
        assert ("Heading 2", name) in headings
    tables = {t.rows[0].cells[0].text: t for t in doc.tables}
    staff = tables["Staff role"]
    assert [c.text for c in staff.rows[-1].cells] == ["Total", "3"]
    assert len(tables["Function"].rows) == 1 + len(summary["functions"])
    assert [c.text for c in tables["Category"].rows[-1].cells][1:3] == ["Total", "$426,650"]


def test_plan_in_json_record_is_covered_by_the_fingerprint(client):
    auth, wid, summary = plan_workshop(client)
    data = json.loads(export(client, auth, wid, "json"))
    plan = data["plan"]
    assert plan["title"] == PLAN_TITLE and plan["reports_to"] == REPORTS_TO
    assert plan["budget"]["total"] == 426_650 and plan["budget"]["year"] == 2012
    assert plan["total_fte"] == 3.0 and len(plan["functions"]) == 7
    assert [c["case"] for c in plan["similar_cases"]] == [
        c["case"] for c in summary["similar_cases"]
    ]
    assert fingerprint_of(data) == data["fingerprint"]
    data["plan"]["budget"]["total"] = 1
    assert fingerprint_of(data) != data["fingerprint"]
    cited = {s["key"] for s in data["sources"]}
    assert {k for c in plan["consequences"] for k in c["sources"]} <= cited


def test_json_record_with_a_plan_imports_and_only_the_plan_is_left_behind(client):
    auth, wid, _ = plan_workshop(client)
    original = json.loads(export(client, auth, wid, "json"))
    imported = client.post(
        f"{API}/workshops/import",
        content=json.dumps(original),
        headers={**auth, "Content-Type": "application/json"},
    )
    assert imported.status_code == 201, imported.text
    again = json.loads(export(client, auth, imported.json()["id"], "json"))
    assert original["plan"] is not None and again["plan"] is None
    # The copy's timeline ends with its import, naming the source's fingerprint.
    assert again["events"].pop()["kind"] == "imported"
    for data in (original, again):
        data["workshop"].pop("id")
        for key in ("fingerprint", "signature", "plan", "sources"):
            data.pop(key)
    assert again == original


def test_json_record_with_a_tampered_plan_is_refused(client):
    auth, wid, _ = plan_workshop(client)
    data = json.loads(export(client, auth, wid, "json"))
    data["plan"]["reports_to"] = "Someone else"
    response = client.post(f"{API}/workshops/import", json=data, headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "fingerprint"


@pytest.mark.parametrize("ext", ["md", "html", "docx", "json"])
def test_workshop_not_from_a_plan_has_no_plan_section(client, ext):
    auth = login(client)
    w = create_workshop(client, auth)
    content = export(client, auth, w["id"], ext)
    if ext == "docx":
        text = readers.word_text(content)
    elif ext == "json":
        assert json.loads(content)["plan"] is None
        return
    else:
        text = content.decode()
    assert "Backbone plan" not in text
    if ext == "html":
        assert readers.html(content).select_one("section#plan") is None


def test_anonymous_workshop_from_a_plan_names_nobody_in_any_format(client, session):
    auth, wid, _ = plan_workshop(client, names=NAMES)
    with session.begin():
        row = session.exec(select(WorkshopRow).where(WorkshopRow.id == wid)).one()
        row.anonymous = True
        session.add(row)
    for ext in ("md", "html", "pdf", "docx", "json", "csv"):
        text = readers.visible_text(ext, export(client, auth, wid, ext))
        if ext == "pdf":
            assert f"Backbone plan: {PLAN_TITLE}" in text
        for name in NAMES:
            for part in name.split():
                assert part not in text, (ext, part)


def test_plan_text_typed_by_the_planner_is_inert_in_every_format():
    catalogue = load_catalogue()
    planning = load_planning(catalogue)
    names = {k: catalogue.models[k].name for k in catalogue.template(planning.template).models}
    hostile = "<script>alert(1)</script> **bold** =cmd| [x](http://evil.example)"
    state = P.PlanState(reports_to=hostile)
    plan = P.plan_summary(planning, hostile, ANSWERS, state, names)
    record = replace(make_record(), plan=plan)
    html = render_document(record, "html").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;" in readers.html(html.encode()).select_one("#plan-reports-to").decode()
    md = render_document(record, "md").content.decode()
    assert "[x](http://evil.example)" not in md and "**bold**" not in md.split("Backbone plan")[1]
    assert hostile in readers.word_text(render_document(record, "docx").content)
