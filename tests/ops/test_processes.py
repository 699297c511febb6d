"""Two uvicorn processes on one database: input through either, the same results and live
updates from both (nothing shared lives in one process's memory)."""

from __future__ import annotations

from pathlib import Path

import httpx

from tests.support.api import API
from tests.support.servers import free_port, join, open_workshop, sign_in, start_server, stop


def _results(base: str, token: str, workshop_id: int) -> dict:
    response = httpx.get(
        f"{base}{API}/workshops/{workshop_id}/results",
        headers={"Authorization": f"Bearer {token}"},
    )
    assert response.status_code == 200, response.text
    return response.json()


def _live(base: str, token: str, workshop_id: int, etag: str | None = None) -> httpx.Response:
    headers = {"If-None-Match": etag} if etag else {}
    return httpx.get(
        f"{base}/workshops/{workshop_id}/live",
        headers=headers,
        cookies={"bs_session": token},
    )


def test_two_processes_share_input_results_and_live_updates(fresh_url: str, tmp_path: Path) -> None:
    # One data folder, so both processes read the same generated secret key.
    first = start_server(tmp_path, fresh_url, free_port())
    second = start_server(tmp_path, fresh_url, free_port())
    try:
        a, b = first.base_url, second.base_url
        token = sign_in(a)  # a sign-in made through one process works on the other
        workshop = open_workshop(b, token)
        wid, code = workshop["id"], workshop["join_code"]
        criteria = [c["key"] for c in workshop["criteria"]]
        options = [o["key"] for o in workshop["options"]]

        watched = _live(b, token, wid)
        assert watched.status_code == 200
        etag = watched.headers["etag"]
        assert _live(a, token, wid, etag).status_code == 304

        for n in range(6):
            joined_at, submit_at = (a, b) if n % 2 else (b, a)
            me = join(joined_at, code, f"Member {n}")
            weights = {c: float(n + i + 1) for i, c in enumerate(criteria)}
            put = httpx.put(
                f"{submit_at}{API}/workshops/{wid}/my/weights",
                json={"weights": weights},
                headers=me,
            )
            assert put.status_code == 200, put.text
            scores = {o: {c: (n + j) % 5 + 1 for c in criteria} for j, o in enumerate(options)}
            put = httpx.put(
                f"{joined_at}{API}/workshops/{wid}/my/scores", json={"scores": scores}, headers=me
            )
            assert put.status_code == 200, put.text

        from_a, from_b = _results(a, token, wid), _results(b, token, wid)
        assert from_a == from_b
        assert from_a["participants"] == {"joined": 6, "submitted": 6}

        # The input changed the revision: the old ETag is stale on both processes.
        changed_a, changed_b = _live(a, token, wid, etag), _live(b, token, wid, etag)
        assert changed_a.status_code == changed_b.status_code == 200
        assert changed_a.headers["etag"] == changed_b.headers["etag"] != etag
        assert _live(b, token, wid, changed_a.headers["etag"]).status_code == 304
    finally:
        stop(first)
        stop(second)
