"""Fresh databases for tests: migrated once per worker into a template, reset before each test.

SQLite: the template is an in-memory database, copied over the app's in-memory database
(StaticPool) by SQLite's backup API. PostgreSQL: each worker has a database of its own, its
tables truncated and the template's rows put back. Either way a test sees the migrated schema
and the facilitator account and nothing another test wrote, and commits are real, so the
app's own sessions behave as in production. Servers in their own processes take a file or a
database of their own (`create_database`)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable
from pathlib import Path
from typing import Protocol

from sqlalchemy import create_engine, text
from sqlalchemy.engine import Engine, make_url
from sqlalchemy.schema import Table
from sqlmodel import Session, SQLModel

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
    url: str  # the database each worker's app runs on

    def reset(self, engine: Engine) -> None:
        """Make the database behind `engine` the template again: a fresh one for a test."""

    def close(self) -> None: ...


class SqliteTemplate:
    """An in-memory template; the app's in-memory database (one connection, StaticPool) is
    overwritten with a copy of it by SQLite's backup API before each test."""

    url = MEMORY

    def __init__(self) -> None:
        self._engine = make_engine(MEMORY)
        _prepare(self._engine)
        self._source = self._engine.raw_connection().driver_connection

    def reset(self, engine: Engine) -> None:
        with engine.connect() as conn:
            self._source.backup(conn.connection.driver_connection)

    def close(self) -> None:
        self._engine.dispose()


class PostgresTemplate:
    """A database of the worker's own, migrated once; before each test its tables are
    truncated (identities restarted) and the template's rows (the facilitator) put back."""

    def __init__(self, admin: str) -> None:
        self._name = f"bs_test_{_worker()}_{uuid.uuid4().hex[:8]}"
        self._admin_engine = _admin_engine(admin)
        with self._admin_engine.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{self._name}"'))
        self.url = _database_url(admin, self._name)
        engine = make_engine(self.url)
        try:
            _prepare(engine)
            with engine.connect() as conn:
                self._rows = {
                    table: [dict(row._mapping) for row in conn.execute(table.select())]
                    for table in _data_tables()
                }
        finally:
            engine.dispose()

    def reset(self, engine: Engine) -> None:
        tables = _data_tables()
        names = ", ".join(f'"{table.name}"' for table in tables)
        with engine.begin() as conn:
            conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
            for table in tables:
                if self._rows[table]:
                    conn.execute(table.insert(), self._rows[table])
            for table in tables:  # the copied rows' ids are taken: continue after them
                for column in table.primary_key.columns:
                    if self._rows[table] and column.autoincrement is not False:
                        conn.execute(
                            text(
                                f"SELECT setval(pg_get_serial_sequence('\"{table.name}\"', "
                                f"'{column.name}'), (SELECT max(\"{column.name}\") "
                                f'FROM "{table.name}"))'
                            )
                        )

    def close(self) -> None:
        with self._admin_engine.connect() as conn:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{self._name}" WITH (FORCE)'))
        self._admin_engine.dispose()


def _data_tables() -> list[Table]:
    import app.persistence.tables  # noqa: F401  (registers every table on the metadata)

    return list(SQLModel.metadata.sorted_tables)


def make_template() -> Template:
    admin = postgres_admin_url()
    return SqliteTemplate() if admin is None else PostgresTemplate(admin)
