"""A facilitator's own criterion with guiding questions and anchors, and the workshop's rating
order (one option or one criterion at a time) through the API."""

from __future__ import annotations

from tests.support.api import API, create_workshop, login


def test_custom_criterion_keeps_its_questions_and_anchors(client):
    auth = login(client)
    w = create_workshop(client, auth)
    body = {
        "name": "Reach into rural counties",
        "direction": "benefit",
        "guiding_questions": ["Who already works there?", "  "],
        "scale": {"1": "No presence", "3": "Some partners", "5": "Offices in every county"},
    }
    response = client.post(f"{API}/workshops/{w['id']}/criteria", json=body, headers=auth)
    assert response.status_code == 201, response.text
    made = response.json()
    assert made["guiding_questions"] == ["Who already works there?"]
    assert made["scale"]["5"] == "Offices in every county"


def test_custom_criterion_anchor_for_another_rating_is_422(client):
    auth = login(client)
    w = create_workshop(client, auth)
    body = {"name": "Reach", "direction": "benefit", "scale": {"2": "Some"}}
    response = client.post(f"{API}/workshops/{w['id']}/criteria", json=body, headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "scale.2"


def test_rating_order_is_set_and_read_back(client):
    auth = login(client)
    w = create_workshop(client, auth)
    assert w["rating_order"] == "option"
    response = client.patch(
        f"{API}/workshops/{w['id']}", json={"rating_order": "criterion"}, headers=auth
    )
    assert response.status_code == 200
    assert response.json()["rating_order"] == "criterion"


def test_unknown_rating_order_is_422(client):
    auth = login(client)
    w = create_workshop(client, auth)
    response = client.patch(f"{API}/workshops/{w['id']}", json={"rating_order": "x"}, headers=auth)
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "rating_order"
