"""Builds the database engine: SQLite with the pragmas we rely on, or PostgreSQL."""

from __future__ import annotations

import sqlite3
import threading
from pathlib import Path
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine, make_url
from sqlalchemy.pool import StaticPool
from sqlmodel import create_engine


def make_engine(url: str) -> Engine:
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        # As many kept connections as the thread pool has threads (40): under a room's load
        # the default 5 made every other request open a connection and run the pragmas.
        options: dict[str, Any] = {"pool_size": 40, "max_overflow": 10}
        if parsed.database and parsed.database != ":memory:":
            Path(parsed.database).parent.mkdir(parents=True, exist_ok=True)
        else:
            # An in-memory database lives and dies with its one connection: every session
            # shares it, one at a time (the tests' fresh database). A session handing it back
            # must not roll back what the next one has begun, so the pool does not reset it.
            options = {"poolclass": StaticPool, "pool_reset_on_return": None}
        engine = create_engine(
            url, connect_args={"check_same_thread": False, "timeout": 30}, **options
        )
        event.listen(engine, "connect", _sqlite_pragmas)
        queue = _WriterQueue()
        event.listen(engine, "begin", queue.begin)
        event.listen(engine, "commit", queue.commit)
        event.listen(engine, "rollback", queue.rollback)
        event.listen(engine.pool, "checkin", queue.checkin)
        return engine
    return create_engine(url, pool_pre_ping=True, pool_size=10, max_overflow=10)


def _sqlite_pragmas(dbapi_connection: Any, _record: Any) -> None:
    # Let SQLAlchemy's begin event issue BEGIN itself rather than pysqlite's implicit one.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    # WAL + NORMAL: a commit survives a process crash (SIGKILL); only an OS crash or power
    # loss may roll back the last transactions, never corrupt the file.
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA busy_timeout=30000")
    cursor.close()


BUSY_SECONDS = 30
_HOLDS = "backbone_holds_writer"
# Execution option of a transaction that only reads (repository.read_only sets it).
READ_ONLY = "backbone_read_only"


class _WriterQueue:
    """Transactions of one process queue on a lock, then take SQLite's with BEGIN IMMEDIATE.

    BEGIN IMMEDIATE takes the write lock at BEGIN so two writers queue instead of failing to
    upgrade a lock. But SQLite's busy handler waits by polling with growing sleeps (up to
    100 ms): under load, threads sleep while the lock is free and a score submission waited
    seconds (bench/load.py). A Python lock hands over at once, in order; other processes on
    the same file still wait through busy_timeout. The transaction is committed (or rolled
    back) here, before the lock is handed on; SQLAlchemy's own call then finds none open.
    """

    def __init__(self) -> None:
        # A plain Lock, not an RLock: a session may end its transaction on another thread.
        self._lock = threading.Lock()

    def begin(self, conn: Connection) -> None:
        if conn.get_execution_options().get(READ_ONLY):
            # WAL readers see the last commit and never block or wait for a writer.
            conn.exec_driver_sql("BEGIN")
            return
        if not self._lock.acquire(timeout=BUSY_SECONDS):
            raise sqlite3.OperationalError("database is locked")
        try:
            conn.exec_driver_sql("BEGIN IMMEDIATE")
        except BaseException:
            self._lock.release()
            raise
        conn.info[_HOLDS] = True

    def _finish(self, conn: Connection, commit: bool) -> None:
        if not conn.info.pop(_HOLDS, False):
            return
        try:
            driver = conn.connection.driver_connection
            if driver is not None and driver.in_transaction:
                driver.commit() if commit else driver.rollback()
        finally:
            self._lock.release()

    def commit(self, conn: Connection) -> None:
        self._finish(conn, commit=True)

    def rollback(self, conn: Connection) -> None:
        self._finish(conn, commit=False)

    def checkin(self, _dbapi_connection: Any, record: Any) -> None:
        # A connection returned without commit or rollback events (the pool reset it).
        if record.info.pop(_HOLDS, False):
            self._lock.release()
