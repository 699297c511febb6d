"""Factories over the public JSON API, so tests read like what a user does. Each takes an httpx
client: the in-process TestClient, or a client of a live server (tests.support.servers)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from httpx import Client

from tests.support.databases import FACILITATOR_EMAIL, FACILITATOR_PASSWORD

API = "/api/v1"


def login(
    client: Client, email: str = FACILITATOR_EMAIL, password: str = FACILITATOR_PASSWORD
) -> dict[str, str]:
    response = client.post(f"{API}/auth/login", json={"email": email, "password": password})
    assert response.status_code == 200, response.text
    return {"Authorization": f"Bearer {response.json()['token']}"}


def create_workshop(client: Client, auth: dict[str, str], **fields: Any) -> dict[str, Any]:
    body = {"title": "County infant-mortality collaborative", "template": "quick", **fields}
    response = client.post(f"{API}/workshops", json=body, headers=auth)
    assert response.status_code == 201, response.text
    return response.json()


def set_stage(client: Client, auth: dict[str, str], workshop_id: int, stage: str) -> None:
    response = client.patch(f"{API}/workshops/{workshop_id}", json={"stage": stage}, headers=auth)
    assert response.status_code == 200, response.text


@dataclass
class Member:
    id: int
    auth: dict[str, str]


def join(client: Client, code: str, name: str = "Pat", sector: str = "community") -> Member:
    response = client.post(f"{API}/join", json={"join_code": code, "name": name, "sector": sector})
    assert response.status_code == 201, response.text
    body = response.json()
    return Member(body["participant_id"], {"Authorization": f"Bearer {body['token']}"})


def open_workshop(
    client: Client, stage: str = "scoring", **fields: Any
) -> tuple[dict[str, str], dict[str, Any]]:
    auth = login(client)
    workshop = create_workshop(client, auth, **fields)
    set_stage(client, auth, workshop["id"], stage)
    return auth, workshop


def give_weights(
    client: Client, member: Member, workshop_id: int, weights: dict[str, float]
) -> Any:
    return client.put(
        f"{API}/workshops/{workshop_id}/my/weights", json={"weights": weights}, headers=member.auth
    )


def give_scores(
    client: Client, member: Member, workshop_id: int, scores: dict[str, dict[str, int]]
) -> Any:
    return client.put(
        f"{API}/workshops/{workshop_id}/my/scores", json={"scores": scores}, headers=member.auth
    )


def rate_everything(
    client: Client, member: Member, workshop: dict[str, Any], rating: int | dict[str, int]
) -> None:
    """Rate every option on every criterion: one number for all, or one per option."""
    scores = {
        o["key"]: {
            c["key"]: rating if isinstance(rating, int) else rating[o["key"]]
            for c in workshop["criteria"]
        }
        for o in workshop["options"]
    }
    response = give_scores(client, member, workshop["id"], scores)
    assert response.status_code == 200, response.text


# One participant who puts funder first and steering committee last, on credibility alone.
CLEAR_ORDER = {
    "funder": 5,
    "nonprofit": 4,
    "government": 3,
    "multi-org": 2,
    "steering-committee": 1,
}


def workshop_with_clear_ranking(
    client: Client,
) -> tuple[dict[str, str], dict[str, Any], Member]:
    auth, workshop = open_workshop(client)
    member = join(client, workshop["join_code"])
    give_weights(client, member, workshop["id"], {"credibility": 1})
    rate_everything(client, member, workshop, CLEAR_ORDER)
    return auth, workshop, member
