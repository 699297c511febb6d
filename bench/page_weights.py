"""What a participant's phone downloads, stage by stage (run by hand, prints figures).

    .venv/bin/python bench/page_weights.py

The collective-impact workshop (13 criteria, 6 catalogue options and one of the group's own)
on a live server of its own: the join page, the brief and the participant's page in each
stage, raw and gzip-compressed (level 6, what a compressing server or proxy sends), and the
stylesheet and scripts every page loads. Target: each page with its assets under 60 KB
compressed (tests/web/test_page_weight.py holds it), the page's HTML under 40 KB raw.
"""

from __future__ import annotations

import gzip
import sys
import tempfile
from pathlib import Path

import httpx

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from tests.support import api  # noqa: E402
from tests.support.databases import create_database  # noqa: E402
from tests.support.servers import start_server, stop  # noqa: E402

ASSETS = ("/static/src/app.css", "/static/src/app.js", "/static/dist/htmx.min.js")


def main() -> None:
    tmp = Path(tempfile.mkdtemp())
    url, drop = create_database(tmp, "weights")
    server = start_server(tmp, url)
    rows: list[tuple[str, bytes]] = []
    try:
        lead = httpx.Client(base_url=server.base_url)
        auth = api.login(lead)
        w = api.create_workshop(lead, auth, template="collective-impact", goal="Halve deaths")
        path = f"{api.API}/workshops/{w['id']}/options"
        lead.post(path, json={"name": "Community foundation"}, headers=auth)
        phone = httpx.Client(base_url=server.base_url, follow_redirects=True)
        rows.append(("join page", phone.get(f"/join?code={w['join_code']}").content))
        data = {"join_code": w["join_code"], "name": "Ana", "sector": "community"}
        phone.post("/join", data=data)
        rows.append(("brief", phone.get(f"/w/{w['id']}/brief").content))
        for stage in ("setup", "weighting", "scoring", "results"):
            if stage != "setup":
                api.set_stage(lead, auth, w["id"], stage)
            rows.append((f"participant: {stage}", phone.get(f"/w/{w['id']}").content))
        assets = sum(len(gzip.compress(phone.get(a).content, 6)) for a in ASSETS)
        rows += [(a, phone.get(a).content) for a in ASSETS]
    finally:
        stop(server)
        drop()
    print(f"{'page':28s} {'raw':>8s} {'gzip':>8s}")
    for name, body in rows:
        print(f"{name:28s} {len(body):8d} {len(gzip.compress(body, 6)):8d}")
    print(f"{'assets together (gzip)':28s} {'':8s} {assets:8d}")


if __name__ == "__main__":
    main()
