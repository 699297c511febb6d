"""The OpenAPI document, completed from the route table: the bearer schemes each operation
needs, and the error answers (in the one error shape) every operation can give."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.openapi.utils import get_openapi
from fastapi.routing import APIRoute, iter_route_contexts

from app.exports import RENDERERS
from app.web import deps

ERROR = "Error"
SCHEMES = {
    "facilitator": {
        "type": "http",
        "scheme": "bearer",
        "description": "A facilitator's token from POST /api/v1/auth/login.",
    },
    "participant": {
        "type": "http",
        "scheme": "bearer",
        "description": "A participant's token from POST /api/v1/join.",
    },
}
ERROR_SCHEMA: dict[str, Any] = {
    "title": ERROR,
    "type": "object",
    "required": ["ok", "status", "error", "errors"],
    "properties": {
        "ok": {"type": "boolean", "enum": [False]},
        "status": {"type": "integer", "minimum": 400, "maximum": 599},
        "error": {"type": "string", "maxLength": 300},
        "errors": {
            "type": "array",
            "items": {
                "type": "object",
                "required": ["field", "message"],
                "properties": {"field": {"type": "string"}, "message": {"type": "string"}},
            },
        },
    },
}
MEANINGS = {
    "400": "The body could not be read.",
    "401": "No valid token: sign in or join first.",
    "403": "Not yet shown: the facilitator has not revealed it to the room.",
    "404": "Nothing at this address for this caller (also ids out of range).",
    "409": "The request conflicts with the workshop's state.",
    "413": "The body is larger than the service reads.",
    "422": "A field is missing, malformed or out of range (named in errors).",
    "429": "Too many failed attempts: wait for the seconds in Retry-After.",
}
LIMITED = {"/api/v1/auth/login", "/api/v1/join", "/api/v1/resume"}
# Operations a participant may be refused until the facilitator shows the room its results.
HIDDEN_UNTIL_SHOWN = {"/api/v1/workshops/{workshop_id}/my/results"}
AUTH_DEPENDENCIES: dict[Callable[..., Any], str] = {
    deps.api_facilitator: "facilitator",
    deps.api_participant: "participant",
    deps.api_participant_token: "participant",
}


def route_table(app: FastAPI) -> list[tuple[str, str, APIRoute]]:
    """Every (path, method, route) the app answers, API and pages, as it routes them."""
    table = []
    for context in iter_route_contexts(app.routes):
        if isinstance(context.route, APIRoute):
            for method in sorted(context.methods or ()):
                table.append((context.path_format or "", method, context.route))
    return table


def scheme_of(dependant: Dependant) -> str | None:
    """Which token an operation needs: found among its dependencies, however deep."""
    for sub in dependant.dependencies:
        found = AUTH_DEPENDENCIES.get(sub.call) if sub.call else None  # type: ignore[arg-type]
        if found or (found := scheme_of(sub)):
            return found
    return None


def _error(code: str) -> dict[str, Any]:
    response: dict[str, Any] = {
        "description": MEANINGS[code],
        "content": {"application/json": {"schema": {"$ref": f"#/components/schemas/{ERROR}"}}},
    }
    if code == "429":
        response["headers"] = {
            "Retry-After": {"description": "Seconds to wait.", "schema": {"type": "integer"}}
        }
    return response


def _complete(app: FastAPI, document: dict[str, Any]) -> dict[str, Any]:
    components = document.setdefault("components", {})
    components.setdefault("securitySchemes", {}).update(SCHEMES)
    schemas = components.setdefault("schemas", {})
    schemas[ERROR] = ERROR_SCHEMA
    for name in ("HTTPValidationError", "ValidationError"):
        schemas.pop(name, None)
    for path, method, route in route_table(app):
        operation = document["paths"].get(path, {}).get(method.lower())
        if operation is None:  # a page, not part of the API
            continue
        scheme = scheme_of(route.dependant)
        codes = ["404", "409", "422"]  # 409: the workshop's stage does not allow it yet
        for parameter in operation.get("parameters", []):
            if parameter["name"] == "ext":
                parameter["schema"] = {"type": "string", "enum": sorted(RENDERERS)}
        if scheme:
            operation["security"] = [{scheme: []}]
            codes += ["401"]
        if method in ("POST", "PUT", "PATCH"):
            codes += ["400", "413"]
        if path in LIMITED:
            codes += ["401", "429"] if path.endswith("login") else ["429"]
        if path in HIDDEN_UNTIL_SHOWN:
            codes += ["403"]
        responses = operation.setdefault("responses", {})
        for code in codes:
            responses[code] = _error(code)
    return document


def install_openapi(app: FastAPI) -> None:
    """Replace app.openapi with the completed document, built once."""

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            document = get_openapi(
                title=app.title,
                version=app.version,
                description=app.description,
                routes=app.routes,
            )
            app.openapi_schema = _complete(app, document)
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
