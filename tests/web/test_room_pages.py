"""Pages of the room: the presenter view, the console's room controls and confirmations, and
what a participant's phone shows of the countdown, the revealed results and the round before."""

from __future__ import annotations

from tests.support.api import (
    API,
    CLEAR_ORDER,
    give_weights,
    join,
    open_workshop,
    rate_everything,
    workshop_with_clear_ranking,
)
from tests.support.pages import join_in_page, page, sign_in


def test_presenter_view_needs_the_facilitators_session(client):
    _, workshop = open_workshop(client)
    response = client.get(f"/workshops/{workshop['id']}/present", follow_redirects=False)
    assert response.status_code in (302, 303)


def test_presenter_view_shows_code_qr_and_hides_results_until_revealed(client):
    sign_in(client)
    _, workshop, _ = workshop_with_clear_ranking(client)
    doc = page(client.get(f"/workshops/{workshop['id']}/present"))
    assert doc.select_one("#present-code").text.strip() == workshop["join_code"]
    assert doc.select_one("#present-qr svg") is not None
    assert doc.select_one("#present-stage").text.strip().startswith("Rating the models")
    assert doc.select_one("#present-hidden") is not None
    assert doc.select_one("#present-results") is None


def test_presenter_view_shows_ranking_once_revealed(client):
    sign_in(client)
    _, workshop, _ = workshop_with_clear_ranking(client)
    client.post(f"/workshops/{workshop['id']}/reveal", data={"visible": "true"})
    doc = page(client.get(f"/workshops/{workshop['id']}/present/live"))
    first = doc.select_one('#present-ranking li[data-rank="1"]')
    assert first["data-option"] == "funder"
    assert doc.select_one("#present-weights") is not None


def test_presenter_panel_answers_304_when_nothing_changed(client):
    sign_in(client)
    _, workshop = open_workshop(client)
    first = client.get(f"/workshops/{workshop['id']}/present/live")
    again = client.get(
        f"/workshops/{workshop['id']}/present/live",
        headers={"If-None-Match": first.headers["ETag"]},
    )
    assert again.status_code == 304


def test_presenter_view_counts_sectors_and_names_those_missing(client):
    sign_in(client)
    _, workshop = open_workshop(client)
    join(client, workshop["join_code"], name="Ana", sector="funder")
    doc = page(client.get(f"/workshops/{workshop['id']}/present"))
    assert doc.select_one('#present-sectors li[data-sector="funder"]').text.split()[-1] == "0/1"
    assert "Government" in doc.select_one("#present-missing").text


def test_anonymous_workshop_shows_no_names_on_presenter_or_phone(client):
    auth, workshop = open_workshop(client, anonymous=True)
    member = join(client, workshop["join_code"], name="Zebulon", sector="funder")
    give_weights(client, member, workshop["id"], {"credibility": 1})
    rate_everything(client, member, workshop, CLEAR_ORDER)
    client.patch(f"{API}/workshops/{workshop['id']}", json={"results_visible": True}, headers=auth)
    join_in_page(client, workshop["join_code"], name="Quintessa")
    phone = client.get(f"/w/{workshop['id']}").text
    assert "Zebulon" not in phone
    sign_in(client)
    for path in ("present", "room"):
        assert "Zebulon" not in client.get(f"/workshops/{workshop['id']}/{path}").text
    assert "Quintessa" not in client.get(f"/workshops/{workshop['id']}").text


def test_phone_shows_group_results_only_once_revealed(client):
    auth, workshop = open_workshop(client)
    join_in_page(client, workshop["join_code"], name="Kim")
    client.post(f"/w/{workshop['id']}/options/funder", data={"rating.credibility": "1"})
    other = join(client, workshop["join_code"], name="Lee")
    give_weights(client, other, workshop["id"], {"credibility": 1})
    rate_everything(client, other, workshop, 5)
    hidden = page(client.get(f"/w/{workshop['id']}/room"))
    assert hidden.select_one("#group-results") is None
    client.patch(f"{API}/workshops/{workshop['id']}", json={"results_visible": True}, headers=auth)
    shown = page(client.get(f"/w/{workshop['id']}/room"))
    assert shown.select_one("#my-group-ranking") is not None
    assert shown.select_one("#my-weights-vs-group") is not None
    far = shown.select_one('#my-far-cells li[data-option="funder"]')
    assert far["data-criterion"] == "credibility"


def test_phone_shows_the_countdown_the_facilitator_started(client):
    sign_in(client)
    _, workshop = open_workshop(client)
    client.post(f"/workshops/{workshop['id']}/timer", data={"minutes": "2"})
    join_in_page(client, workshop["join_code"])
    timer = page(client.get(f"/w/{workshop['id']}")).select_one("#phone-room #timer")
    assert 110 <= int(timer["data-remaining"]) <= 120


def test_second_round_shows_earlier_rating_and_group_median_beside_each_option(client):
    auth, workshop = open_workshop(client)
    join_in_page(client, workshop["join_code"], name="Kim")
    client.post(f"/w/{workshop['id']}/options/funder", data={"rating.credibility": "2"})
    other = join(client, workshop["join_code"], name="Lee")
    rate_everything(client, other, workshop, 5)
    assert client.post(f"{API}/workshops/{workshop['id']}/rounds", headers=auth).status_code == 201
    doc = page(client.get(f"/w/{workshop['id']}"))
    row = doc.select_one('#round-context-funder tr[data-criterion="credibility"]')
    assert row.select_one(".earlier-mine").text.strip() == "2"
    assert row.select_one(".earlier-median").text.strip() == "3.5"


def test_console_marks_results_not_shown_to_the_room(client):
    sign_in(client)
    _, workshop = open_workshop(client)
    doc = page(client.get(f"/workshops/{workshop['id']}"))
    assert doc.select_one("#results-status").text.strip() == "Not shown to the room"
    client.post(f"/workshops/{workshop['id']}/reveal", data={"visible": "true"})
    doc = page(client.get(f"/workshops/{workshop['id']}"))
    assert doc.select_one("#results-status").text.strip() == "Shown to the room"


def test_dashboard_shows_stage_names_not_keys(client):
    sign_in(client)
    open_workshop(client, stage="weighting")
    doc = page(client.get("/workshops"))
    assert doc.select_one("#workshop-list .stage").text.strip() == "Weighing the criteria"


def test_decision_form_without_confirmation_is_422_and_keeps_input(client):
    sign_in(client)
    _, workshop, _ = workshop_with_clear_ranking(client)
    response = client.post(
        f"/workshops/{workshop['id']}/decision",
        data={"option": "funder", "rationale": "Trusted by all"},
    )
    assert response.status_code == 422
    doc = page(response)
    assert doc.select_one("#error-confirm") is not None
    assert doc.select_one('#decision-form textarea[name="rationale"]').text == "Trusted by all"
    assert doc.select_one('#decision-form input[name="confirm"][required]') is not None


def test_decision_form_with_confirmation_records_it(client):
    sign_in(client)
    _, workshop, _ = workshop_with_clear_ranking(client)
    response = client.post(
        f"/workshops/{workshop['id']}/decision",
        data={"option": "funder", "rationale": "Trusted by all", "confirm": "yes"},
        follow_redirects=False,
    )
    assert response.status_code == 303


def test_remove_participant_asks_first_then_removes(client):
    sign_in(client)
    _, workshop = open_workshop(client)
    member = join(client, workshop["join_code"], name="Ana")
    path = f"/workshops/{workshop['id']}/participants/{member.id}/remove"
    asked = page(client.post(path))
    assert asked.select_one("#confirm-form")["action"] == path
    assert "Ana" in asked.select_one("h1").text
    client.post(path, data={"confirm": "yes"})
    doc = page(client.get(f"/workshops/{workshop['id']}"))
    assert doc.select_one(f'#room-people li[data-participant="{member.id}"]') is None


def test_merge_form_asks_first_then_merges(client):
    sign_in(client)
    _, workshop = open_workshop(client)
    ana = join(client, workshop["join_code"], name="Ana")
    again = join(client, workshop["join_code"], name="Ana again")
    path = f"/workshops/{workshop['id']}/participants/merge"
    data = {"keep": str(ana.id), "other": str(again.id)}
    asked = page(client.post(path, data=data))
    assert asked.select_one('#confirm-form input[name="other"]')["value"] == str(again.id)
    client.post(path, data={**data, "confirm": "yes"})
    doc = page(client.get(f"/workshops/{workshop['id']}"))
    assert [li["data-participant"] for li in doc.select("#room-people li")] == [str(ana.id)]


def test_open_round_form_moves_the_console_to_round_two(client):
    sign_in(client)
    _, workshop, _ = workshop_with_clear_ranking(client)
    client.post(f"/workshops/{workshop['id']}/rounds")
    doc = page(client.get(f"/workshops/{workshop['id']}"))
    assert doc.select_one('#rounds-table th[data-round="2"]') is not None
    ranks = doc.select_one('#rounds-table tr[data-option="funder"]')
    assert [td.text for td in ranks.select("td")] == ["1", "1"]
    assert "Open round 3" in doc.select_one("#round-form button").text


def test_presenter_controls_send_the_facilitator_back_to_the_presenter_view(client):
    sign_in(client)
    _, workshop = open_workshop(client)
    response = client.post(
        f"/workshops/{workshop['id']}/stage",
        data={"stage": "results", "back": "present"},
        follow_redirects=False,
    )
    assert response.headers["location"] == f"/workshops/{workshop['id']}/present"
