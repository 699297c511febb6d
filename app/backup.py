"""Backup and restore of the database: SQLite's online backup API, pg_dump for PostgreSQL.

SQLite: `backup_sqlite` copies a consistent snapshot while the service keeps running (WAL
readers never block writers) into one self-contained file; `restore_sqlite` checks a file
before it replaces anything and keeps the replaced database beside it.

PostgreSQL: the department's own tools do it best. `backbone backup FILE` runs
`pg_dump --format=custom` and `backbone restore FILE` runs `pg_restore --clean` (or `psql`
for a plain SQL dump) when they are on PATH; otherwise the CLI prints the commands.
"""

from __future__ import annotations

import shutil
import sqlite3
import subprocess
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from alembic.script import ScriptDirectory
from sqlalchemy.engine import URL, make_url

from app.persistence.engine import make_engine
from app.persistence.migrate import alembic_config, upgrade

SQLITE_MAGIC = b"SQLite format 3\x00"
PG_CUSTOM_MAGIC = b"PGDMP"
# A file without these is not a Backbone Select database, whatever else it holds.
REQUIRED_TABLES = ("alembic_version", "facilitator", "workshop", "participant", "rating")


class BackupError(Exception):
    """A backup or restore that cannot go ahead; the message says why and what to do."""


@dataclass(frozen=True)
class BackupReport:
    path: Path
    size: int
    counts: dict[str, int]


def sqlite_path(url: str) -> Path | None:
    """The database file of a SQLite URL, or None for any other backend."""
    parsed = make_url(url)
    if parsed.get_backend_name() != "sqlite" or parsed.database in (None, "", ":memory:"):
        return None
    return Path(parsed.database)


def known_revisions() -> set[str]:
    script = ScriptDirectory.from_config(alembic_config(None))  # type: ignore[arg-type]
    return {rev.revision for rev in script.walk_revisions()}


def _counts(conn: sqlite3.Connection) -> dict[str, int]:
    return {
        table: conn.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0]
        for table in ("workshop", "participant", "weight", "rating")
    }


def check_sqlite_file(path: Path) -> dict[str, int]:
    """Refuse anything but an intact Backbone Select database this code can migrate."""
    if not path.is_file():
        raise BackupError(f"{path} does not exist.")
    with path.open("rb") as handle:
        if handle.read(len(SQLITE_MAGIC)) != SQLITE_MAGIC:
            raise BackupError(f"{path} is not a SQLite database.")
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        verdict = conn.execute("PRAGMA integrity_check").fetchone()[0]
        if verdict != "ok":
            raise BackupError(f"{path} is damaged: {verdict}")
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        missing = [t for t in REQUIRED_TABLES if t not in tables]
        if missing:
            raise BackupError(f"{path} is not a Backbone Select database (no {missing[0]} table).")
        revisions = {r[0] for r in conn.execute("SELECT version_num FROM alembic_version")}
        unknown = revisions - known_revisions()
        if unknown:
            raise BackupError(
                f"{path} comes from a newer version (schema {sorted(unknown)[0]}); "
                "upgrade Backbone Select before restoring it."
            )
        return _counts(conn)
    finally:
        conn.close()


def backup_sqlite(db_path: Path, target: Path) -> BackupReport:
    """A consistent copy of a live database, written atomically and checked."""
    if not db_path.is_file():
        raise BackupError(f"There is no database at {db_path} to back up.")
    if target.resolve() == db_path.resolve():
        raise BackupError("The backup file cannot be the database itself.")
    target.parent.mkdir(parents=True, exist_ok=True)
    partial = target.with_name(target.name + ".partial")
    partial.unlink(missing_ok=True)
    source = sqlite3.connect(f"file:{db_path}?mode=ro", uri=True, timeout=30)
    copy = sqlite3.connect(partial)
    try:
        # One step (pages=-1): a single read transaction, so the copy is one moment in time.
        source.backup(copy)
        # One self-contained file: no -wal beside the backup.
        copy.execute("PRAGMA journal_mode=DELETE")
    finally:
        copy.close()
        source.close()
    try:
        counts = check_sqlite_file(partial)
    except BackupError:
        partial.unlink(missing_ok=True)
        raise
    partial.replace(target)
    return BackupReport(target, target.stat().st_size, counts)


def restore_sqlite(source: Path, db_path: Path) -> tuple[BackupReport, Path | None]:
    """Replace the database with a checked backup; the old one is kept beside it."""
    counts = check_sqlite_file(source)
    kept: Path | None = None
    if db_path.is_file():
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        target = db_path.with_name(f"{db_path.name}.before-restore-{stamp}")
        kept = backup_sqlite(db_path, target).path
    db_path.parent.mkdir(parents=True, exist_ok=True)
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    dst = sqlite3.connect(db_path, timeout=30)
    try:
        # The backup API writes through SQLite's locks and journal, so a crash midway leaves
        # the old database, never a mix of the two.
        src.backup(dst)
        dst.execute("PRAGMA journal_mode=WAL")
    finally:
        dst.close()
        src.close()
    engine = make_engine(f"sqlite:///{db_path}")
    try:
        upgrade(engine)  # a backup from an older version comes up to this one's schema
    finally:
        engine.dispose()
    return BackupReport(db_path, db_path.stat().st_size, counts), kept


# PostgreSQL: pg_dump and pg_restore / psql


def libpq_url(url: str, hide_password: bool = False) -> str:
    """The URL as libpq tools take it (no SQLAlchemy driver suffix)."""
    parsed: URL = make_url(url).set(drivername="postgresql")
    return parsed.render_as_string(hide_password=hide_password)


def pg_backup_command(url: str, target: Path, hide_password: bool = False) -> list[str]:
    return [
        "pg_dump",
        "--format=custom",
        "--no-owner",
        "--no-privileges",
        f"--file={target}",
        f"--dbname={libpq_url(url, hide_password)}",
    ]


def pg_restore_command(url: str, source: Path, hide_password: bool = False) -> list[str]:
    """pg_restore for a custom-format dump, psql for a plain SQL one."""
    with source.open("rb") as handle:
        custom = handle.read(len(PG_CUSTOM_MAGIC)) == PG_CUSTOM_MAGIC
    if custom:
        return [
            "pg_restore",
            "--clean",
            "--if-exists",
            "--no-owner",
            "--no-privileges",
            "--single-transaction",
            "--exit-on-error",
            f"--dbname={libpq_url(url, hide_password)}",
            str(source),
        ]
    return [
        "psql",
        "--quiet",
        "--single-transaction",
        "--set=ON_ERROR_STOP=1",
        f"--file={source}",
        f"--dbname={libpq_url(url, hide_password)}",
    ]


def run_tool(command: list[str]) -> bool:
    """Run a PostgreSQL client tool when installed; False when it is not on PATH."""
    if shutil.which(command[0]) is None:
        return False
    done = subprocess.run(command, capture_output=True, text=True)
    if done.returncode != 0:
        raise BackupError(f"{command[0]} failed: {done.stderr.strip() or done.returncode}")
    return True
