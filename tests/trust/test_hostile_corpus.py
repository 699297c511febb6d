"""The hostile corpus (a NUL byte, 1e308, 2^63, deep nesting, a 1 MB string) put into every
field, dictionary key and value of every API body, and 2^31 and 2^63 into every id in a path:
each answer is a 4xx in the one error shape, the same on SQLite and PostgreSQL."""

from __future__ import annotations

import re
from collections import Counter
from typing import Any

import pytest

from tests.support.api import API, create_workshop, join, login, set_stage
from tests.support.openapi import minimal, places, put

DEEP: Any = []
for _ in range(200):
    DEEP = [DEEP]
HOSTILE: dict[str, Any] = {
    "nul": "a\x00b",
    "huge-float": 1e308,
    "2^63": 2**63,
    "deep": DEEP,
    "1mb": "x" * 1_000_000,
}
ERROR_KEYS = {"ok", "status", "error", "errors"}


@pytest.fixture
def world(client) -> dict[str, Any]:
    auth = login(client)
    workshop = create_workshop(client, auth)
    set_stage(client, auth, workshop["id"], "scoring")
    member = join(client, workshop["join_code"])
    plan = client.post(f"{API}/plans", json={"title": "Plan"}, headers=auth).json()
    return {
        "facilitator": auth,
        "participant": member.auth,
        "params": {
            "workshop_id": workshop["id"],
            "plan_id": plan["id"],
            "participant_id": member.id,
            "item_id": 1,  # no follow-up yet: the workshop is not decided
            "key": workshop["criteria"][0]["key"],
            "ext": "json",
        },
    }


def _operations(app) -> list[tuple[str, str, dict[str, Any]]]:
    document = app.openapi()
    return [
        (method.upper(), path, operation)
        for path, item in document["paths"].items()
        for method, operation in item.items()
    ]


def _url(path: str, params: dict[str, Any]) -> str:
    return re.sub(r"\{(\w+)\}", lambda m: str(params[m.group(1)]), path)


def _headers(operation: dict[str, Any], world: dict[str, Any]) -> dict[str, str]:
    security = operation.get("security") or [{}]
    scheme = next(iter(security[0]), None)
    return world[scheme] if scheme else {}


def _check(response: Any, where: str) -> None:
    assert 400 <= response.status_code < 500, (where, response.status_code, response.text[:200])
    body = response.json()
    assert set(body) == ERROR_KEYS and body["status"] == response.status_code, where
    assert len(response.content) < 5_000, where  # nothing echoed back at length


def test_hostile_corpus_in_every_body_field_is_4xx(client, app, world):
    components = app.openapi()["components"]["schemas"]
    counts: Counter[str] = Counter()
    for method, path, operation in _operations(app):
        content = operation.get("requestBody", {}).get("content", {}).get("application/json")
        if content is None:
            continue
        url = _url(path, world["params"])
        base = minimal(content["schema"], components)
        for place in places(content["schema"], components):
            for label, value in HOSTILE.items():
                body = put(base, place, value)
                response = client.request(
                    method, url, json=body, headers=_headers(operation, world)
                )
                _check(response, f"{method} {path} {place} {label}")
                counts["cases"] += 1
            counts["fields"] += 1
        counts["operations"] += 1
    print(
        f"\nhostile corpus: {counts['operations']} operations, {counts['fields']} fields, "
        f"{counts['cases']} cases"
    )
    assert counts["operations"] >= 20


def test_nul_in_every_path_segment_is_404(client, app, world):
    checked = 0
    for method, path, operation in _operations(app):
        for name in re.findall(r"\{(\w+)\}", path):
            url = _url(path, {**world["params"], name: "a%00b"})
            response = client.request(method, url, json={}, headers=_headers(operation, world))
            assert response.status_code == 404, (method, path, name, response.status_code)
            checked += 1
    assert checked >= 35


def test_nul_in_page_paths_is_404(client):
    auth = login(client)
    workshop = create_workshop(client, auth)
    client.cookies.set("bs_session", auth["Authorization"].removeprefix("Bearer "))
    response = client.post(f"/workshops/{workshop['id']}/criteria/a%00b/delete")
    assert response.status_code == 404


@pytest.mark.parametrize("number", [2**31, 2**63], ids=["2^31", "2^63"])
def test_hostile_ids_in_every_path_are_404(client, app, world, number):
    checked = 0
    for method, path, operation in _operations(app):
        ids = re.findall(r"\{(\w+_id)\}", path)
        for name in ids:
            url = _url(path, {**world["params"], name: number})
            response = client.request(method, url, json={}, headers=_headers(operation, world))
            assert response.status_code == 404, (method, path, response.status_code)
            checked += 1
    assert checked >= 30
