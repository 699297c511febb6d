"""Helpers for the HTML pages: parse a response, sign in through the form, join as a
participant, and send a request with and without htmx."""

from __future__ import annotations

from typing import Any

import pytest
from bs4 import BeautifulSoup
from fastapi.testclient import TestClient

from tests.support.api import API, open_workshop
from tests.support.databases import FACILITATOR_EMAIL, FACILITATOR_PASSWORD

HTMX = {"HX-Request": "true"}
# A table for tests that send the same request as htmx does and as a plain form would (no
# JavaScript): `@WITH_AND_WITHOUT_HTMX def test_...(client, headers)`.
WITH_AND_WITHOUT_HTMX = pytest.mark.parametrize(
    "headers", [pytest.param(HTMX, id="htmx"), pytest.param({}, id="no-javascript")]
)


def page(response: Any) -> BeautifulSoup:
    return BeautifulSoup(response.text, "html.parser")


def sign_in(client: TestClient) -> None:
    """The facilitator signs in through the form; the session cookie stays on the client."""
    response = client.post(
        "/login",
        data={"email": FACILITATOR_EMAIL, "password": FACILITATOR_PASSWORD},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def join_in_page(
    client: TestClient, code: str, name: str = "Kim", sector: str = "community"
) -> None:
    """A participant joins through the form (and only the participant's cookie is kept)."""
    client.cookies.clear()
    response = client.post(
        "/join",
        data={"join_code": code, "name": name, "sector": sector},
        follow_redirects=False,
    )
    assert response.status_code == 303, response.text


def joined(
    client: TestClient, stage: str = "scoring", **method: Any
) -> tuple[dict[str, str], dict[str, Any]]:
    """A workshop at `stage` (with `method` set first, when given) that Kim has joined."""
    auth, workshop = open_workshop(client, stage=stage)
    if method:
        response = client.put(f"{API}/workshops/{workshop['id']}/method", json=method, headers=auth)
        assert response.status_code == 200, response.text
    join_in_page(client, workshop["join_code"])
    return auth, workshop


def shown(client: TestClient, response: Any, page_url: str) -> BeautifulSoup:
    """What the person sees after a form post: htmx swaps the response in; without JavaScript
    the post redirects back to the page (303), which the browser then loads."""
    if response.status_code == 303:
        location = response.headers["location"]
        assert location.partition("#")[0].partition("?")[0] == page_url, location
        return page(client.get(location))
    return page(response)
