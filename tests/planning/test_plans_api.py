"""The planning JSON API (/api/v1/plans and /api/v1/catalog/cases): what a planner can do, and
the errors, in the one JSON error shape."""

from __future__ import annotations

from sqlmodel import select

from app.persistence.tables import PlanRow, WorkshopRow
from app.services import accounts
from app.services.planning import plan_summary_for_workshop
from tests.support.api import API, login

KANSAS_LIKE = {"supplier-ties": "some", "data-trust": "wary", "contracting-time": "long"}


def new_plan(client, auth, title="Diabetes prevention network"):
    response = client.post(f"{API}/plans", json={"title": title}, headers=auth)
    assert response.status_code == 201, response.text
    return response.json()


def answer(client, auth, plan_id, answers):
    return client.put(f"{API}/plans/{plan_id}/answers", json={"answers": answers}, headers=auth)


def test_plans_api_create_read_and_list(client):
    auth = login(client)
    plan = new_plan(client, auth)
    assert plan["answers"] == {} and plan["model_chosen"] is False
    assert [s["fte"] for s in plan["staff"]] == [1.0, 1.0, 1.0]
    assert client.get(f"{API}/plans/{plan['id']}", headers=auth).json()["title"] == plan["title"]
    listed = client.get(f"{API}/plans", headers=auth).json()
    assert [p["id"] for p in listed] == [plan["id"]]


def test_plans_api_needs_a_facilitator(client):
    response = client.post(f"{API}/plans", json={"title": "x"})
    assert response.status_code == 401 and response.json()["ok"] is False


def test_plans_api_hides_another_facilitators_plan(client, session):
    auth = login(client)
    plan = new_plan(client, auth)
    accounts.create_facilitator(session, "other@example.org", "another long password", "Other")
    other = login(client, "other@example.org", "another long password")
    response = client.get(f"{API}/plans/{plan['id']}", headers=other)
    assert response.status_code == 404
    assert response.json()["error"] == f"No plan {plan['id']}."


def test_plans_api_empty_title_is_refused_naming_the_field(client):
    response = client.post(f"{API}/plans", json={"title": "  "}, headers=login(client))
    assert response.status_code == 422
    assert response.json()["errors"] == [{"field": "title", "message": "The title is required."}]


def test_plans_api_answers_merge_and_clear(client):
    auth = login(client)
    plan = new_plan(client, auth)
    answer(client, auth, plan["id"], KANSAS_LIKE)
    body = answer(client, auth, plan["id"], {"data-trust": None, "admin-load": "little"}).json()
    assert body["answers"] == {
        "supplier-ties": "some",
        "contracting-time": "long",
        "admin-load": "little",
    }


def test_plans_api_unknown_answer_is_422_naming_the_question(client):
    auth = login(client)
    plan = new_plan(client, auth)
    response = answer(client, auth, plan["id"], {"contracting-time": "forever"})
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "answers.contracting-time"


def test_plans_api_consequences_show_proposals_with_sources(client):
    auth = login(client)
    plan = new_plan(client, auth)
    answer(client, auth, plan["id"], KANSAS_LIKE)
    body = client.get(f"{API}/plans/{plan['id']}/consequences", headers=auth).json()
    rules = {c["rule"]: c for c in body["consequences"]}
    assert set(rules) == {"slow-contracting-no-vehicle", "data-distrust"}
    assert rules["data-distrust"]["because"] == [{"question": "data-trust", "answer": "wary"}]
    assert rules["data-distrust"]["sources"][0] == "bsi-state-health-department-backbone-models"
    assert body["emphases"] == {"contracting-speed": 1, "neutrality": 1, "credibility": 1}
    assert body["leading_model"] == "health-department"


def test_plans_api_cases_ranked_by_similarity(client):
    auth = login(client)
    plan = new_plan(client, auth)
    answer(client, auth, plan["id"], KANSAS_LIKE)
    cases = client.get(f"{API}/plans/{plan['id']}/cases", headers=auth).json()
    assert len(cases) == 11
    kansas, wisconsin = cases[0], next(c for c in cases if c["key"] == "wisconsin")
    assert kansas["key"] == "kansas" and kansas["similarity"] == 1.0
    assert (kansas["shared"], kansas["coverage"]) == (3, 1.0)
    assert kansas["alike"] == [
        {"question": "supplier-ties", "answer": "some"},
        {"question": "contracting-time", "answer": "long"},
        {"question": "data-trust", "answer": "wary"},
    ]
    assert kansas["near"] == [] and kansas["differ"] == [] and kansas["not_known"] == []
    # Wisconsin's source says nothing of its providers' data: not known, not counted.
    w = wisconsin
    assert (w["similarity"], w["shared"], w["coverage"]) == (0.75, 2, 0.6667)
    assert wisconsin["near"] == [{"question": "supplier-ties", "yours": "some", "theirs": "strong"}]
    assert wisconsin["not_known"] == ["data-trust"]


def test_plans_api_functions_matrix_read_and_assign(client):
    auth = login(client)
    plan = new_plan(client, auth)
    url = f"{API}/plans/{plan['id']}/functions"
    body = client.get(url, headers=auth).json()
    assert len(body["functions"]) == 7
    body = client.put(url, json={"carriers": {"programs": "partner"}}, headers=auth).json()
    programs = next(f for f in body["functions"] if f["key"] == "programs")
    assert (programs["carrier"], programs["default_carrier"]) == ("partner", "backbone")
    bad = client.put(url, json={"carriers": {"programs": "nobody"}}, headers=auth)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "carriers.programs"


def test_plans_api_budget_edit_totals_and_errors(client):
    auth = login(client)
    plan = new_plan(client, auth)
    url = f"{API}/plans/{plan['id']}/budget"
    assert client.get(url, headers=auth).json()["total"] == 425_650
    lines = [{"key": "salary-director", "amount": 90000}, {"label": "Translation", "amount": 5000}]
    body = client.put(url, json={"lines": lines}, headers=auth).json()
    # +10,000 salary, +2,000 benefits at 20%, +5,000 added line
    assert (body["total"], body["difference"], body["year"]) == (442_650, 17_000, 2012)
    bad = client.put(url, json={"lines": [{"key": "office", "amount": -5}]}, headers=auth)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "lines[0].amount"
    assert client.get(url, headers=auth).json()["total"] == 442_650


def test_plans_api_patch_plan_parts(client):
    auth = login(client)
    plan = new_plan(client, auth)
    changes = {
        "model": "steering-committee",
        "staff": {"facilitator": 2},
        "selection": {"home": "new"},
        "phases_done": ["initiate-governance", "initiate-planning"],
    }
    body = client.patch(f"{API}/plans/{plan['id']}", json=changes, headers=auth).json()
    assert body["model"] == "steering-committee" and body["model_chosen"]
    assert body["total_fte"] == 4.0 and body["selection"] == {"home": "new"}
    assert body["phases_done"] == ["initiate-governance", "initiate-planning"]
    bad = client.patch(f"{API}/plans/{plan['id']}", json={"model": "funder"}, headers=auth)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "model"


def test_plans_api_convert_to_workshop_stores_proposal(client, session):
    auth = login(client)
    plan = new_plan(client, auth)
    answer(client, auth, plan["id"], KANSAS_LIKE)
    response = client.post(f"{API}/plans/{plan['id']}/workshop", json={}, headers=auth)
    assert response.status_code == 201, response.text
    body = response.json()
    assert sum(body["proposed_weights"].values()) == 100
    workshop = client.get(f"{API}/workshops/{body['workshop_id']}", headers=auth).json()
    assert [c["key"] for c in workshop["criteria"]] == body["criteria"]
    assert "credibility" in body["criteria"]  # added: the data rule asks for it
    assert [o["key"] for o in workshop["options"]] == [
        "health-department",
        "public-health-institute",
        "consulting-firm",
        "steering-committee",
    ]
    with session.begin():
        row = session.exec(select(WorkshopRow).where(WorkshopRow.id == body["workshop_id"])).one()
        assert row.settings["proposed_weights"] == body["proposed_weights"]
        assert row.settings["plan_id"] == plan["id"]
        assert session.get(PlanRow, plan["id"]).workshop_id == body["workshop_id"]
    assert (
        client.get(f"{API}/plans/{plan['id']}", headers=auth).json()["workshop_id"]
        == (body["workshop_id"])
    )


def test_plans_api_convert_twice_is_409(client):
    auth = login(client)
    plan = new_plan(client, auth)
    first = client.post(f"{API}/plans/{plan['id']}/workshop", headers=auth)
    assert first.status_code == 201
    again = client.post(f"{API}/plans/{plan['id']}/workshop", headers=auth)
    assert again.status_code == 409 and again.json()["ok"] is False


def test_catalog_cases_lists_the_library(client):
    cases = client.get(f"{API}/catalog/cases").json()
    assert [c["key"] for c in cases][:5] == ["kansas", "wisconsin", "michigan", "missouri", "utah"]
    assert len(cases) == 11 and cases[0]["features"]["data-trust"] == "wary"
    silent = cases[0]["not_known"]
    assert "existing-contracts" in silent and "data-trust" not in silent
    calgary = next(c for c in cases if c["key"] == "calgary-homeless-foundation")
    assert calgary["features"] == {} and len(calgary["not_known"]) == 13


def test_plans_api_summary_has_every_section_as_one_record(client):
    auth = login(client)
    plan = new_plan(client, auth)
    answer(client, auth, plan["id"], KANSAS_LIKE)
    client.put(
        f"{API}/plans/{plan['id']}/budget",
        json={"lines": [{"key": "office", "amount": 4650}]},
        headers=auth,
    )
    body = client.get(f"{API}/plans/{plan['id']}/summary", headers=auth).json()
    assert body["title"] == plan["title"] and body["model"] == "health-department"
    assert (body["budget"]["total"], body["budget"]["year"]) == (426_650, 2012)
    assert len(body["functions"]) == 7 and len(body["staff"]) == 3 and len(body["phases"]) == 12
    assert [a["answer"] for a in body["answers"] if a["question"] == "data-trust"] == ["wary"]
    assert body["similar_cases"][0]["case"] == "kansas"


def test_plan_summary_for_workshop_finds_the_plan_behind_a_workshop(client, session, app):
    auth = login(client)
    plan = new_plan(client, auth, title="Behind the workshop")
    done = client.post(f"{API}/plans/{plan['id']}/workshop", headers=auth).json()
    catalogue, planning = app.state.catalogue, app.state.planning
    summary = plan_summary_for_workshop(session, catalogue, planning, done["workshop_id"])
    assert summary is not None and summary.title == "Behind the workshop"
    other = client.post(
        f"{API}/workshops", json={"title": "Plain", "template": "quick"}, headers=auth
    ).json()
    assert plan_summary_for_workshop(session, catalogue, planning, other["id"]) is None


def test_plans_api_budget_adjustment_is_kept_until_replaced(client):
    auth = login(client)
    plan = new_plan(client, auth)
    url = f"{API}/plans/{plan['id']}/budget"
    assert client.get(url, headers=auth).json()["adjustment"] is None
    body = client.put(
        url, json={"lines": [], "adjustment": {"year": 2026, "factor": 1.5}}, headers=auth
    ).json()
    assert body["adjustment"] == {"year": 2026, "factor": 1.5, "assumption": True}
    assert (body["total"], body["reference_total"], body["year"]) == (638_475, 425_650, 2012)
    assert body["adjusted_reference_total"] == 638_475 and "grants" in body["covered_by"]
    # A budget edit that does not name the adjustment keeps it; null goes back to 2012 dollars.
    kept = client.put(url, json={"lines": [{"key": "office", "amount": 0}]}, headers=auth).json()
    assert kept["adjustment"]["year"] == 2026
    cleared = client.put(url, json={"lines": [], "adjustment": None}, headers=auth).json()
    assert cleared["adjustment"] is None and cleared["total"] == 425_650
    bad = client.put(url, json={"lines": [], "adjustment": {"year": 1999}}, headers=auth)
    assert bad.status_code == 422 and bad.json()["errors"][0]["field"] == "adjustment.year"


def test_plans_api_staff_fte_moves_the_salary_lines(client):
    auth = login(client)
    plan = new_plan(client, auth)
    client.patch(f"{API}/plans/{plan['id']}", json={"staff": {"facilitator": 2}}, headers=auth)
    body = client.get(f"{API}/plans/{plan['id']}/budget", headers=auth).json()
    line = next(x for x in body["lines"] if x["key"] == "salary-facilitator")
    assert (line["amount"], line["fte"], line["reference"]) == (110_000, 2.0, 55_000)
    assert body["total"] == 425_650 + 55_000 + 11_000
