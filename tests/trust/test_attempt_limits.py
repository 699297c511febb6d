"""Wrong join codes and wrong passwords are counted and answered 429 with Retry-After; right
join codes never are; X-Forwarded-For counts only from a configured proxy."""

from __future__ import annotations

import statistics
import time
from collections.abc import Iterator

import pytest
from bs4 import BeautifulSoup
from fastapi import FastAPI
from fastapi.testclient import TestClient

from tests.support.api import API, login, open_workshop
from tests.support.databases import FACILITATOR_EMAIL, FACILITATOR_PASSWORD


@pytest.fixture
def tight(app: FastAPI) -> Iterator[FastAPI]:
    """Small limits for this test only."""
    settings = app.state.settings
    saved = (settings.join_failures_allowed, settings.sign_in_failures_allowed)
    settings.join_failures_allowed, settings.sign_in_failures_allowed = 2, 3
    yield app
    settings.join_failures_allowed, settings.sign_in_failures_allowed = saved
    settings.trusted_proxies = ""


def _wrong_join(client: TestClient, headers: dict[str, str] | None = None) -> int:
    body = {"join_code": "WRONG9", "name": "X"}
    return client.post(f"{API}/join", json=body, headers=headers or {}).status_code


def _sign_in(client: TestClient, password: str, email: str = FACILITATOR_EMAIL) -> int:
    body = {"email": email, "password": password}
    return client.post(f"{API}/auth/login", json=body).status_code


def test_join_right_code_works_after_the_limit(client, tight):
    _, workshop = open_workshop(client)
    assert [_wrong_join(client) for _ in range(3)] == [404, 404, 429]
    body = {"join_code": workshop["join_code"], "name": "Lee"}
    assert client.post(f"{API}/join", json=body).status_code == 201


def test_join_limit_answers_retry_after(client, tight):
    for _ in range(2):
        _wrong_join(client)
    response = client.post(f"{API}/join", json={"join_code": "WRONG9", "name": "X"})
    assert response.status_code == 429
    assert 0 < int(response.headers["Retry-After"]) <= 301
    assert response.json()["status"] == 429


def test_join_forwarded_for_is_ignored_without_a_trusted_proxy(tight):
    peer = TestClient(tight, client=("10.0.0.5", 5000))
    statuses = [_wrong_join(peer, {"X-Forwarded-For": f"192.0.2.{i}"}) for i in range(3)]
    assert statuses == [404, 404, 429]


def test_join_forwarded_for_counts_per_client_behind_a_trusted_proxy(tight):
    tight.state.settings.trusted_proxies = "10.0.0.0/8"
    peer = TestClient(tight, client=("10.0.0.5", 5000))
    statuses = [_wrong_join(peer, {"X-Forwarded-For": f"192.0.2.{i}"}) for i in range(3)]
    assert statuses == [404, 404, 404]


def test_sign_in_is_throttled_per_account_even_for_the_right_password(client, tight):
    assert [_sign_in(client, "wrong password!") for _ in range(3)] == [401, 401, 401]
    response = client.post(
        f"{API}/auth/login", json={"email": FACILITATOR_EMAIL, "password": FACILITATOR_PASSWORD}
    )
    assert response.status_code == 429
    assert int(response.headers["Retry-After"]) > 0


def test_sign_in_is_throttled_per_address_across_accounts(client, tight):
    for i in range(3):
        _sign_in(client, "wrong password!", f"nobody{i}@example.org")
    assert _sign_in(client, "wrong password!", "someone-else@example.org") == 429


def test_sign_in_page_answers_429_with_retry_after(client, tight):
    form = {"email": FACILITATOR_EMAIL, "password": "wrong password!"}
    statuses = [client.post("/login", data=form).status_code for _ in range(4)]
    assert statuses == [401, 401, 401, 429]
    page = client.post("/login", data=form)
    assert "Retry-After" in page.headers
    alerts = BeautifulSoup(page.text, "html.parser").select('[role="alert"]')
    assert any("Too many failed sign-ins" in a.get_text() for a in alerts)


def test_sign_in_unknown_email_costs_the_same_password_check(client):
    def timed(email: str) -> float:
        start = time.perf_counter()
        _sign_in(client, "wrong password!", email)
        return time.perf_counter() - start

    timed(FACILITATOR_EMAIL)  # the decoy hash and the first request's set-up
    known = statistics.median(timed(FACILITATOR_EMAIL) for _ in range(3))
    unknown = statistics.median(timed(f"nobody{i}@example.org") for i in range(3))
    assert unknown > known * 0.5


def test_logout_revokes_the_token(client):
    auth = login(client)
    assert client.post(f"{API}/auth/logout", headers=auth).status_code == 204
    assert client.get(f"{API}/workshops", headers=auth).status_code == 401


def test_logout_without_a_token_is_401(client):
    assert client.post(f"{API}/auth/logout").status_code == 401


@pytest.mark.parametrize("password", ["short", "password1234", "Qwertyuiop!", "aaaaaaaaaaaa"])
def test_password_rule_refuses_short_and_common_passwords(session, password):
    from app.domain.errors import InvalidInput
    from app.services import accounts

    with pytest.raises(InvalidInput):
        accounts.create_facilitator(session, "new@example.org", password, "New")
