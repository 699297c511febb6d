"""API: creating, reading, editing and staging workshops; custom criteria and options."""

from __future__ import annotations

from tests.support.api import API, create_workshop, give_weights, join, login, open_workshop


def test_create_workshop_from_quick_template(client):
    auth = login(client)
    body = create_workshop(client, auth, goal="Fewer infant deaths", convener="County")
    assert body["stage"] == "setup"
    assert [c["key"] for c in body["criteria"]] == [
        "credibility",
        "neutrality",
        "funding",
        "bureaucracy",
    ]
    assert {c["key"]: c["direction"] for c in body["criteria"]}["bureaucracy"] == "cost"
    assert [o["key"] for o in body["options"]] == [
        "funder",
        "nonprofit",
        "government",
        "multi-org",
        "steering-committee",
    ]
    assert len(body["join_code"]) == 6
    assert body["goal"] == "Fewer infant deaths" and body["convener"] == "County"


def test_create_workshop_unknown_template_is_422(client):
    auth = login(client)
    response = client.post(
        f"{API}/workshops", json={"title": "X", "template": "nope"}, headers=auth
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "template"


def test_create_workshop_without_title_is_422_naming_field(client):
    auth = login(client)
    response = client.post(f"{API}/workshops", json={"template": "quick"}, headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "title"


def test_list_workshops_shows_only_mine(client):
    auth = login(client)
    create_workshop(client, auth, title="One")
    create_workshop(client, auth, title="Two")
    titles = [w["title"] for w in client.get(f"{API}/workshops", headers=auth).json()]
    assert sorted(titles) == ["One", "Two"]


def test_read_unknown_workshop_is_404(client):
    auth = login(client)
    response = client.get(f"{API}/workshops/999999", headers=auth)
    assert response.status_code == 404
    assert response.json()["status"] == 404


def test_patch_renames_and_moves_stage(client):
    auth = login(client)
    w = create_workshop(client, auth)
    response = client.patch(
        f"{API}/workshops/{w['id']}", json={"title": "Renamed", "stage": "weighting"}, headers=auth
    )
    assert response.status_code == 200
    assert response.json()["title"] == "Renamed" and response.json()["stage"] == "weighting"


def test_patch_unknown_stage_is_422(client):
    auth = login(client)
    w = create_workshop(client, auth)
    response = client.patch(f"{API}/workshops/{w['id']}", json={"stage": "voting"}, headers=auth)
    assert response.status_code == 422


def test_patch_to_decided_is_409(client):
    auth = login(client)
    w = create_workshop(client, auth)
    response = client.patch(f"{API}/workshops/{w['id']}", json={"stage": "decided"}, headers=auth)
    assert response.status_code == 409


def test_add_custom_criterion_and_option(client):
    auth = login(client)
    w = create_workshop(client, auth)
    crit = client.post(
        f"{API}/workshops/{w['id']}/criteria",
        json={"name": "Trust of tribal partners", "direction": "benefit"},
        headers=auth,
    )
    opt = client.post(
        f"{API}/workshops/{w['id']}/options",
        json={"name": "United Way of the Valley", "description": "A named candidate"},
        headers=auth,
    )
    assert crit.status_code == 201 and crit.json()["key"] == "trust-of-tribal-partners"
    assert opt.status_code == 201 and opt.json()["key"] == "united-way-of-the-valley"
    again = client.get(f"{API}/workshops/{w['id']}", headers=auth).json()
    assert "trust-of-tribal-partners" in [c["key"] for c in again["criteria"]]
    assert "united-way-of-the-valley" in [o["key"] for o in again["options"]]


def test_add_criterion_bad_direction_is_422(client):
    auth = login(client)
    w = create_workshop(client, auth)
    response = client.post(
        f"{API}/workshops/{w['id']}/criteria", json={"name": "X", "direction": "up"}, headers=auth
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "direction"


def test_remove_option_before_input(client):
    auth = login(client)
    w = create_workshop(client, auth)
    response = client.delete(f"{API}/workshops/{w['id']}/options/funder", headers=auth)
    assert response.status_code == 204
    keys = [
        o["key"] for o in client.get(f"{API}/workshops/{w['id']}", headers=auth).json()["options"]
    ]
    assert "funder" not in keys


def test_remove_unknown_criterion_is_404(client):
    auth = login(client)
    w = create_workshop(client, auth)
    assert (
        client.delete(f"{API}/workshops/{w['id']}/criteria/nope", headers=auth).status_code == 404
    )


def test_items_cannot_change_after_input(client):
    auth, w = open_workshop(client, stage="weighting")
    member = join(client, w["join_code"])
    assert give_weights(client, member, w["id"], {"credibility": 10}).status_code == 200
    removed = client.delete(f"{API}/workshops/{w['id']}/criteria/neutrality", headers=auth)
    added = client.post(f"{API}/workshops/{w['id']}/options", json={"name": "Hybrid"}, headers=auth)
    assert removed.status_code == 409 and added.status_code == 409


def test_workshop_lists_participants_and_submission(client):
    auth, w = open_workshop(client)
    join(client, w["join_code"], "Ana", "government")
    body = client.get(f"{API}/workshops/{w['id']}", headers=auth).json()
    assert body["participants"] == [
        {
            "id": body["participants"][0]["id"],
            "name": "Ana",
            "sector": "government",
            "submitted": False,
        }
    ]
