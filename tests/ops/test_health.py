"""/healthz says the process is up; /readyz says the database answers."""

from __future__ import annotations

from pathlib import Path

from fastapi.testclient import TestClient

from app.main import create_app
from app.settings import Settings
from tests.support.servers import free_port


def test_readyz_answers_ok_when_the_database_answers(client: TestClient) -> None:
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"ok": True}


def test_readyz_answers_503_with_the_error_shape_when_the_database_is_down(
    tmp_path: Path,
) -> None:
    # Nothing listens on this port; the app is built without its start-up (no migrations).
    settings = Settings(
        environment="test",
        data_dir=tmp_path,
        database_url=f"postgresql://postgres@127.0.0.1:{free_port()}/none?connect_timeout=2",
        access_log=False,
    )
    client = TestClient(create_app(settings))
    assert client.get("/healthz").status_code == 200
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["ok"] is False and body["status"] == 503 and body["errors"] == []
    assert "database" in body["error"]


def test_requests_carry_a_request_id(client: TestClient) -> None:
    mine = client.get("/readyz", headers={"X-Request-ID": "ops-check-1"})
    assert mine.headers["x-request-id"] == "ops-check-1"
    assert len(client.get("/readyz").headers["x-request-id"]) == 16
