"""The schema the Alembic migrations build is the one the table classes describe."""

from __future__ import annotations

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlmodel import SQLModel

import app.persistence.tables  # noqa: F401  (registers every table on the metadata)
from app.persistence.engine import make_engine
from app.persistence.migrate import upgrade


def test_migrations_schema_matches_models(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    try:
        upgrade(engine)
        with engine.connect() as conn:
            context = MigrationContext.configure(
                conn, opts={"compare_type": True, "compare_server_default": False}
            )
            differences = compare_metadata(context, SQLModel.metadata)
    finally:
        engine.dispose()
    assert differences == []


def test_migrations_run_twice_without_change(fresh_url: str) -> None:
    engine = make_engine(fresh_url)
    try:
        upgrade(engine)
        upgrade(engine)  # a second process starting later finds nothing to do
        with engine.connect() as conn:
            heads = MigrationContext.configure(conn).get_current_heads()
    finally:
        engine.dispose()
    assert len(heads) >= 1
