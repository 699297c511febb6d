"""What a real uvicorn run prints: JSON lines with the request id in production, readable lines
in development, one access line per request (uvicorn's own access log is off)."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from app.settings import Settings
from tests.support.servers import start_server, stop


def _run(tmp_path: Path, **env: str) -> list[str]:
    """Start the service with these settings, send two requests, stop it; its output lines."""
    server = start_server(tmp_path, f"sqlite:///{tmp_path / 'logs.db'}", extra_env=env)
    try:
        httpx.get(f"{server.base_url}/readyz", headers={"X-Request-ID": "log-check-1"})
        httpx.get(f"{server.base_url}/no-such-page")
    finally:
        stop(server)
    return [line for line in server.log.read_text().splitlines() if line.strip()]


def test_logs_in_production_are_json_lines_with_the_request_id(tmp_path: Path) -> None:
    lines = _run(tmp_path, BACKBONE_ENVIRONMENT="production", BACKBONE_SECRET_KEY="k" * 40)
    records = [json.loads(line) for line in lines]  # every line, uvicorn's too, is JSON
    access = [r for r in records if r["logger"] == "backbone.access"]
    first = next(r for r in access if r["request_id"] == "log-check-1")
    assert (first["method"], first["path"], first["status"]) == ("GET", "/readyz", 200)
    assert first["client"] == "127.0.0.1" and first["ms"] >= 0 and first["level"] == "info"
    missing = next(r for r in access if r["path"] == "/no-such-page")
    assert missing["status"] == 404 and len(missing["request_id"]) == 16
    assert {r["logger"] for r in records} >= {"uvicorn.error", "backbone.access"}


def test_logs_in_development_are_readable_lines_once_per_request(tmp_path: Path) -> None:
    lines = _run(tmp_path, BACKBONE_ENVIRONMENT="development")
    access = [line for line in lines if "backbone.access" in line]
    [ready] = [line for line in access if "GET /readyz" in line]
    assert "GET /readyz 200" in ready and "request_id=log-check-1 client=127.0.0.1" in ready
    assert len([line for line in access if "GET /no-such-page 404" in line]) == 1
    assert not any(line.lstrip().startswith("{") for line in lines)
    # uvicorn's own access line ("GET /readyz HTTP/1.1" 200 OK) is not printed as well.
    assert not any("HTTP/1.1" in line for line in lines)


def test_logs_format_setting_overrides_the_environment(tmp_path: Path) -> None:
    lines = _run(tmp_path, BACKBONE_ENVIRONMENT="development", BACKBONE_LOG_FORMAT="json")
    assert any(json.loads(line).get("request_id") == "log-check-1" for line in lines)


@pytest.mark.parametrize(
    ("environment", "setting", "expected"),
    [
        ("production", None, "json"),
        ("development", None, "text"),
        ("test", None, "text"),
        ("production", "text", "text"),
        ("development", "json", "json"),
    ],
)
def test_settings_log_format_defaults_by_environment(
    environment: str, setting: str | None, expected: str
) -> None:
    settings = Settings(environment=environment, log_format=setting, secret_key="k" * 40)  # type: ignore[arg-type]
    assert settings.resolved_log_format == expected
