"""HTML pages, asserted by CSS selector: forms, their errors, and what each role sees."""

from __future__ import annotations

import pytest

from tests.support.api import (
    API,
    CLEAR_ORDER,
    give_weights,
    join,
    login,
    open_workshop,
    rate_everything,
    workshop_with_clear_ranking,
)
from tests.support.databases import FACILITATOR_EMAIL, FACILITATOR_PASSWORD
from tests.support.pages import HTMX, WITH_AND_WITHOUT_HTMX, joined, page, shown, sign_in


def test_home_offers_join_and_sign_in(client):
    doc = page(client.get("/"))
    assert doc.select_one('form[action="/join"] input[name="code"]') is not None
    assert doc.select_one('a[href="/login"]') is not None


def test_login_wrong_password_keeps_email_and_says_why(client):
    response = client.post("/login", data={"email": FACILITATOR_EMAIL, "password": "wrong"})
    assert response.status_code == 401
    doc = page(response)
    assert doc.select_one('input[name="email"]')["value"] == FACILITATOR_EMAIL
    assert "Wrong email or password" in doc.select_one(".form-error").text


def test_login_sets_httponly_lax_cookie(client):
    response = client.post(
        "/login",
        data={"email": FACILITATOR_EMAIL, "password": FACILITATOR_PASSWORD},
        follow_redirects=False,
    )
    cookie = response.headers["set-cookie"].lower()
    assert "httponly" in cookie and "samesite=lax" in cookie


def test_workshops_page_redirects_to_sign_in(client):
    response = client.get("/workshops", follow_redirects=False)
    assert response.status_code == 303 and response.headers["location"].startswith("/login")


def test_create_workshop_without_title_is_422_and_keeps_input(client):
    sign_in(client)
    response = client.post(
        "/workshops", data={"title": " ", "template": "collective-impact", "convener": "County"}
    )
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one('#create-workshop input[name="convener"]')["value"] == "County"
    assert (
        doc.select_one('#create-workshop select[name="template"] option[selected]')["value"]
        == "collective-impact"
    )
    assert doc.select_one("#create-workshop .field-error").text.strip()


def test_create_workshop_then_page_shows_code_and_setup(client):
    sign_in(client)
    response = client.post("/workshops", data={"title": "Infant health", "template": "quick"})
    doc = page(response)
    assert doc.select_one("#workshop-title").text == "Infant health"
    assert len(doc.select_one("#join-code").text.strip()) == 6
    assert len(doc.select("#criteria-list li")) == 4
    assert len(doc.select("#options-list li")) == 5
    assert doc.select_one("#live[hx-get][hx-trigger]") is not None


def test_add_option_with_duplicate_name_is_422_and_keeps_input(client):
    sign_in(client)
    created = client.post("/workshops", data={"title": "T", "template": "quick"})
    workshop_id = created.url.path.rsplit("/", 1)[-1]
    response = client.post(
        f"/workshops/{workshop_id}/options", data={"name": "Funder-based backbone"}
    )
    if response.status_code != 422:  # the catalogue's name may differ: use what the page lists
        name = (
            page(client.get(f"/workshops/{workshop_id}")).select_one("#options-list li strong").text
        )
        response = client.post(f"/workshops/{workshop_id}/options", data={"name": name})
    assert response.status_code == 422
    assert page(response).select_one("#add-options .field-error") is not None


def test_join_page_prefills_code_from_link(client):
    doc = page(client.get("/join?code=ABC123"))
    assert doc.select_one('#join-form input[name="join_code"]')["value"] == "ABC123"


def test_join_wrong_code_is_404_and_keeps_name(client):
    response = client.post("/join", data={"join_code": "NOPE99", "name": "Kim", "sector": "funder"})
    assert response.status_code == 404
    doc = page(response)
    assert doc.select_one('#join-form input[name="name"]')["value"] == "Kim"
    assert doc.select_one("#join-form option[selected]")["value"] == "funder"


def test_participant_page_shows_weights_and_one_option_to_rate(client):
    _, w = joined(client)
    doc = page(client.get(f"/w/{w['id']}"))
    assert len(doc.select('#weights-form input[type="number"]')) == 4
    assert doc.select_one("#points-left").text.strip() == "100"
    assert len(doc.select("article.option-card")) == 1
    assert doc.select_one("#rate-progress").text.strip() == "0 of 5 options rated"
    first = doc.select_one("article.option-card fieldset.rating")
    assert len(first.select('input[type="radio"]')) == 5
    assert first.select_one(".anchors") is not None and first.select_one(".hint") is not None


@WITH_AND_WITHOUT_HTMX
def test_weights_not_summing_to_100_are_422_and_keep_input(client, headers):
    _, w = joined(client)
    data = {"points.credibility": "50", "points.neutrality": "20"}
    response = client.post(f"/w/{w['id']}/weights", data=data, headers=headers)
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one('input[name="points.credibility"]')["value"] == "50"
    assert "70" in doc.select_one("#weights-error").text
    # htmx swaps in the weights section; without JavaScript the whole page comes back.
    assert (doc.select_one("h1") is not None) == (headers != HTMX)


@WITH_AND_WITHOUT_HTMX
def test_weights_summing_to_100_are_saved(client, headers):
    _, w = joined(client)
    data = {
        "points.credibility": "40",
        "points.neutrality": "30",
        "points.funding": "20",
        "points.bureaucracy": "10",
    }
    response = client.post(
        f"/w/{w['id']}/weights", data=data, headers=headers, follow_redirects=False
    )
    assert response.status_code == (200 if headers == HTMX else 303)
    doc = shown(client, response, f"/w/{w['id']}")
    assert doc.select_one('input[name="points.credibility"]')["value"] == "40"
    if headers == HTMX:
        assert doc.select_one(".saved") is not None


@WITH_AND_WITHOUT_HTMX
def test_rating_out_of_range_is_422_and_names_the_cell(client, headers):
    _, w = joined(client)
    response = client.post(
        f"/w/{w['id']}/options/funder",
        data={"rating.credibility": "9"},
        headers=headers,
    )
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one('fieldset[data-criterion="credibility"] .field-error') is not None


@WITH_AND_WITHOUT_HTMX
def test_ratings_saved_show_the_choice(client, headers):
    _, w = joined(client)
    data = {f"rating.{k}": "4" for k in ("credibility", "neutrality", "funding", "bureaucracy")}
    data["comment.funder"] = "x"
    response = client.post(
        f"/w/{w['id']}/options/funder", data=data, headers=headers, follow_redirects=False
    )
    assert response.status_code == (200 if headers == HTMX else 303)
    if headers != HTMX:  # a plain form goes on to the next option, saying it saved
        doc = shown(client, response, f"/w/{w['id']}")
        assert doc.select_one("#step-saved") is not None
        assert doc.select_one("#option-nonprofit") is not None
    doc = page(client.get(f"/w/{w['id']}?step=funder")) if headers != HTMX else page(response)
    assert doc.select_one('fieldset[data-criterion="funding"] input[value="4"]').has_attr("checked")


def test_other_workshop_participant_page_is_404(client):
    _, w = joined(client)
    assert client.get(f"/w/{w['id'] + 1000}").status_code == 404


def test_live_results_answer_304_when_nothing_changed(client):
    sign_in(client)
    auth = login(client)
    _, w = open_workshop(client)
    first = client.get(f"/workshops/{w['id']}/live")
    assert first.status_code == 200
    etag = first.headers["etag"]
    assert (
        client.get(f"/workshops/{w['id']}/live", headers={"If-None-Match": etag}).status_code == 304
    )
    member = join(client, w["join_code"])
    give_weights(client, member, w["id"], {"credibility": 1})
    changed = client.get(f"/workshops/{w['id']}/live", headers={"If-None-Match": etag})
    assert changed.status_code == 200 and changed.headers["etag"] != etag
    assert auth


def test_live_results_show_ranking_and_matrix(client):
    sign_in(client)
    _, w, member = workshop_with_clear_ranking(client)
    doc = page(client.get(f"/workshops/{w['id']}/live"))
    assert doc.select_one('#ranking li[data-rank="1"]')["data-option"] == "funder"
    assert doc.select_one("#submitted-count").text == "1"
    assert len(doc.select("#score-matrix tbody tr")) == 5


@pytest.mark.parametrize("agreement", ["consensus"])
def test_decision_against_ranking_without_reason_is_422_and_keeps_input(client, agreement):
    sign_in(client)
    _, w, member = workshop_with_clear_ranking(client)
    response = client.post(
        f"/workshops/{w['id']}/decision",
        data={"option": "government", "rationale": "Policy reach", "agreement": agreement},
    )
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one("#decision-form option[selected]")["value"] == "government"
    assert doc.select_one('#decision-form textarea[name="rationale"]').text == "Policy reach"
    assert doc.select_one("#decision-form .field-error") is not None


def test_recorded_decision_is_read_only(client):
    sign_in(client)
    auth, w, _ = workshop_with_clear_ranking(client)
    client.post(
        f"{API}/workshops/{w['id']}/decision",
        json={"option": "funder", "rationale": "Why"},
        headers=auth,
    )
    doc = page(client.get(f"/workshops/{w['id']}"))
    assert doc.select_one("#decided-option").text == doc.select_one("#decided-option").text.strip()
    assert doc.select_one("#decision-form") is None
    assert doc.select_one("#stage-form") is None
    assert doc.select_one("#add-criteria") is None


def test_stage_form_offers_next_stage_as_primary(client):
    sign_in(client)
    _, w = open_workshop(client, stage="weighting")
    doc = page(client.get(f"/workshops/{w['id']}"))
    primary = [
        b["value"]
        for b in doc.select("#stage-form button")
        if "secondary" not in b.get("class", [])
    ]
    assert primary == ["scoring"]


def test_participant_can_download_the_rationale_once_decided(client):
    _, w = joined(client)
    participant_cookies = dict(client.cookies)
    client.cookies.clear()
    auth = login(client)
    member = join(client, w["join_code"], name="Lee")
    give_weights(client, member, w["id"], {"credibility": 1})
    rate_everything(client, member, w, CLEAR_ORDER)
    client.post(
        f"{API}/workshops/{w['id']}/decision",
        json={"option": "funder", "rationale": "Why"},
        headers=auth,
    )
    client.cookies.update(participant_cookies)
    doc = page(client.get(f"/w/{w['id']}"))
    link = doc.select_one('#my-downloads a[href$="export.md"]')["href"]
    response = client.get(link)
    assert response.status_code == 200 and "Why" in response.text
