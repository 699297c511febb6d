"""The OpenAPI document says what the API does: bearer schemes per operation, every error
answer in the error shape, sizes, minimum lengths and choices; times carry their offset."""

from __future__ import annotations

import re

from tests.support.api import API, open_workshop


def test_openapi_declares_both_bearer_schemes(app):
    schemes = app.openapi()["components"]["securitySchemes"]
    assert {k: (v["type"], v["scheme"]) for k, v in schemes.items()} == {
        "facilitator": ("http", "bearer"),
        "participant": ("http", "bearer"),
    }


def test_openapi_operations_list_their_error_answers(app):
    paths = app.openapi()["paths"]
    for path, item in paths.items():
        for method, operation in item.items():
            codes = set(operation["responses"])
            assert {"404", "409", "422"} <= codes, (method, path)
            if operation.get("security"):
                assert "401" in codes, (method, path)
            if method in ("post", "put", "patch"):
                assert "413" in codes, (method, path)
            ref = operation["responses"]["422"]["content"]["application/json"]["schema"]["$ref"]
            assert ref.endswith("/Error")
    assert "429" in paths["/api/v1/auth/login"]["post"]["responses"]
    assert "429" in paths["/api/v1/join"]["post"]["responses"]
    assert "security" not in paths["/api/v1/catalog/criteria"]["get"]


def test_openapi_bodies_show_sizes_and_choices(app):
    schemas = app.openapi()["components"]["schemas"]
    title = schemas["WorkshopCreate"]["properties"]["title"]
    assert (title["minLength"], title["maxLength"]) == (1, 200)
    stage = schemas["WorkshopUpdate"]["properties"]["stage"]["anyOf"][0]
    assert "decided" in stage["enum"]
    assert schemas["WeightsUpdate"]["properties"]["weights"]["maxProperties"] == 20
    assert schemas["PairwiseUpdate"]["properties"]["judgments"]["maxItems"] == 190


def test_api_times_carry_their_offset(client):
    auth, workshop = open_workshop(client)
    plan = client.post(f"{API}/plans", json={"title": "Plan"}, headers=auth).json()
    listed = client.get(f"{API}/workshops", headers=auth).json()
    times = [workshop["created_at"], plan["created_at"], plan["updated_at"]]
    times += [w["created_at"] for w in listed]
    assert times and all(re.search(r"(Z|[+-]\d\d:\d\d)$", t) for t in times), times
