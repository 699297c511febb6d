"""Fixtures for operations tests: a fresh database per test on SQLite and, when the run names
one (TEST_DATABASE_URL), on PostgreSQL; real uvicorn processes on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from tests.support.databases import create_database, postgres_admin_url
from tests.e2e.conftest import E2E_EMAIL, E2E_PASSWORD, Server, start_server

API = "/api/v1"


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def fresh_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    """An empty database of each backend (PostgreSQL only when the run asks for it)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'ops.db'}"
        return
    if postgres_admin_url() is None:
        pytest.skip("PostgreSQL runs only with TEST_DATABASE_URL set")
    url, drop = create_database(tmp_path, "ops")
    yield url
    drop()


def stop(server: Server) -> None:
    if server.process.poll() is None:
        server.process.terminate()
        server.process.wait(timeout=15)


def sign_in(base: str) -> str:
    response = httpx.post(
        f"{base}{API}/auth/login", json={"email": E2E_EMAIL, "password": E2E_PASSWORD}
    )
    assert response.status_code == 200, response.text
    return str(response.json()["token"])


def open_workshop(base: str, token: str) -> dict:
    auth = {"Authorization": f"Bearer {token}"}
    created = httpx.post(
        f"{base}{API}/workshops", json={"title": "Ops check", "template": "quick"}, headers=auth
    )
    assert created.status_code == 201, created.text
    workshop = created.json()
    staged = httpx.patch(
        f"{base}{API}/workshops/{workshop['id']}", json={"stage": "scoring"}, headers=auth
    )
    assert staged.status_code == 200, staged.text
    return workshop


def join(base: str, code: str, name: str) -> dict[str, str]:
    response = httpx.post(
        f"{base}{API}/join", json={"join_code": code, "name": name, "sector": "community"}
    )
    assert response.status_code == 201, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


__all__ = ["API", "Server", "join", "open_workshop", "sign_in", "start_server", "stop"]
