"""An anonymous workshop ties no raw input to anyone: pseudonyms in an order that is not the
order of arrival, no member's own time, sectors beside a member only where at least three
share them, everyone counting the same, and a timeline that names nobody."""

from __future__ import annotations

import csv
import io

from bs4 import BeautifulSoup

from app.domain.anonymity import coarsened_sectors
from tests.support.api import API, Member, give_weights, join, open_workshop, rate_everything

SECTORS = ["nonprofit"] * 3 + ["funder"] * 3 + ["government"]  # one lone government member


def _room(client, count: int = len(SECTORS)) -> tuple[dict, dict, list[Member]]:
    auth, workshop = open_workshop(client, anonymous=True)
    members = []
    for i in range(count):
        name = f"Real Name {i}"
        member = join(client, workshop["join_code"], name, SECTORS[i % len(SECTORS)])
        give_weights(client, member, workshop["id"], {workshop["criteria"][0]["key"]: i + 1})
        rate_everything(client, member, workshop, 1 + i % 5)
        members.append(member)
    return auth, workshop, members


def test_coarsened_sectors_pool_small_sectors_until_the_pool_holds_three():
    assert coarsened_sectors(SECTORS) == ["nonprofit"] * 3 + ["other"] * 4
    assert coarsened_sectors(["nonprofit"] * 4 + ["government"]) == ["other"] * 5
    assert coarsened_sectors(["funder"] * 3) == ["funder"] * 3


def test_anonymous_api_shows_pseudonyms_not_in_arrival_order(client):
    auth, workshop, members = _room(client, 9)
    shown = client.get(f"{API}/workshops/{workshop['id']}", headers=auth).json()["participants"]
    assert [p["name"] for p in shown] == [f"Participant {i}" for i in range(1, 10)]
    assert [p["id"] for p in shown] == list(range(1, 10))  # places, not database ids
    # Each member gave weight i + 1 in arrival order; the shown order is a shuffle of it
    # (the chance that 9 come back in arrival order is 1 in 362,880).
    record = client.get(f"{API}/workshops/{workshop['id']}/export.json", headers=auth).json()
    given = [p["points"][workshop["criteria"][0]["key"]] for p in record["participants"]]
    assert sorted(given) == [float(i) for i in range(1, 10)]
    assert given != sorted(given)


def test_anonymous_exports_hold_no_lone_sector_and_no_member_time(client):
    auth, workshop, _ = _room(client)
    wid = workshop["id"]
    record = client.get(f"{API}/workshops/{wid}/export.json", headers=auth).json()
    assert {p["sector"] for p in record["participants"]} == {"nonprofit", "other"}
    assert {p["joined_at"] for p in record["participants"]} == {record["workshop"]["created_at"]}
    assert all(not p["name"].startswith("Real") for p in record["participants"])
    rows = list(
        csv.DictReader(
            io.StringIO(client.get(f"{API}/workshops/{wid}/export.csv", headers=auth).text)
        )
    )
    assert {r["\ufeffparticipant"][:1] for r in rows} == {"P"}
    assert {r["sector"] for r in rows} == {"nonprofit", "other"}
    assert "Real Name" not in client.get(f"{API}/workshops/{wid}/export.md", headers=auth).text


def test_anonymous_timeline_names_nobody(client):
    auth, workshop, _ = _room(client, 3)
    record = client.get(f"{API}/workshops/{workshop['id']}/export.json", headers=auth).json()
    personal = [e for e in record["events"] if e["kind"] in ("joined", "weights", "ratings")]
    assert personal and {e["detail"] for e in personal} == {"a participant"}


def test_anonymous_workshop_refuses_participant_weights(client):
    auth, workshop, members = _room(client, 3)
    wid = workshop["id"]
    response = client.put(
        f"{API}/workshops/{wid}/participants/{members[0].id}/weight",
        json={"weight": 0},
        headers=auth,
    )
    assert response.status_code == 409
    response = client.put(
        f"{API}/workshops/{wid}/method", json={"participant_weights": True}, headers=auth
    )
    assert response.status_code == 409
    assert response.json()["errors"][0]["field"] == "participant_weights"


def test_named_workshop_keeps_names_sectors_and_order(client):
    auth, workshop = open_workshop(client)
    for i, sector in enumerate(["government", "funder"]):
        join(client, workshop["join_code"], f"Named {i}", sector)
    shown = client.get(f"{API}/workshops/{workshop['id']}", headers=auth).json()["participants"]
    assert [(p["name"], p["sector"]) for p in shown] == [
        ("Named 0", "government"),
        ("Named 1", "funder"),
    ]


def test_join_page_says_what_each_kind_of_workshop_shows(client):
    soup = BeautifulSoup(client.get("/join").text, "html.parser")
    items = [li.get_text(" ", strip=True) for li in soup.select("#join-privacy li")]
    assert any("named" in t and "your name" in t for t in items)
    assert any("anonymous" in t and "numbered participant" in t for t in items)
