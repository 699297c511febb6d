"""API: signing in, joining with a code, and what each token may open."""

from __future__ import annotations

from tests.support.api import (
    API,
    create_workshop,
    join,
    login,
    open_workshop,
    workshop_with_clear_ranking,
)
from tests.support.databases import FACILITATOR_EMAIL


def test_login_returns_token_and_facilitator(client):
    response = client.post(
        f"{API}/auth/login", json={"email": FACILITATOR_EMAIL, "password": "correct horse battery"}
    )
    assert response.status_code == 200
    body = response.json()
    assert len(body["token"]) >= 32
    assert body["facilitator"]["email"] == FACILITATOR_EMAIL


def test_login_wrong_password_is_401_with_error_shape(client):
    response = client.post(
        f"{API}/auth/login", json={"email": FACILITATOR_EMAIL, "password": "nope"}
    )
    assert response.status_code == 401
    assert response.json() == {
        "ok": False,
        "status": 401,
        "error": "Wrong email or password.",
        "errors": [],
    }


def test_facilitator_calls_without_token_are_401(client):
    response = client.get(f"{API}/workshops")
    assert response.status_code == 401
    assert response.json()["ok"] is False


def test_join_returns_participant_token(client):
    _, workshop = open_workshop(client)
    response = client.post(
        f"{API}/join", json={"join_code": workshop["join_code"], "name": "Lee", "sector": "funder"}
    )
    assert response.status_code == 201
    body = response.json()
    assert body["workshop_id"] == workshop["id"]
    assert len(body["token"]) >= 22  # at least 128 random bits, URL-safe


def test_join_accepts_code_in_lower_case_with_spaces(client):
    _, workshop = open_workshop(client)
    code = " ".join(workshop["join_code"].lower())
    response = client.post(f"{API}/join", json={"join_code": code, "name": "Lee"})
    assert response.status_code == 201


def test_join_unknown_code_is_404(client):
    response = client.post(f"{API}/join", json={"join_code": "ZZZZZZ", "name": "Lee"})
    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] == "join_code"


def test_join_decided_workshop_is_404(client):
    auth, workshop, _ = workshop_with_clear_ranking(client)
    client.post(
        f"{API}/workshops/{workshop['id']}/decision",
        json={"option": "funder", "rationale": "Test"},
        headers=auth,
    )
    response = client.post(f"{API}/join", json={"join_code": workshop["join_code"], "name": "Lee"})
    assert response.status_code == 404


def test_join_unknown_sector_is_422(client):
    _, workshop = open_workshop(client)
    response = client.post(
        f"{API}/join", json={"join_code": workshop["join_code"], "name": "Lee", "sector": "wizard"}
    )
    assert response.status_code == 422
    assert response.json()["errors"][0]["field"] == "sector"


def test_join_wrong_codes_are_rate_limited(client, app):
    app.state.settings.join_failures_allowed = 3
    try:
        statuses = [
            client.post(f"{API}/join", json={"join_code": "WRONG1", "name": "X"}).status_code
            for _ in range(4)
        ]
    finally:
        app.state.settings.join_failures_allowed = 20
    assert statuses == [404, 404, 404, 429]


def test_join_successes_are_not_rate_limited(client, app):
    _, workshop = open_workshop(client)
    app.state.settings.join_failures_allowed = 3
    try:
        statuses = {
            client.post(
                f"{API}/join", json={"join_code": workshop["join_code"], "name": f"P{i}"}
            ).status_code
            for i in range(30)
        }
    finally:
        app.state.settings.join_failures_allowed = 20
    assert statuses == {201}


def test_participant_token_cannot_open_another_workshop(client):
    auth = login(client)
    first = create_workshop(client, auth, title="First")
    second = create_workshop(client, auth, title="Second")
    for w in (first, second):
        client.patch(f"{API}/workshops/{w['id']}", json={"stage": "weighting"}, headers=auth)
    member = join(client, first["join_code"])
    response = client.put(
        f"{API}/workshops/{second['id']}/my/weights",
        json={"weights": {"credibility": 1}},
        headers=member.auth,
    )
    assert response.status_code == 404
    assert client.get(f"{API}/workshops/{second['id']}/my", headers=member.auth).status_code == 404


def test_participant_token_does_not_open_facilitator_calls(client):
    _, workshop = open_workshop(client)
    member = join(client, workshop["join_code"])
    response = client.get(f"{API}/workshops/{workshop['id']}/results", headers=member.auth)
    assert response.status_code == 401


def test_facilitator_cannot_see_another_facilitators_workshop(client, session):
    from app.services import accounts

    accounts.create_facilitator(session, "other@example.org", "another long password", "Other")
    _, workshop = open_workshop(client)
    other = login(client, "other@example.org", "another long password")
    assert client.get(f"{API}/workshops/{workshop['id']}", headers=other).status_code == 404


def test_cross_site_unsafe_request_is_refused(client):
    response = client.post(
        f"{API}/auth/login",
        json={"email": FACILITATOR_EMAIL, "password": "correct horse battery"},
        headers={"Origin": "https://evil.example", "Sec-Fetch-Site": "cross-site"},
    )
    assert response.status_code == 403


def test_same_origin_unsafe_request_is_allowed(client):
    response = client.post(
        f"{API}/auth/login",
        json={"email": FACILITATOR_EMAIL, "password": "correct horse battery"},
        headers={"Origin": "http://testserver"},
    )
    assert response.status_code == 200


def test_score_save_with_unknown_or_missing_token_is_401_and_writes_nothing(client):
    auth = login(client)
    workshop = create_workshop(client, auth)
    client.patch(f"{API}/workshops/{workshop['id']}", json={"stage": "scoring"}, headers=auth)
    option, criterion = workshop["options"][0]["key"], workshop["criteria"][0]["key"]
    url = f"{API}/workshops/{workshop['id']}/my/scores"
    body = {"scores": {option: {criterion: 4}}}
    before = client.get(f"{API}/workshops/{workshop['id']}/results", headers=auth).json()

    unknown = client.put(url, json=body, headers={"Authorization": "Bearer not-a-real-token"})
    missing = client.put(url, json=body)

    for response in (unknown, missing):
        assert response.status_code == 401
        assert response.json()["error"].startswith("Join the workshop first")
    after = client.get(f"{API}/workshops/{workshop['id']}/results", headers=auth).json()
    assert after == before


def test_score_save_answers_with_the_callers_own_stored_input(client):
    auth = login(client)
    workshop = create_workshop(client, auth)
    client.patch(f"{API}/workshops/{workshop['id']}", json={"stage": "scoring"}, headers=auth)
    first, second = join(client, workshop["join_code"]), join(client, workshop["join_code"])
    option, criterion = workshop["options"][0]["key"], workshop["criteria"][0]["key"]
    url = f"{API}/workshops/{workshop['id']}/my/scores"
    client.put(url, json={"scores": {option: {criterion: 2}}}, headers=first.auth)

    saved = client.put(url, json={"scores": {option: {criterion: 5}}}, headers=second.auth)

    assert saved.status_code == 200
    assert saved.json()["participant_id"] == second.id
    assert saved.json()["scores"] == {option: {criterion: 5}}
