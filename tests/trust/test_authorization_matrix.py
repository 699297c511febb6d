"""Every route the app answers (read from its own route table, so a new route is covered
without anyone listing it) x five callers: nobody, a participant of another workshop, the
participant, another facilitator, the facilitator. Whoever a route is not for is refused
(401, 404 or the sign-in redirect) and never served; nobody ever gets a 500."""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

import pytest
from fastapi.dependencies.models import Dependant
from fastapi.testclient import TestClient
from sqlmodel import Session

from app import security
from app.main import create_app
from app.persistence import repository as repo
from app.settings import Settings
from app.web import deps
from app.web.openapi import route_table
from tests.support.api import API, Member, create_workshop, give_weights, join, set_stage

CALLERS = ("anonymous", "other_participant", "participant", "other_facilitator", "facilitator")
FACILITATOR_DEPS = {deps.api_facilitator, deps.page_facilitator}
PARTICIPANT_DEPS = {deps.api_participant, deps.api_participant_token, deps.page_participant}
OUT_OF_MATRIX = {"/docs", "/redoc", "/healthz", "/readyz"}
OWNED = re.compile(r"\{(workshop_id|plan_id|participant_id)\}")


def _needs(dependant: Dependant, calls: set[Callable[..., Any]]) -> bool:
    return any(sub.call in calls or _needs(sub, calls) for sub in dependant.dependencies)


def _minimal(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """The smallest valid value of a schema: required properties only, first enum values."""
    if "$ref" in schema:
        return _minimal(components[schema["$ref"].rsplit("/", 1)[1]], components)
    if "anyOf" in schema:
        return _minimal(schema["anyOf"][0], components)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: _minimal(props[k], components) for k in schema.get("required", [])}
    return {"string": "Text", "integer": 1, "number": 1, "boolean": False, "array": []}.get(
        str(kind), None
    )


def _routes() -> list[tuple[str, str, str]]:
    app = create_app(Settings(environment="test", database_url="sqlite://"))
    document = app.openapi()
    components = document["components"]["schemas"]
    table = []
    for path, method, route in route_table(app):
        if path in OUT_OF_MATRIX or method == "HEAD":
            continue
        if _needs(route.dependant, FACILITATOR_DEPS):
            kind = "facilitator"
        elif _needs(route.dependant, PARTICIPANT_DEPS):
            kind = "participant"
        else:
            kind = "public"
        operation = document["paths"].get(path, {}).get(method.lower(), {})
        content = operation.get("requestBody", {}).get("content", {}).get("application/json")
        BODIES[(method, path)] = _minimal(content["schema"], components) if content else {}
        table.append((method, path, kind))
    return table


BODIES: dict[tuple[str, str], Any] = {}


ROUTES = _routes()


def _signed_in(session: Session, email: str | None) -> dict[str, str]:
    """A facilitator's token made in the database: signing in through Argon2 for every route
    would cost the matrix most of its time, and sign-in has its own tests."""
    with session.begin():
        row = (
            repo.first_facilitator(session)
            if email is None
            else repo.add_facilitator(session, email, "Other", "not a hash")
        )
        token = security.new_token()
        expires = datetime.now(UTC) + timedelta(days=1)
        repo.add_auth_session(session, security.token_hash(token), row.id or 0, expires)
    return {"Authorization": f"Bearer {token}"}


def _decided(
    client: TestClient, auth: dict[str, str], workshop: dict[str, Any], member: Member
) -> int:
    """The participant weighs, then the workshop's decision is recorded with one next step;
    the step's id."""
    give_weights(client, member, workshop["id"], {workshop["criteria"][0]["key"]: 1})
    body = {
        "option": workshop["options"][0]["key"],
        "rationale": "Chosen",
        "next_steps": [{"text": "Sign the hosting agreement"}],
    }
    url = f"{API}/workshops/{workshop['id']}/decision"
    response = client.post(url, json=body, headers=auth)
    assert response.status_code == 201, response.text
    return int(response.json()["follow_ups"][0]["id"])


def _world(client: TestClient, session: Session, path: str) -> dict[str, Any]:
    """Two facilitators with a workshop each, a participant in each, and a plan. The owner's
    workshop is in the state the route is for: its results shown to the room for the
    participant's results, its decision recorded (with a next step) for the follow-up."""
    owner = _signed_in(session, None)
    other = _signed_in(session, "other@example.org")
    mine, theirs = create_workshop(client, owner), create_workshop(client, other)
    for auth, w in ((owner, mine), (other, theirs)):
        set_stage(client, auth, w["id"], "scoring")
    plan = client.post(f"{API}/plans", json={"title": "Plan"}, headers=owner).json()
    member = join(client, mine["join_code"])
    other_participant = join(client, theirs["join_code"]).auth["Authorization"][7:]
    if "/my/results" in path:
        shown = {"results_visible": True}
        response = client.patch(f"{API}/workshops/{mine['id']}", json=shown, headers=owner)
        assert response.status_code == 200, response.text
    item_id = _decided(client, owner, mine, member) if "/follow-up" in path else 1
    return {
        "tokens": {
            "facilitator": owner["Authorization"][7:],
            "other_facilitator": other["Authorization"][7:],
            "participant": member.auth["Authorization"][7:],
            "other_participant": other_participant,
        },
        "params": {
            "workshop_id": mine["id"],
            "plan_id": plan["id"],
            "participant_id": 1,
            "ext": "json",
            "option": mine["options"][0]["key"],
            "criterion": mine["criteria"][0]["key"],
            "item_id": item_id,
        },
    }


def _call(client: TestClient, method: str, path: str, caller: str, world: dict) -> Any:
    params = {**world["params"], "key": world["params"]["option"]}
    if "/criteria/" in path:
        params["key"] = world["params"]["criterion"]
    url = re.sub(r"\{(\w+)\}", lambda m: str(params[m.group(1)]), path)
    client.cookies.clear()
    headers: dict[str, str] = {}
    token = world["tokens"].get(caller)
    if token and path.startswith("/api/"):
        headers["Authorization"] = f"Bearer {token}"
    elif token:
        cookie = deps.FACILITATOR_COOKIE if "facilitator" in caller else deps.PARTICIPANT_COOKIE
        client.cookies.set(cookie, token)
    body: dict[str, Any] = {}
    if method in ("POST", "PUT", "PATCH"):
        body = {"json": BODIES[(method, path)]} if path.startswith("/api/") else {"data": {}}
    return client.request(method, url, headers=headers, follow_redirects=False, **body)


def _allowed(kind: str, path: str) -> set[str]:
    """Who a route is for: everyone, the workshop's participant, or its facilitator (any
    facilitator for routes on no one's workshop or plan, such as listing one's own)."""
    if kind == "public":
        return set(CALLERS)
    if kind == "participant":
        return {"participant"}
    return {"facilitator"} if OWNED.search(path) else {"facilitator", "other_facilitator"}


def _refused(response: Any, path: str) -> bool:
    if path.startswith("/api/"):
        return response.status_code in (401, 404)
    if response.status_code == 303:
        return response.headers["location"].startswith("/login")
    return response.status_code in (401, 404)


@pytest.mark.parametrize(("method", "path", "kind"), ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
def test_authorization_matrix_refuses_everyone_a_route_is_not_for(
    client, session, method, path, kind
):
    world = _world(client, session, path)
    allowed = _allowed(kind, path)
    denied_messages = set()
    # The refused first, the allowed last: what they may do can change the workshop.
    for caller in sorted(CALLERS, key=lambda c: c in allowed):
        response = _call(client, method, path, caller, world)
        assert response.status_code < 500, (caller, response.text[:300])
        if caller not in allowed:
            assert _refused(response, path), (caller, response.status_code, response.text[:300])
            if response.headers.get("content-type", "").startswith("application/json"):
                denied_messages.add(response.json()["error"])
        elif kind != "public":  # a public route's 401 is a wrong password, not a refusal
            assert response.status_code not in (401, 403), (caller, response.text[:300])
            if response.status_code == 404 and denied_messages:
                # Allowed but nothing there yet (no decision, no comparisons) reads differently.
                assert response.json()["error"] not in denied_messages, caller


def test_authorization_matrix_covers_every_route():
    kinds = {kind for _, _, kind in ROUTES}
    assert kinds == {"public", "facilitator", "participant"}
    assert len(ROUTES) >= 80
    print(
        f"\nauthorization matrix: {len(ROUTES)} routes x {len(CALLERS)} callers = "
        f"{len(ROUTES) * len(CALLERS)} cells"
    )
