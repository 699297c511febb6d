"""Real processes: wrong join codes sent in parallel to two app processes on one database are
counted exactly (the limit holds across processes), and SIGTERM stops a server cleanly."""

from __future__ import annotations

import signal
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

from tests.support.api import API
from tests.support.servers import free_port, join, open_workshop, sign_in, start_server, stop

WRONG = 30
ALLOWED = 20  # the default BACKBONE_JOIN_FAILURES_ALLOWED


def _wrong_join(base: str) -> int:
    body = {"join_code": "WRONG9", "name": "Guess"}
    return httpx.post(f"{base}{API}/join", json=body, timeout=60).status_code


def test_parallel_wrong_codes_on_two_processes_pass_exactly_the_limit(
    fresh_url: str, tmp_path: Path
) -> None:
    servers = [start_server(tmp_path, fresh_url, free_port()) for _ in range(2)]
    try:
        bases = [s.base_url for s in servers] * (WRONG // 2)
        with ThreadPoolExecutor(max_workers=WRONG) as pool:
            statuses = list(pool.map(_wrong_join, bases))
        assert statuses.count(404) == ALLOWED
        assert statuses.count(429) == WRONG - ALLOWED
        workshop = open_workshop(servers[0].base_url, sign_in(servers[0].base_url))
        assert join(servers[1].base_url, workshop["join_code"], "Right code")  # never refused
    finally:
        for server in servers:
            stop(server)


def test_sigterm_stops_the_server_cleanly(tmp_path: Path) -> None:
    server = start_server(tmp_path, f"sqlite:///{tmp_path / 'term.db'}", free_port())
    try:
        assert httpx.get(f"{server.base_url}/healthz").status_code == 200
        server.process.send_signal(signal.SIGTERM)
        # uvicorn finishes its shutdown, then re-raises the signal so the exit says SIGTERM.
        assert server.process.wait(timeout=20) in (0, -signal.SIGTERM)
        log = server.log.read_text()
        assert "Application shutdown complete" in log
        assert "Traceback" not in log
    finally:
        stop(server)
