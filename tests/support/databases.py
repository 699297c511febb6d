"""Fresh databases for tests: migrated once per worker into a template, copied once per test.

SQLite: the template is an in-memory database; each test gets its own in-memory database
(StaticPool) filled from it by SQLite's backup API. PostgreSQL: the template is a database of
the worker's own; each test gets a database cloned from it (CREATE DATABASE ... TEMPLATE),
dropped afterwards. Either way a test sees the migrated schema and the facilitator account,
nothing another test wrote, and commits are real, so the app's own sessions behave as in
production. Servers in their own processes take a file or a database of their own
(`create_database`)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlmodel import Session

from app.persistence.engine import make_engine
from app.persistence.migrate import upgrade
from app.services import accounts

FACILITATOR_EMAIL = "facilitator@example.org"
FACILITATOR_PASSWORD = "correct horse battery"
MEMORY = "sqlite://"


def postgres_admin_url() -> str | None:
    """The PostgreSQL server to test against, when the run asks for one."""
    url = os.environ.get("TEST_DATABASE_URL") or os.environ.get("DATABASE_URL")
    return url if url and url.startswith("postgres") else None


def _psycopg(url: str) -> str:
    return (
        url.replace("postgresql://", "postgresql+psycopg://", 1) if "+psycopg" not in url else url
    )


def _worker() -> str:
    return os.environ.get("PYTEST_XDIST_WORKER", "main")


def _admin_engine(admin: str) -> Engine:
    return create_engine(_psycopg(admin), isolation_level="AUTOCOMMIT")


def _database_url(admin: str, name: str) -> str:
    return make_url(_psycopg(admin)).set(database=name).render_as_string(hide_password=False)


def create_database(tmp: Path, label: str) -> tuple[str, Callable[[], None]]:
    """A new empty database (a file on SQLite) and a function that drops it."""
    admin = postgres_admin_url()
    if admin is None:
        return f"sqlite:///{tmp / f'{label}.db'}", lambda: None
    name = f"bs_test_{label}_{uuid.uuid4().hex[:8]}"
    admin_engine = _admin_engine(admin)
    with admin_engine.connect() as conn:
        conn.execute(text(f'CREATE DATABASE "{name}"'))

    def drop() -> None:
        with admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
        admin_engine.dispose()

    return _database_url(admin, name), drop


def _prepare(engine: Engine) -> None:
    """What every test starts from: the migrated schema and the facilitator account."""
    upgrade(engine)
    with Session(engine) as session:
        accounts.ensure_admin(session, FACILITATOR_EMAIL, FACILITATOR_PASSWORD, "Facilitator")


class Template(Protocol):
    def new_database(self) -> tuple[str, Callable[[], None]]:
        """The URL of a fresh copy of the template and a function that discards it."""

    def fill(self, engine: Engine) -> None:
        """Called once on the app's engine before its first use."""

    def close(self) -> None: ...


class SqliteTemplate:
    def __init__(self) -> None:
        self._engine = make_engine(MEMORY)
        _prepare(self._engine)
        self._source = self._engine.raw_connection().driver_connection

    def new_database(self) -> tuple[str, Callable[[], None]]:
        return MEMORY, lambda: None

    def fill(self, engine: Engine) -> None:
        # The engine's one connection holds the test's database: copy the template into it.
        with engine.connect() as conn:
            self._source.backup(conn.connection.driver_connection)

    def close(self) -> None:
        self._engine.dispose()


class PostgresTemplate:
    def __init__(self, admin: str) -> None:
        self._admin = admin
        self._prefix = f"bs_test_{_worker()}_{uuid.uuid4().hex[:6]}"
        self._name = f"{self._prefix}_template"
        self._admin_engine = _admin_engine(admin)
        with self._admin_engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self._name}"'))
        engine = make_engine(_database_url(admin, self._name))
        try:
            _prepare(engine)
        finally:
            engine.dispose()  # nobody may be connected to a template while it is cloned
        self._count = 0

    def new_database(self) -> tuple[str, Callable[[], None]]:
        self._count += 1
        name = f"{self._prefix}_{self._count}"
        with self._admin_engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}" TEMPLATE "{self._name}"'))

        def drop() -> None:
            with self._admin_engine.connect() as conn:
                conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))

        return _database_url(self._admin, name), drop

    def fill(self, engine: Engine) -> None:
        return None

    def close(self) -> None:
        with self._admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self._name}" WITH (FORCE)'))
        self._admin_engine.dispose()


def make_template() -> Template:
    admin = postgres_admin_url()
    return SqliteTemplate() if admin is None else PostgresTemplate(admin)
