"""Schemathesis over the app's own /openapi.json, with a facilitator's and a participant's
token and real ids: no server errors, and every answer as the document says (status, content
type, body schema). Bounded: a few examples per operation, derandomized, no deadline."""

from __future__ import annotations

from collections import Counter
from typing import Any

import pytest
import schemathesis
from hypothesis import HealthCheck, Phase, given, settings
from schemathesis.checks import (
    content_type_conformance,
    not_a_server_error,
    response_schema_conformance,
    status_code_conformance,
)

from tests.support.api import API, create_workshop, join, login, set_stage

EXAMPLES = 12
CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_schema_conformance,
]


@pytest.fixture
def world(client) -> dict[str, Any]:
    """Tokens and ids the generated requests use in place of random ids."""
    auth = login(client)
    workshop = create_workshop(client, auth)
    set_stage(client, auth, workshop["id"], "scoring")
    member = join(client, workshop["join_code"])
    plan = client.post(f"{API}/plans", json={"title": "Fuzzed plan"}, headers=auth).json()
    return {
        "facilitator": auth["Authorization"],
        "participant": member.auth["Authorization"],
        "workshop_id": workshop["id"],
        "participant_id": member.id,
        "plan_id": plan["id"],
    }


FUZZ_SETTINGS = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=True,
    database=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)


def _fuzz(operation: Any, world: dict[str, Any], seen: Counter[str]) -> None:
    security = operation.definition.raw.get("security") or []

    @FUZZ_SETTINGS
    @given(case=operation.as_strategy())
    def run(case: Any) -> None:
        if security:
            token = world[next(iter(security[0]))]
            case.headers = {**(case.headers or {}), "Authorization": token}
        for name in ("workshop_id", "participant_id", "plan_id"):
            if case.path_parameters and name in case.path_parameters:
                case.path_parameters[name] = world[name]
        seen[operation.label] += 1
        case.validate_response(case.call(), checks=CHECKS)

    run()


def test_api_fuzz_no_server_errors_and_conforms(app, world):
    schema = schemathesis.openapi.from_asgi("/openapi.json", app)
    seen: Counter[str] = Counter()
    failures: list[str] = []
    for result in schema.get_all_operations():
        operation = result.ok()
        try:
            _fuzz(operation, world, seen)
        except (Exception, BaseExceptionGroup) as failure:  # each operation's first failure
            failures.append(f"{operation.label}: {str(failure)[:800]}")
    print(
        f"\nschemathesis: {len(seen)} operations, {sum(seen.values())} cases, "
        f"{len(failures)} failures"
    )
    assert not failures, "\n\n".join(failures)
    assert len(seen) >= 40
