"""Shared fixtures: one real database per test session (SQLite file or PostgreSQL), emptied
between tests, and an app built through the factory against it."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from fastapi.testclient import TestClient
from sqlalchemy import create_engine, text
from sqlalchemy.engine import make_url
from sqlmodel import Session, SQLModel

from app.main import create_app
from app.settings import Settings

FACILITATOR_EMAIL = "facilitator@example.org"
FACILITATOR_PASSWORD = "correct horse battery"


def postgres_admin_url() -> str | None:
    """The PostgreSQL server to test against, when the run asks for one."""
    url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    return url if url and url.startswith("postgres") else None


def _psycopg(url: str) -> str:
    return (
        url.replace("postgresql://", "postgresql+psycopg://", 1) if "+psycopg" not in url else url
    )


def create_database(tmp: Path, label: str) -> tuple[str, callable]:  # type: ignore[valid-type]
    """A new empty database and a function that drops it."""
    admin = postgres_admin_url()
    if admin is None:
        path = tmp / f"{label}.db"
        return f"sqlite:///{path}", lambda: None
    name = f"bs_test_{label}_{uuid.uuid4().hex[:8]}"
    admin_engine = create_engine(_psycopg(admin), isolation_level="AUTOCOMMIT")
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()

    return str(
        make_url(_psycopg(admin)).set(database=name).render_as_string(hide_password=False)
    ), drop


@pytest.fixture(scope="session")
def database_url(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    url, drop = create_database(tmp_path_factory.mktemp("db"), "suite")
    yield url
    drop()


@pytest.fixture(scope="session")
def settings(database_url: str, tmp_path_factory: pytest.TempPathFactory) -> Settings:
    return Settings(
        environment="test",
        data_dir=tmp_path_factory.mktemp("data"),
        database_url=database_url,
        admin_email=FACILITATOR_EMAIL,
        admin_password=FACILITATOR_PASSWORD,
        access_log=False,
    )


@pytest.fixture(scope="session")
def app_and_client(settings: Settings) -> Iterator[tuple]:
    app = create_app(settings)
    with TestClient(app) as client:  # runs the lifespan: migrations and the admin account
        yield app, client


@pytest.fixture
def app(app_and_client: tuple, settings: Settings) -> Iterator:
    application, _ = app_and_client
    yield application
    _empty_tables(application.state.engine, keep_admin=True)


@pytest.fixture
def client(app, app_and_client: tuple) -> TestClient:  # type: ignore[no-untyped-def]
    _, test_client = app_and_client
    test_client.cookies.clear()
    test_client.headers.pop("Authorization", None)
    return test_client


@pytest.fixture
def session(app) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    with Session(app.state.engine, expire_on_commit=False) as s:
        yield s


def _empty_tables(engine, keep_admin: bool) -> None:  # type: ignore[no-untyped-def]
    with engine.begin() as conn:
        for table in reversed(SQLModel.metadata.sorted_tables):
            if keep_admin and table.name == "facilitator":
                conn.execute(table.delete().where(table.c.email != FACILITATOR_EMAIL))
            else:
                conn.execute(table.delete())
