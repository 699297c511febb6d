"""Shared fixtures: a fresh database per test (in-memory SQLite, or PostgreSQL cloned from a
template), and an app built through the factory against it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.templating import Jinja2Templates
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.main import create_app
from app.settings import Settings
from app.web.templating import make_templates
from tests.support.databases import (
    FACILITATOR_EMAIL,
    FACILITATOR_PASSWORD,
    Template,
    make_template,
)


@pytest.fixture(scope="session")
def template() -> Iterator[Template]:
    made = make_template()
    yield made
    made.close()


@pytest.fixture(scope="session")
def app_data_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("data")


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The `backbone` command's data folder, with its SQLite database file, for this test."""
    monkeypatch.setenv("BACKBONE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("BACKBONE_DATABASE_URL", raising=False)
    return tmp_path


@pytest.fixture(scope="session")
def page_templates() -> Jinja2Templates:
    # One Jinja environment for the run: each template is compiled once, not once per test.
    return make_templates()


@pytest.fixture
def database_url(template: Template) -> Iterator[str]:
    url, drop = template.new_database()
    yield url
    drop()


@pytest.fixture
def settings(database_url: str, app_data_dir: Path) -> Settings:
    return Settings(
        environment="test",
        data_dir=app_data_dir,
        database_url=database_url,
        admin_email=FACILITATOR_EMAIL,
        admin_password=FACILITATOR_PASSWORD,
        access_log=False,
    )


@pytest.fixture
def app(settings: Settings, template: Template, page_templates: Jinja2Templates) -> Iterator:
    application: FastAPI = create_app(settings)
    template.fill(application.state.engine)
    application.state.templates = page_templates
    yield application
    application.state.engine.dispose()


@pytest.fixture
def client(app: FastAPI) -> Iterator[TestClient]:
    with TestClient(app) as test_client:  # runs the lifespan: migrations and the admin account
        yield test_client


@pytest.fixture
def session(app: FastAPI) -> Iterator[Session]:
    with Session(app.state.engine, expire_on_commit=False) as s:
        yield s
