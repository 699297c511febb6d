"""After the decision: tracked conditions and next steps, the review date, revisiting in a linked
workshop; none of it changes the sealed record."""

from __future__ import annotations

from datetime import UTC, date, datetime

from app.domain.followup import review_date
from tests.record.support import export
from tests.support.api import API, workshop_with_clear_ranking
from tests.support.pages import page, sign_in

RISKS = [{"text": "Fiscal sponsor signs", "owner": "Finance lead", "due": "2027-01-31"}]
STEPS = [{"text": "Draft the hosting agreement", "owner": "Counsel", "due": "2027-02-15"}]


def _decided(client, **more):
    auth, w, _ = workshop_with_clear_ranking(client)
    body = {
        "option": "funder",
        "rationale": "Most credible",
        "risks": RISKS,
        "next_steps": STEPS,
        "approvers": [{"name": "Dr. Maria Lopez", "title": "Health Officer"}],
        **more,
    }
    response = client.post(f"{API}/workshops/{w['id']}/decision", json=body, headers=auth)
    assert response.status_code == 201, response.text
    return auth, w, response.json()


def test_decision_keeps_conditions_and_steps_with_owners_and_dates(client):
    _, _, body = _decided(client)
    kinds = {(f["kind"], f["text"], f["owner"], f["due"]) for f in body["follow_ups"]}
    assert kinds == {
        ("condition", "Fiscal sponsor signs", "Finance lead", "2027-01-31"),
        ("step", "Draft the hosting agreement", "Counsel", "2027-02-15"),
    }
    assert body["approvers"] == [{"name": "Dr. Maria Lopez", "title": "Health Officer"}]


def test_review_date_defaults_to_a_year_after_the_decision(client):
    _, _, body = _decided(client)
    assert body["review_on"] == review_date(datetime.now(UTC).date()).isoformat()


def test_review_date_of_a_leap_day_is_the_last_of_february():
    assert review_date(date(2028, 2, 29)) == date(2029, 2, 28)
    assert review_date(date(2026, 12, 5)) == date(2027, 12, 5)


def test_decision_with_a_bad_due_date_is_422_naming_it(client):
    auth, w, _ = workshop_with_clear_ranking(client)
    body = {"option": "funder", "rationale": "x", "risks": [{"text": "a", "due": "soon"}]}
    response = client.post(f"{API}/workshops/{w['id']}/decision", json=body, headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "risks.0.due"


def test_ticking_an_item_done_is_in_the_timeline_and_leaves_the_record(client):
    auth, w, body = _decided(client)
    before = export(client, auth, w["id"], "json")
    item = body["follow_ups"][0]["id"]
    url = f"{API}/workshops/{w['id']}/follow-up/items/{item}"
    response = client.patch(url, json={"done": True}, headers=auth)
    assert response.status_code == 200 and response.json()["done"] is True
    view = client.get(f"{API}/workshops/{w['id']}/follow-up", headers=auth).json()
    assert [i["done"] for i in view["items"] if i["id"] == item] == [True]
    assert export(client, auth, w["id"], "json") == before


def test_review_date_moves_and_the_record_stays(client):
    auth, w, _ = _decided(client)
    before = export(client, auth, w["id"], "md")
    response = client.patch(
        f"{API}/workshops/{w['id']}/follow-up", json={"review_on": "2028-06-30"}, headers=auth
    )
    assert response.status_code == 200 and response.json()["review_on"] == "2028-06-30"
    assert export(client, auth, w["id"], "md") == before


def test_follow_up_before_the_decision_is_409(client):
    auth, w, _ = workshop_with_clear_ranking(client)
    response = client.patch(
        f"{API}/workshops/{w['id']}/follow-up", json={"review_on": "2028-06-30"}, headers=auth
    )
    assert response.status_code == 409


def test_revisit_opens_a_linked_workshop_with_the_same_criteria_and_options(client):
    auth, w, _ = _decided(client)
    response = client.post(f"{API}/workshops/{w['id']}/revisit", headers=auth)
    assert response.status_code == 201, response.text
    new = response.json()
    assert new["supersedes"] == w["id"] and new["stage"] == "setup"
    assert [c["key"] for c in new["criteria"]] == [c["key"] for c in w["criteria"]]
    assert [o["key"] for o in new["options"]] == [o["key"] for o in w["options"]]
    old = client.get(f"{API}/workshops/{w['id']}/follow-up", headers=auth).json()
    assert old["superseded_by"] == [new["id"]]


def test_memo_lists_conditions_steps_and_approvers(client):
    auth, w, _ = _decided(client)
    md = export(client, auth, w["id"], "md").decode()
    assert "| Fiscal sponsor signs | Finance lead | 2027-01-31 |" in md
    assert "| Draft the hosting agreement | Counsel | 2027-02-15 |" in md
    assert "| Approver | Dr. Maria Lopez | Health Officer |  |  |" in md


def test_workshop_page_ticks_an_item_off(client):
    auth, w, body = _decided(client)
    sign_in(client)
    item = body["follow_ups"][1]["id"]
    response = client.post(f"/workshops/{w['id']}/follow-up/items/{item}", data={"done": "1"})
    assert response.status_code == 200  # followed the redirect back to the page
    doc = page(response)
    assert "done" in doc.select_one(f"#follow-up-{item}")["class"]
    assert doc.select_one("#revisit-form button") is not None


def test_decision_form_records_rows_of_conditions_and_approvers(client):
    auth, w, _ = workshop_with_clear_ranking(client)
    sign_in(client)
    form = {
        "option": "funder",
        "rationale": "Most credible",
        "agreement": "consensus",
        "risks-1-text": "Neutral chair",
        "risks-1-owner": "Board",
        "risks-1-due": "2027-03-01",
        "approvers-1-name": "Sam Reyes",
        "approvers-1-title": "Director",
        "confirm": "yes",
    }
    response = client.post(f"/workshops/{w['id']}/decision", data=form)
    assert response.status_code == 200
    decision = client.get(f"{API}/workshops/{w['id']}/decision", headers=auth).json()
    assert [f["text"] for f in decision["follow_ups"]] == ["Neutral chair"]
    assert decision["approvers"] == [{"name": "Sam Reyes", "title": "Director"}]


def test_revisiting_workshop_memo_says_which_decision_it_supersedes(client):
    auth, w, _ = _decided(client)
    new = client.post(f"{API}/workshops/{w['id']}/revisit", headers=auth).json()
    md = export(client, auth, new["id"], "md").decode()
    assert f"**Revisits:** the decision of workshop {w['id']}, which this supersedes" in md
    record = export(client, auth, new["id"], "json").decode()
    assert f'"supersedes": {w["id"]}' in record
