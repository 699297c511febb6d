"""Fixtures for operations tests: a fresh database per test on SQLite and, when the run names
one (TEST_DATABASE_URL), on PostgreSQL; real uvicorn processes on it."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.databases import create_database, postgres_admin_url


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
