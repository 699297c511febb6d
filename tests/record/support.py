"""A decided workshop made from a plan, and the record's JSON as exported, for the record tests."""

from __future__ import annotations

from typing import Any

from tests.exports.test_plan_section import plan_workshop
from tests.support.api import API, CLEAR_ORDER, give_weights, join, rate_everything


def decided_plan_workshop(client: Any) -> tuple[dict[str, str], int]:
    """A workshop converted from a plan; two people rate; the group takes the top option."""
    auth, wid, _ = plan_workshop(client)
    workshop = client.get(f"{API}/workshops/{wid}", headers=auth).json()
    client.patch(f"{API}/workshops/{wid}", json={"stage": "weighting"}, headers=auth)
    for name, sector in (("Rosa Quint", "government"), ("Omar Vale", "nonprofit")):
        member = join(client, workshop["join_code"], name=name, sector=sector)
        give_weights(client, member, wid, {c["key"]: 1 for c in workshop["criteria"]})
        rate_everything(
            client, member, workshop, {o["key"]: 3 for o in workshop["options"]} | CLEAR_ORDER
        )
    ranking = client.get(f"{API}/workshops/{wid}/results", headers=auth).json()["ranking"]
    decided = client.post(
        f"{API}/workshops/{wid}/decision",
        json={"option": ranking[0]["option"], "rationale": "Trusted by every sector."},
        headers=auth,
    )
    assert decided.status_code == 201, decided.text
    return auth, wid


def export(client: Any, auth: dict[str, str], workshop_id: int, ext: str) -> bytes:
    response = client.get(f"{API}/workshops/{workshop_id}/export.{ext}", headers=auth)
    assert response.status_code == 200, response.text
    return bytes(response.content)
