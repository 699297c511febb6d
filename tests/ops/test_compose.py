"""compose.yaml: PostgreSQL and the app with several workers. Its app variables are ones the
service reads, the settings they make are valid, and the service runs with them."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import httpx
import pytest
import yaml
from pydantic import AliasChoices
from sqlalchemy.engine import make_url

from app.settings import Settings
from tests.support.databases import (
    FACILITATOR_EMAIL,
    FACILITATOR_PASSWORD,
    create_database,
    postgres_admin_url,
)
from tests.support.servers import ROOT, sign_in, start_server, stop

COMPOSE = ROOT / "compose.yaml"
# What an operator puts in the environment (or an .env file) before `docker compose up`.
OPERATOR = {
    "POSTGRES_PASSWORD": "a database password",
    "BACKBONE_SECRET_KEY": "s" * 48,
    "BACKBONE_ADMIN_EMAIL": FACILITATOR_EMAIL,
    "BACKBONE_ADMIN_PASSWORD": FACILITATOR_PASSWORD,
}
# ${NAME}, ${NAME:-default}, ${NAME:?message}: compose's interpolation.
VARIABLE = re.compile(r"\$\{(\w+)(?::([-?])([^}]*))?\}")


def compose() -> dict:
    return yaml.safe_load(COMPOSE.read_text())


def interpolate(value: str, env: dict[str, str]) -> str:
    def one(match: re.Match[str]) -> str:
        name, kind, rest = match.groups()
        if env.get(name):
            return env[name]
        if kind == "?":
            raise KeyError(f"{name}: {rest}")
        return rest or ""

    return VARIABLE.sub(one, value)


def app_environment(env: dict[str, str] = OPERATOR) -> dict[str, str]:
    raw = compose()["services"]["app"]["environment"]
    return {name: interpolate(str(value), env) for name, value in raw.items()}


def settings_variables() -> set[str]:
    """Every environment variable Settings reads."""
    prefix = Settings.model_config.get("env_prefix", "")
    names: set[str] = set()
    for field, info in Settings.model_fields.items():
        alias = info.validation_alias
        if isinstance(alias, AliasChoices):
            names |= {choice for choice in alias.choices if isinstance(choice, str)}
        else:
            names.add(str(alias or f"{prefix}{field}").upper())
    return names


def test_compose_app_variables_are_ones_the_service_reads():
    image_start = (ROOT / "Dockerfile").read_text().split("\nCMD ", 1)[1]
    for name in app_environment():
        assert name in settings_variables() or f"${{{name}" in image_start, name


def test_compose_runs_postgres_and_several_workers_with_health_checks():
    services = compose()["services"]
    assert services["db"]["image"].startswith("postgres:")
    assert services["app"]["depends_on"]["db"]["condition"] == "service_healthy"
    assert "pg_isready" in " ".join(services["db"]["healthcheck"]["test"])
    assert "/readyz" in " ".join(services["app"]["healthcheck"]["test"])
    assert int(app_environment()["WORKERS"]) > 1


def test_compose_refuses_to_start_without_its_secrets():
    with pytest.raises(KeyError, match="BACKBONE_SECRET_KEY"):
        app_environment({k: v for k, v in OPERATOR.items() if k != "BACKBONE_SECRET_KEY"})


def test_compose_environment_makes_valid_production_settings(monkeypatch: pytest.MonkeyPatch):
    for name in list(os.environ):
        if name.startswith("BACKBONE_") or name == "DATABASE_URL":
            monkeypatch.delenv(name)
    for name, value in app_environment().items():
        monkeypatch.setenv(name, value)
    settings = Settings()
    assert settings.environment == "production"
    assert settings.resolved_log_format == "json"
    url = make_url(settings.sqlalchemy_url)
    assert (url.drivername, url.host, url.database) == ("postgresql+psycopg", "db", "backbone")
    assert url.password == OPERATOR["POSTGRES_PASSWORD"]


@pytest.mark.postgres
def test_compose_environment_runs_the_service_on_postgres(tmp_path: Path):
    if postgres_admin_url() is None:
        pytest.skip("PostgreSQL runs only with TEST_DATABASE_URL set")
    database, drop = create_database(tmp_path, "compose")
    env = {**app_environment(), "DATABASE_URL": database}  # the test server, not host "db"
    env.pop("WORKERS")  # the image's start command reads it; test_processes runs two processes
    server = start_server(tmp_path, database, extra_env=env)
    try:
        assert httpx.get(f"{server.base_url}/readyz").json() == {"ok": True}
        assert sign_in(server.base_url)  # the facilitator compose asks for was created
    finally:
        stop(server)
        drop()
    lines = server.log.read_text().splitlines()
    assert any(json.loads(line).get("path") == "/readyz" for line in lines if line.strip())


def test_compose_file_is_valid_for_docker_compose():
    docker = shutil.which("docker")
    if (
        docker is None
        or subprocess.run([docker, "compose", "version"], capture_output=True).returncode
    ):
        pytest.skip("docker compose is not installed here")
    result = subprocess.run(
        [docker, "compose", "-f", str(COMPOSE), "config", "--quiet"],
        env={**os.environ, **OPERATOR},
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
