"""SIGKILL in the middle of a load, restart on the same database: every submission that got
a success response is there, and no weight set or rating row is half-written."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import httpx
from sqlalchemy.engine import make_url

from tests.support.api import API
from tests.support.servers import free_port, join, open_workshop, sign_in, start_server, stop

MEMBERS, THREADS = 24, 6


def _submit_until_killed(
    base: str,
    wid: int,
    members: list[dict[str, str]],
    criteria: list[str],
    options: list[str],
    acked: dict[int, dict],
    stop_at: threading.Event,
) -> None:
    """Each member in turn: weights, then one option row per PUT (one value per row)."""
    with httpx.Client(base_url=base, timeout=10) as client:
        step = 0
        while not stop_at.is_set():
            for index, me in members:
                mine = acked.setdefault(index, {"weights": None, "rows": {}})
                value = step % 5 + 1
                mine["pending"] = None
                try:
                    if step % (len(options) + 1) == 0:
                        weights = {c: float(value + i) for i, c in enumerate(criteria)}
                        body, path = {"weights": weights}, "weights"
                    else:
                        option = options[step % (len(options) + 1) - 1]
                        body, path = {"scores": {option: {c: value for c in criteria}}}, "scores"
                    # Sent but not yet answered: after the kill it may or may not be stored.
                    mine["pending"] = body
                    response = client.put(f"{API}/workshops/{wid}/my/{path}", json=body, headers=me)
                except httpx.TransportError:
                    return  # the server is gone: this request was never acknowledged
                assert response.status_code == 200, response.text
                mine["pending"] = None
                if path == "weights":
                    mine["weights"] = weights
                else:
                    mine["rows"][option] = value
            step += 1


def test_sigkill_keeps_every_acknowledged_submission(fresh_url: str, tmp_path: Path) -> None:
    server = start_server(tmp_path, fresh_url, free_port())
    try:
        token = sign_in(server.base_url)
        workshop = open_workshop(server.base_url, token)
        wid = workshop["id"]
        criteria = [c["key"] for c in workshop["criteria"]]
        options = [o["key"] for o in workshop["options"]]
        members = [
            (i, join(server.base_url, workshop["join_code"], f"Member {i}")) for i in range(MEMBERS)
        ]
        acked: dict[int, dict] = {}
        stop_at = threading.Event()
        threads = [
            threading.Thread(
                target=_submit_until_killed,
                args=(server.base_url, wid, members[k::THREADS], criteria, options, acked, stop_at),
            )
            for k in range(THREADS)
        ]
        for t in threads:
            t.start()
        deadline = time.monotonic() + 20
        while time.monotonic() < deadline:
            if sum(len(a["rows"]) for a in list(acked.values())) >= 60:
                break
            time.sleep(0.05)
        server.process.kill()  # SIGKILL: no shutdown, requests in flight
        server.process.wait(timeout=10)
        stop_at.set()
        for t in threads:
            t.join(timeout=30)
        assert sum(len(a["rows"]) for a in acked.values()) >= 60

        if fresh_url.startswith("sqlite"):
            db = make_url(fresh_url).database
            with sqlite3.connect(db) as conn:
                assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"

        server = start_server(tmp_path, fresh_url, free_port())
        assert httpx.get(f"{server.base_url}/readyz").status_code == 200
        for index, me in members:
            mine = httpx.get(f"{server.base_url}{API}/workshops/{wid}/my", headers=me)
            assert mine.status_code == 200, mine.text
            stored = mine.json()
            expected = acked.get(index, {"weights": None, "rows": {}, "pending": None})
            pending = expected["pending"] or {}
            if expected["weights"] is not None:
                assert stored["points"] in (expected["weights"], pending.get("weights"))
            if stored["points"]:
                assert set(stored["points"]) == set(criteria)  # whole sets only
            for option, value in expected["rows"].items():
                in_flight = pending.get("scores", {}).get(option)
                assert stored["scores"][option] in ({c: value for c in criteria}, in_flight)
            for row in stored["scores"].values():
                # A row is written whole with one value, so a part-written one would differ.
                assert set(row) == set(criteria) and len(set(row.values())) == 1, row
    finally:
        stop(server)
