"""What no route should ever see is refused before one runs, in the one error shape: oversize
bodies (413), ids no row can have (404), NUL bytes and absurd nesting (422); every response
carries the security headers; a 405 names what is allowed; errors never echo megabytes."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.api import API, login, open_workshop


def _shape(response) -> dict:
    body = response.json()
    assert set(body) == {"ok", "status", "error", "errors"}
    assert body["status"] == response.status_code
    return body


def test_body_over_the_limit_by_content_length_is_413(client):
    response = client.post(
        f"{API}/join",
        content=b"{" + b" " * 5_100_000 + b"}",
        headers={"content-type": "application/json"},
    )
    assert response.status_code == 413
    _shape(response)


def test_body_over_the_limit_as_it_streams_is_413(client):
    def chunks() -> Iterator[bytes]:
        for _ in range(60):
            yield b" " * 100_000

    response = client.post(
        f"{API}/join", content=chunks(), headers={"content-type": "application/json"}
    )
    assert response.status_code == 413


@pytest.mark.parametrize("workshop_id", [2**31, 2**63, 10**30])
def test_ids_out_of_range_are_404(client, workshop_id):
    auth = login(client)
    response = client.get(f"{API}/workshops/{workshop_id}", headers=auth)
    assert response.status_code == 404
    _shape(response)


def test_ids_out_of_range_on_pages_are_404(client):
    assert client.get(f"/w/{2**31}").status_code == 404


@pytest.mark.parametrize("text", ["a\x00b", "\x00"], ids=["inside", "alone"])
def test_nul_in_a_json_field_is_422(client, text):
    response = client.post(f"{API}/join", json={"join_code": "ABCDEF", "name": text})
    assert response.status_code == 422
    assert _shape(response)["errors"][0]["field"] == "body"


def test_nul_in_a_form_field_is_422(client):
    response = client.post("/login", data={"email": "a\x00@example.org", "password": "x"})
    assert response.status_code == 422


def test_nul_in_a_query_is_422(client):
    assert client.get("/join?code=AB%00CD").status_code == 422


def test_escaped_backslash_before_u0000_is_not_nul(client):
    body = '{"join_code": "ABCDEF", "name": "a\\\\u0000"}'
    response = client.post(
        f"{API}/join", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 404  # a wrong code, not a NUL


@pytest.mark.parametrize("depth", [40, 100_000])
def test_deeply_nested_json_is_422(client, depth):
    body = "[" * depth + "]" * depth
    response = client.post(
        f"{API}/join", content=body, headers={"content-type": "application/json"}
    )
    assert response.status_code == 422
    _shape(response)


def test_huge_integer_literal_is_4xx(client):
    auth, workshop = open_workshop(client)
    body = '{"weights": {"credibility": ' + "9" * 5000 + "}}"
    response = client.post(
        f"{API}/workshops/{workshop['id']}/what-if",
        content=body,
        headers={**auth, "content-type": "application/json"},
    )
    assert 400 <= response.status_code < 500
    _shape(response)


def test_errors_never_echo_long_input(client):
    auth, workshop = open_workshop(client)
    key = "k" * 50_000
    response = client.post(
        f"{API}/workshops/{workshop['id']}/what-if", json={"weights": {key: 1}}, headers=auth
    )
    assert response.status_code == 422
    assert len(response.content) < 3_000


def test_405_carries_allow(client):
    response = client.delete(f"{API}/join")
    assert response.status_code == 405
    assert response.headers["Allow"] == "POST"


@pytest.mark.parametrize("path", ["/", "/login", f"{API}/criteria", "/static/src/app.css"])
def test_responses_carry_security_headers(client, path):
    headers = client.get(path).headers
    policy = headers["Content-Security-Policy"]
    assert (
        "script-src 'self'" in policy
        and "unsafe-inline'" not in policy.split("script-src")[1].split(";")[0]
    )
    assert "frame-ancestors 'none'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert headers["Referrer-Policy"] == "same-origin"
    assert headers["X-Frame-Options"] == "DENY"
    assert "Strict-Transport-Security" not in headers  # only in production


def test_api_docs_keep_their_own_policy(client):
    policy = client.get("/docs").headers["Content-Security-Policy"]
    assert "'unsafe-inline'" in policy  # Swagger UI's start-up script; see app/web/docs.py


def test_production_adds_hsts(tmp_path):
    from fastapi.testclient import TestClient

    from app.main import create_app
    from app.settings import Settings

    app = create_app(Settings(environment="production", secret_key="s" * 40, data_dir=tmp_path))
    headers = TestClient(app).get("/healthz").headers
    assert headers["Strict-Transport-Security"].startswith("max-age=")


def test_pages_have_no_inline_script_or_handlers(client):
    soup = BeautifulSoup(client.get("/join").text, "html.parser")
    assert all(tag.get("src") for tag in soup.select("script"))
    assert not [a for tag in soup.find_all(True) for a in tag.attrs if a.startswith("on")]


def test_templates_have_no_inline_script_or_event_handler():
    """The CSP would block them: scripts live in static/src and are loaded by src."""
    from app.resources import TEMPLATES

    offenders = []
    for template in sorted(Path(TEMPLATES).rglob("*.html")):
        text = template.read_text()
        inline = re.findall(r"<script(?![^>]*\bsrc=)[^>]*>", text)
        handlers = re.findall(r"<[a-z][^>]*\son[a-z]+\s*=", text)
        if inline or handlers:
            offenders.append(template.name)
    assert offenders == []
