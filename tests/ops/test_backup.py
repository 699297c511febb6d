"""`backbone backup` and `backbone restore`: SQLite's online backup, pg_dump for PostgreSQL."""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from app.backup import BackupError, backup_sqlite, libpq_url
from app.cli import main
from tests.support.databases import create_database, postgres_admin_url


def _count(url: str, table: str) -> int:
    engine = create_engine(url)
    try:
        with engine.connect() as conn:
            return int(conn.execute(text(f"SELECT count(*) FROM {table}")).scalar_one())
    finally:
        engine.dispose()


@pytest.fixture
def sqlite_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    data = tmp_path / "data"
    monkeypatch.setenv("BACKBONE_DATA_DIR", str(data))
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.delenv("BACKBONE_DATABASE_URL", raising=False)
    assert main(["demo"]) == 0
    return data / "backbone.db"


def test_backup_restore_sqlite_round_trip(sqlite_home: Path, tmp_path: Path) -> None:
    url = f"sqlite:///{sqlite_home}"
    ratings = _count(url, "rating")
    assert ratings > 0
    target = tmp_path / "saved.db"
    assert main(["backup", str(target)]) == 0
    with sqlite3.connect(sqlite_home) as conn:
        conn.execute("DELETE FROM rating")
    assert _count(url, "rating") == 0

    assert main(["restore", str(target)]) == 0
    assert _count(url, "rating") == ratings
    kept = list(sqlite_home.parent.glob("backbone.db.before-restore-*"))
    assert len(kept) == 1 and _count(f"sqlite:///{kept[0]}", "rating") == 0


def test_backup_sqlite_is_consistent_while_a_writer_is_busy(
    sqlite_home: Path, tmp_path: Path
) -> None:
    url = f"sqlite:///{sqlite_home}"
    before = _count(url, "workshop_event")
    writer = sqlite3.connect(sqlite_home, isolation_level=None)
    writer.execute("BEGIN IMMEDIATE")
    writer.execute(
        "INSERT INTO workshop_event (workshop_id, kind, detail, at)"
        " SELECT id, 'note', 'uncommitted', '2026-01-01' FROM workshop"
    )
    try:
        report = backup_sqlite(sqlite_home, tmp_path / "online.db")  # does not wait for it
    finally:
        writer.execute("ROLLBACK")
        writer.close()
    assert _count(f"sqlite:///{report.path}", "workshop_event") == before
    assert not Path(f"{report.path}-wal").exists()


def test_restore_refuses_a_file_that_is_not_a_backup(
    sqlite_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    url = f"sqlite:///{sqlite_home}"
    ratings = _count(url, "rating")
    junk = tmp_path / "notes.db"
    junk.write_text("not a database")
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()

    assert main(["restore", str(junk)]) == 2
    assert "not a SQLite database" in capsys.readouterr().err
    assert main(["restore", str(other)]) == 2
    assert "not a Backbone Select database" in capsys.readouterr().err
    assert _count(url, "rating") == ratings


def test_backup_refuses_to_overwrite_the_database(sqlite_home: Path) -> None:
    with pytest.raises(BackupError):
        backup_sqlite(sqlite_home, sqlite_home)


@pytest.mark.postgres
def test_backup_restore_postgres_round_trip_with_pg_dump(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    if postgres_admin_url() is None:
        pytest.skip("PostgreSQL runs only with TEST_DATABASE_URL set")
    if not (shutil.which("pg_dump") and shutil.which("pg_restore") and shutil.which("psql")):
        pytest.skip("pg_dump, pg_restore and psql are not on PATH")
    source, drop_source = create_database(tmp_path, "bsrc")
    custom, drop_custom = create_database(tmp_path, "bcustom")
    plain, drop_plain = create_database(tmp_path, "bplain")
    try:
        monkeypatch.setenv("BACKBONE_DATA_DIR", str(tmp_path / "data"))
        monkeypatch.setenv("DATABASE_URL", source)
        assert main(["demo"]) == 0
        ratings = _count(source, "rating")
        assert ratings > 0

        dump = tmp_path / "backbone.dump"
        assert main(["backup", str(dump)]) == 0
        assert dump.read_bytes()[:5] == b"PGDMP"
        monkeypatch.setenv("DATABASE_URL", custom)
        assert main(["restore", str(dump)]) == 0  # pg_restore
        assert _count(custom, "rating") == ratings

        # A plain SQL dump restores through psql.
        sql = tmp_path / "backbone.sql"
        done = subprocess.run(
            ["pg_dump", "--no-owner", f"--file={sql}", f"--dbname={libpq_url(source)}"],
            capture_output=True,
        )
        assert done.returncode == 0, done.stderr
        monkeypatch.setenv("DATABASE_URL", plain)
        assert main(["restore", str(sql)]) == 0
        assert _count(plain, "rating") == ratings
        assert _count(plain, "facilitator") == _count(source, "facilitator")
    finally:
        drop_source()
        drop_custom()
        drop_plain()
