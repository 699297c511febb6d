"""Reading the app's own OpenAPI document in tests: the smallest valid body of an operation,
and the places (fields, dictionary keys and values) a value can be put in it."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from typing import Any

Path = tuple[Any, ...]
KEY = "__key__"  # a path step meaning "the key of the dictionary here", not its value


def resolve(schema: dict[str, Any], components: dict[str, Any]) -> dict[str, Any]:
    while "$ref" in schema:
        schema = components[schema["$ref"].rsplit("/", 1)[1]]
    if "anyOf" in schema:
        return resolve(next(s for s in schema["anyOf"] if s.get("type") != "null"), components)
    return schema


def minimal(schema: dict[str, Any], components: dict[str, Any]) -> Any:
    """The smallest valid value of a schema: required properties only, first enum values."""
    schema = resolve(schema, components)
    if "enum" in schema:
        return schema["enum"][0]
    kind = schema.get("type")
    if kind == "object":
        props = schema.get("properties", {})
        return {k: minimal(props[k], components) for k in schema.get("required", [])}
    return {"string": "Text", "integer": 1, "number": 1, "boolean": False, "array": []}.get(
        str(kind)
    )


def places(schema: dict[str, Any], components: dict[str, Any], at: Path = ()) -> Iterator[Path]:
    """Every field of a body (optional ones too), every dictionary's keys and values, and the
    items of every list, as paths into the body."""
    schema = resolve(schema, components)
    kind = schema.get("type")
    if kind == "object" and "properties" in schema:
        for name, sub in schema["properties"].items():
            yield from places(sub, components, (*at, name))
    elif kind == "object":
        yield (*at, KEY)
        yield from places(schema.get("additionalProperties") or {}, components, (*at, "k"))
    elif kind == "array":
        yield from places(schema.get("items") or {}, components, (*at, 0))
    else:
        yield at


def put(body: Any, path: Path, value: Any) -> Any:
    """A copy of `body` with `value` at `path`, making the objects and lists on the way; a
    KEY step puts `value` in as a dictionary key (with the value 1)."""
    if not path:
        return value
    body = copy.deepcopy(body) if isinstance(body, dict) else {}
    node: Any = body
    for step, following in zip(path, path[1:], strict=False):
        fresh: Any = [] if isinstance(following, int) else {}
        if isinstance(node, list):
            if len(node) <= step:
                node.append(fresh)
            node = node[step]
        else:
            if not isinstance(node.get(step), dict | list):
                node[step] = fresh
            node = node[step]
    last = path[-1]
    if last == KEY:
        node[value if isinstance(value, str) else str(value)[:100]] = 1
    elif isinstance(node, list):
        node.append(value)
    else:
        node[last] = value
    return body
