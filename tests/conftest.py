"""Shared fixtures: a fresh database for every test (in-memory SQLite, or a PostgreSQL
database of the worker's own, reset from a template), and one app per test process built
through the factory against it.

The app is built once per process, not per test: FastAPI builds each route's handling on an
app's first request (0.27 s for this app), more than the rest of a typical test. Tests that
need other settings build their own with create_app(Settings(...))."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi import FastAPI
from fastapi.testclient import TestClient
from sqlmodel import Session

from app.main import create_app
from app.settings import Settings
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
def settings(template: Template, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        environment="test",
        data_dir=tmp_path_factory.mktemp("data"),
        database_url=template.url,
        admin_email=FACILITATOR_EMAIL,
        admin_password=FACILITATOR_PASSWORD,
        access_log=False,
    )


@pytest.fixture(scope="session")
def app_and_client(settings: Settings, template: Template) -> Iterator[tuple[FastAPI, TestClient]]:
    application = create_app(settings)
    template.reset(application.state.engine)
    with TestClient(application) as client:  # runs the lifespan: migrations and the admin account
        yield application, client


@pytest.fixture
def app(app_and_client: tuple[FastAPI, TestClient], template: Template) -> FastAPI:
    application, _ = app_and_client
    template.reset(application.state.engine)
    return application


@pytest.fixture
def client(app: FastAPI, app_and_client: tuple[FastAPI, TestClient]) -> TestClient:
    _, test_client = app_and_client
    test_client.cookies.clear()
    test_client.headers.pop("Authorization", None)
    return test_client


@pytest.fixture
def session(app: FastAPI) -> Iterator[Session]:
    with Session(app.state.engine, expire_on_commit=False) as s:
        yield s


@pytest.fixture
def data_dir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """The `backbone` command's data folder, with its SQLite database file, for this test."""
    monkeypatch.setenv("BACKBONE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("BACKBONE_DATABASE_URL", raising=False)
    return tmp_path
