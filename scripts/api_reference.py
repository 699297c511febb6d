"""Writes docs/api-reference.md from the app's OpenAPI document (run after changing the API;
tests/ops/test_docs.py fails while the page differs from what this writes)."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Any

PAGE = Path(__file__).resolve().parents[1] / "docs" / "api-reference.md"
METHODS = ("get", "post", "put", "patch", "delete")


def _schema_name(schema: dict[str, Any]) -> str:
    if "$ref" in schema:
        return "`" + schema["$ref"].rsplit("/", 1)[-1] + "`"
    if "items" in schema:
        return "list of " + _schema_name(schema["items"])
    if "anyOf" in schema:
        return " or ".join(_schema_name(s) for s in schema["anyOf"])
    return "`" + str(schema.get("type", "object")) + "`"


def _operation(path: str, method: str, op: dict[str, Any]) -> list[str]:
    lines = [f"### `{method.upper()} {path}`", ""]
    if op.get("summary"):
        lines += [op["summary"] + ".", ""]
    params = op.get("parameters", [])
    if params:
        lines += ["| parameter | in | type |", "|---|---|---|"]
        lines += [
            f"| `{p['name']}` | {p['in']} | {_schema_name(p.get('schema', {}))} |" for p in params
        ]
        lines.append("")
    body = op.get("requestBody", {}).get("content", {}).get("application/json")
    if body:
        lines += [f"Body: {_schema_name(body['schema'])}.", ""]
    answers = ", ".join(f"{code}" for code in op.get("responses", {}))
    lines += [f"Answers: {answers}.", ""]
    return lines


def render(openapi: dict[str, Any]) -> str:
    lines = [
        "# API reference",
        "",
        "<!-- Written by scripts/api_reference.py from the app's OpenAPI document. -->",
        "",
        f"{openapi['info']['title']} {openapi['info']['version']}: every path of the OpenAPI",
        "document (`/openapi.json`; Swagger UI at `/docs` and ReDoc at `/redoc` on a running",
        "service show the same, offline). See [the JSON API](api.md) for the contract.",
        "",
    ]
    by_tag: dict[str, list[str]] = {}
    for path, item in openapi["paths"].items():
        for method in METHODS:
            if method in item:
                tag = (item[method].get("tags") or ["other"])[0]
                by_tag.setdefault(tag, []).extend(_operation(path, method, item[method]))
    for tag, body in by_tag.items():
        lines += [f"## {tag}", "", *body]
    schemas = openapi.get("components", {}).get("schemas", {})
    lines += ["## Schemas", ""]
    for name, schema in sorted(schemas.items()):
        fields = ", ".join(f"`{f}`" for f in schema.get("properties", {}))
        lines.append(f"- **{name}**: {fields or schema.get('type', 'object')}")
    return "\n".join(lines).rstrip("\n") + "\n"


def generated() -> str:
    from app.main import create_app
    from app.settings import Settings

    return render(create_app(Settings(environment="test")).openapi())


if __name__ == "__main__":
    PAGE.write_text(generated())
    sys.stdout.write(f"Wrote {PAGE}\n")
