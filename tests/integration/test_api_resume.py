"""The room's API additions for phones: sectors from the catalogue, resume codes on joining, and
resuming as the same participant on another device (wrong codes rate-limited like join codes)."""

from __future__ import annotations

import re

from tests.support.api import API, open_workshop


def joined_body(client, code: str, name: str = "Lee", sector: str = "funder") -> dict:
    response = client.post(f"{API}/join", json={"join_code": code, "name": name, "sector": sector})
    assert response.status_code == 201, response.text
    return response.json()


def test_catalog_sectors_list_keys_and_names(client):
    sectors = client.get(f"{API}/catalog/sectors").json()
    assert {"key": "health-care", "name": "Health care"} in sectors
    assert all(set(s) == {"key", "name"} for s in sectors)


def test_join_accepts_a_sector_name_or_key_in_any_case(client):
    auth, workshop = open_workshop(client)
    given = (("Lee", "HEALTH care"), ("Mo", "Health-Care"), ("Kai", "Community Member"))
    for name, sector in given:
        joined_body(client, workshop["join_code"], name=name, sector=sector)
    people = client.get(f"{API}/workshops/{workshop['id']}", headers=auth).json()["participants"]
    assert [p["sector"] for p in people] == ["health-care", "health-care", "community"]


def test_join_returns_a_typeable_resume_code_of_40_bits(client):
    _, workshop = open_workshop(client)
    code = joined_body(client, workshop["join_code"])["resume_code"]
    # Eight characters of Crockford's base32: 8 x 5 = 40 bits.
    assert re.fullmatch(r"[0-9A-HJKMNP-TV-Z]{8}", code)


def test_resume_gives_the_same_participant_a_new_token(client):
    _, workshop = open_workshop(client)
    first = joined_body(client, workshop["join_code"])
    typed = first["resume_code"].lower()[:4] + "-" + first["resume_code"].lower()[4:]
    response = client.post(
        f"{API}/resume", json={"join_code": workshop["join_code"], "resume_code": typed}
    )
    assert response.status_code == 200, response.text
    again = response.json()
    assert again["participant_id"] == first["participant_id"]
    assert again["workshop_id"] == workshop["id"]
    mine = client.get(
        f"{API}/workshops/{workshop['id']}/my",
        headers={"Authorization": f"Bearer {again['token']}"},
    )
    assert mine.status_code == 200


def test_resume_with_a_wrong_pair_is_404_naming_resume_code(client):
    _, workshop = open_workshop(client)
    joined_body(client, workshop["join_code"])
    response = client.post(
        f"{API}/resume", json={"join_code": workshop["join_code"], "resume_code": "ZZZZZZZZ"}
    )
    assert response.status_code == 404
    assert response.json()["errors"][0]["field"] == "resume_code"


def test_resume_wrong_codes_are_rate_limited(client, app):
    _, workshop = open_workshop(client)
    app.state.settings.join_failures_allowed = 3
    try:
        statuses = [
            client.post(
                f"{API}/resume",
                json={"join_code": workshop["join_code"], "resume_code": f"WRONG{i:03d}"},
            ).status_code
            for i in range(4)
        ]
    finally:
        app.state.settings.join_failures_allowed = 20
    assert statuses == [404, 404, 404, 429]
