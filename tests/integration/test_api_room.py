"""API: the room: revealing results to participants, the join QR code, the countdown, rounds
of rating, and removing or merging participants."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from tests.support.api import (
    API,
    CLEAR_ORDER,
    give_scores,
    give_weights,
    join,
    open_workshop,
    rate_everything,
    workshop_with_clear_ranking,
)


def reveal(client, auth, workshop_id: int, visible: bool = True) -> dict:
    response = client.patch(
        f"{API}/workshops/{workshop_id}", json={"results_visible": visible}, headers=auth
    )
    assert response.status_code == 200, response.text
    return response.json()


def test_my_results_are_403_until_revealed(client):
    _, workshop, member = workshop_with_clear_ranking(client)
    response = client.get(f"{API}/workshops/{workshop['id']}/my/results", headers=member.auth)
    assert response.status_code == 403
    assert response.json()["ok"] is False and response.json()["status"] == 403


def test_my_results_after_reveal_have_the_shape_of_results(client):
    auth, workshop, member = workshop_with_clear_ranking(client)
    assert reveal(client, auth, workshop["id"])["results_visible"] is True
    mine = client.get(f"{API}/workshops/{workshop['id']}/my/results", headers=member.auth)
    group = client.get(f"{API}/workshops/{workshop['id']}/results", headers=auth)
    assert mine.status_code == 200
    assert mine.json() == group.json()
    assert mine.json()["ranking"][0]["option"] == "funder"


def test_my_results_hidden_again_are_403(client):
    auth, workshop, member = workshop_with_clear_ranking(client)
    reveal(client, auth, workshop["id"])
    reveal(client, auth, workshop["id"], visible=False)
    response = client.get(f"{API}/workshops/{workshop['id']}/my/results", headers=member.auth)
    assert response.status_code == 403


def test_my_results_of_an_anonymous_workshop_carry_no_names(client):
    auth, workshop = open_workshop(client, anonymous=True)
    names = ["Zebulon Quartermaine", "Xanthippe Overbeck"]
    for index, name in enumerate(names):
        member = join(client, workshop["join_code"], name=name, sector="funder")
        give_weights(client, member, workshop["id"], {"credibility": 1 + index})
        rate_everything(client, member, workshop, CLEAR_ORDER)
    reveal(client, auth, workshop["id"])
    response = client.get(f"{API}/workshops/{workshop['id']}/my/results", headers=member.auth)
    assert response.status_code == 200
    for name in names:
        assert name.split()[0] not in response.text and name.split()[1] not in response.text


def test_my_results_are_refused_to_another_workshops_participant(client):
    auth, workshop, _ = workshop_with_clear_ranking(client)
    reveal(client, auth, workshop["id"])
    _, other = open_workshop(client)
    stranger = join(client, other["join_code"], name="Sam")
    response = client.get(f"{API}/workshops/{workshop['id']}/my/results", headers=stranger.auth)
    assert response.status_code == 404


def test_reveal_is_logged_in_the_timeline(client):
    auth, workshop, _ = workshop_with_clear_ranking(client)
    reveal(client, auth, workshop["id"])
    record = client.get(f"{API}/workshops/{workshop['id']}/export.json", headers=auth).json()
    assert "revealed" in str(record)


def decode_qr(svg: bytes, tmp: Path) -> str:
    """Draw the SVG as a PNG (cairosvg) and read it back with a real QR decoder (zbarimg)."""
    cairosvg = pytest.importorskip("cairosvg")
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg (Debian's zbar-tools) is not installed")
    png = tmp / "qr.png"
    cairosvg.svg2png(bytestring=svg, write_to=str(png), output_width=400, background_color="white")
    done = subprocess.run(
        ["zbarimg", "--quiet", "--raw", str(png)], capture_output=True, text=True, timeout=30
    )
    assert done.returncode == 0, done.stderr
    return done.stdout.strip()


def test_join_qr_decodes_to_the_join_link(client, tmp_path):
    auth, workshop = open_workshop(client)
    response = client.get(f"{API}/workshops/{workshop['id']}/join-qr.svg", headers=auth)
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("image/svg+xml")
    decoded = decode_qr(response.content, tmp_path)
    assert decoded == f"http://testserver/join?code={workshop['join_code']}"


def test_join_qr_needs_the_facilitator(client):
    _, workshop = open_workshop(client)
    client.cookies.clear()
    assert client.get(f"{API}/workshops/{workshop['id']}/join-qr.svg").status_code == 401


def test_timer_start_stores_a_deadline_every_screen_shares(client):
    auth, workshop = open_workshop(client)
    response = client.post(
        f"{API}/workshops/{workshop['id']}/timer", json={"seconds": 120}, headers=auth
    )
    assert response.status_code == 200
    assert 115 <= response.json()["remaining"] <= 120
    shown = client.get(f"{API}/workshops/{workshop['id']}", headers=auth).json()
    assert shown["timer_ends_at"] is not None


@pytest.mark.parametrize("seconds", [0, 5, 99999, "soon"])
def test_timer_out_of_range_is_422_naming_seconds(client, seconds):
    auth, workshop = open_workshop(client)
    response = client.post(
        f"{API}/workshops/{workshop['id']}/timer", json={"seconds": seconds}, headers=auth
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "seconds"


def test_timer_stop_clears_the_deadline(client):
    auth, workshop = open_workshop(client)
    client.post(f"{API}/workshops/{workshop['id']}/timer", json={"seconds": 60}, headers=auth)
    assert client.delete(f"{API}/workshops/{workshop['id']}/timer", headers=auth).status_code == 204
    shown = client.get(f"{API}/workshops/{workshop['id']}", headers=auth).json()
    assert shown["timer_ends_at"] is None


def two_raters(client):
    auth, workshop = open_workshop(client)
    members = [join(client, workshop["join_code"], name=n) for n in ("Ana", "Ben")]
    for member in members:
        give_weights(client, member, workshop["id"], {"credibility": 1})
    rate_everything(client, members[0], workshop, CLEAR_ORDER)
    rate_everything(client, members[1], workshop, {k: 6 - v for k, v in CLEAR_ORDER.items()})
    return auth, workshop, members


def test_open_round_keeps_round_one_and_opens_round_two(client):
    auth, workshop, _ = two_raters(client)
    response = client.post(f"{API}/workshops/{workshop['id']}/rounds", headers=auth)
    assert response.status_code == 201
    body = response.json()
    assert body["current"] == 2
    assert [r["number"] for r in body["rounds"]] == [1, 2]
    assert body["rounds"][0]["closed_at"] is not None and body["rounds"][1]["closed_at"] is None
    assert body["changes"][0]["moved_total"] == 0


def test_revisions_in_round_two_leave_round_one_as_it_was(client):
    auth, workshop, members = two_raters(client)
    client.post(f"{API}/workshops/{workshop['id']}/rounds", headers=auth)
    rate_everything(client, members[1], workshop, CLEAR_ORDER)
    body = client.get(f"{API}/workshops/{workshop['id']}/rounds", headers=auth).json()
    first, second = body["rounds"]
    assert first["kendall_w"] == 0.0 and second["kendall_w"] == 1.0
    change = body["changes"][0]
    assert change["agreement_rose"] is True
    moved = {(m["option"], m["criterion"]): m["moved"] for m in change["moved"]}
    assert moved[("funder", "credibility")] == 1
    assert ("government", "credibility") not in moved  # rated 3 both times


def test_open_round_before_anyone_rated_is_409(client):
    auth, workshop = open_workshop(client)
    assert client.post(f"{API}/workshops/{workshop['id']}/rounds", headers=auth).status_code == 409


def test_remove_participant_drops_their_input_from_results(client):
    auth, workshop, members = two_raters(client)
    path = f"{API}/workshops/{workshop['id']}/participants/{members[1].id}"
    assert client.delete(path, headers=auth).status_code == 204
    results = client.get(f"{API}/workshops/{workshop['id']}/results", headers=auth).json()
    assert results["participants"]["joined"] == 1
    assert results["ranking"][0]["option"] == "funder"
    removed = give_weights(client, members[1], workshop["id"], {"credibility": 1})
    assert removed.status_code == 401


def test_remove_participant_of_another_workshop_is_404(client):
    auth, workshop, _ = two_raters(client)
    _, other = open_workshop(client)
    stranger = join(client, other["join_code"], name="Sam")
    path = f"{API}/workshops/{workshop['id']}/participants/{stranger.id}"
    assert client.delete(path, headers=auth).status_code == 404


def test_remove_participant_is_logged(client):
    auth, workshop, members = two_raters(client)
    client.delete(f"{API}/workshops/{workshop['id']}/participants/{members[1].id}", headers=auth)
    record = client.get(f"{API}/workshops/{workshop['id']}/export.md", headers=auth).text
    assert "Participant removed with their input | Ben" in record


def test_merge_keeps_one_entry_with_both_entries_input(client):
    auth, workshop = open_workshop(client)
    phone = join(client, workshop["join_code"], name="Ana")
    laptop = join(client, workshop["join_code"], name="Ana B.")
    give_weights(client, phone, workshop["id"], {"credibility": 1})
    give_scores(client, laptop, workshop["id"], {"funder": {"credibility": 5}})
    give_scores(client, phone, workshop["id"], {"nonprofit": {"credibility": 2}})
    response = client.post(
        f"{API}/workshops/{workshop['id']}/participants/merge",
        json={"keep": phone.id, "other": laptop.id},
        headers=auth,
    )
    assert response.status_code == 200
    assert [p["id"] for p in response.json()["participants"]] == [phone.id]
    mine = client.get(f"{API}/workshops/{workshop['id']}/my", headers=phone.auth).json()
    assert mine["scores"] == {"funder": {"credibility": 5}, "nonprofit": {"credibility": 2}}
    assert mine["weights"]["credibility"] == 1.0


def test_merge_an_entry_with_itself_is_422(client):
    auth, workshop = open_workshop(client)
    member = join(client, workshop["join_code"])
    response = client.post(
        f"{API}/workshops/{workshop['id']}/participants/merge",
        json={"keep": member.id, "other": member.id},
        headers=auth,
    )
    assert response.status_code == 422


def test_rationale_shows_the_rounds_once_a_second_round_opened(client):
    auth, workshop, members = two_raters(client)
    before = client.get(f"{API}/workshops/{workshop['id']}/export.md", headers=auth).text
    assert "Rounds of rating" not in before
    client.post(f"{API}/workshops/{workshop['id']}/rounds", headers=auth)
    rate_everything(client, members[1], workshop, CLEAR_ORDER)
    text = client.get(f"{API}/workshops/{workshop['id']}/export.md", headers=auth).text
    assert "## Rounds of rating" in text
    assert "From round 1 to round 2, 16 ratings changed; agreement rose." in text
    assert "| Funder-based backbone | 1 | 1 |" in text
    html = client.get(f"{API}/workshops/{workshop['id']}/export.html", headers=auth).text
    assert 'id="rounds"' in html


def test_my_results_answer_304_while_the_room_is_unchanged(client):
    auth, workshop, member = workshop_with_clear_ranking(client)
    reveal(client, auth, workshop["id"])
    url = f"{API}/workshops/{workshop['id']}/my/results"
    first = client.get(url, headers=member.auth)
    assert first.status_code == 200 and first.headers["ETag"]
    again = client.get(url, headers={**member.auth, "If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304
