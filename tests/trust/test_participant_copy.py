"""A participant's own copy of the rationale holds the group's results, the decision and their
own input; nobody else's weights, ratings, comments or name, and no one's timeline entries."""

from __future__ import annotations

from tests.exports.test_records_api import decided_workshop
from tests.support.api import API


def _copy(client, workshop, member, ext: str):
    response = client.get(f"{API}/workshops/{workshop['id']}/my/export.{ext}", headers=member.auth)
    assert response.status_code == 200, response.text
    return response


def test_participant_copy_holds_only_their_own_input(client):
    _, workshop, members = decided_workshop(client)
    mine = _copy(client, workshop, members[1], "json").json()
    assert len(mine["participants"]) == 1
    assert mine["participants"][0]["name"] == "Omar Vale"
    assert mine["participants"][0]["points"]["credibility"] == 3  # their own weight
    assert mine["decision"]["option"] == "funder"
    assert mine["results"]  # the group's results are there


def test_participant_copy_leaves_out_others_comments_and_names(client):
    _, workshop, members = decided_workshop(client)
    for ext in ("md", "html", "csv"):
        text = _copy(client, workshop, members[1], ext).text
        assert "Strong local ties" not in text, ext  # the other member's comment
        assert "Rosa Quint" not in text, ext


def test_participant_copy_keeps_their_own_comment(client):
    _, workshop, members = decided_workshop(client)
    assert "Strong local ties" in _copy(client, workshop, members[0], "md").text


def test_participant_copy_timeline_has_no_one_s_actions(client):
    _, workshop, members = decided_workshop(client)
    events = _copy(client, workshop, members[0], "json").json()["events"]
    assert events and not {e["kind"] for e in events} & {"joined", "weights", "ratings"}


def test_facilitator_copy_still_holds_everyone(client):
    auth, workshop, _ = decided_workshop(client)
    full = client.get(f"{API}/workshops/{workshop['id']}/export.json", headers=auth).json()
    assert len(full["participants"]) == 2


def test_participant_copy_says_what_it_is_and_carries_no_seal(client):
    auth, workshop, members = decided_workshop(client)
    full = client.get(f"{API}/workshops/{workshop['id']}/export.json", headers=auth).json()
    mine = _copy(client, workshop, members[0], "json").json()
    assert mine["kind"] == "backbone-select/participant-copy"
    assert "signature" not in mine and mine["fingerprint"] != full["fingerprint"]
    assert mine["copy_of"]["record_fingerprint"] == full["fingerprint"]
    assert "participant's copy" in _copy(client, workshop, members[0], "md").text


def test_participant_copy_is_refused_as_a_workshop_record(client):
    auth, workshop, members = decided_workshop(client)
    mine = _copy(client, workshop, members[0], "json").json()
    response = client.post(f"{API}/workshops/import", json=mine, headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "kind"


def test_participant_copy_csv_holds_no_one_else_s_input(client):
    _, workshop, members = decided_workshop(client)
    rows = _copy(client, workshop, members[1], "csv").text.splitlines()[1:]
    assert rows and {r.split(",")[0] for r in rows} == {"P02"}  # their own rows only
