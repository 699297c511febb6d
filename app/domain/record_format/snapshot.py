"""The sealed record: a decided workshop's complete `Record` as JSON text, and back.

Sealed in the decision's transaction and read by every later export, so a decided record's
documents never depend again on a linked plan, the catalogue files or anything recomputed.
The text is written from the dataclasses' own fields and read back by their type hints, so a
new field of the record travels without a mapper to keep in step.
"""

from __future__ import annotations

import dataclasses
import json
import types
import typing
from collections.abc import Mapping
from datetime import date, datetime
from enum import Enum
from functools import cache
from typing import Any

from app.domain.record import Record

# Fields that are not part of the sealed record: the signed JSON record is stored beside it.
NOT_SEALED = frozenset({"sealed", "provenance", "copy_of"})


def freeze(record: Record) -> str:
    return json.dumps(_plain(record), ensure_ascii=False, sort_keys=True)


def thaw(text: str) -> Record:
    record = _revive(Record, json.loads(text))
    assert isinstance(record, Record)
    return record


def _plain(value: Any) -> Any:
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return {
            f.name: _plain(getattr(value, f.name))
            for f in dataclasses.fields(value)
            if f.name not in NOT_SEALED
        }
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, date):  # a datetime too
        return value.isoformat()
    if isinstance(value, Mapping):
        if all(isinstance(k, str) for k in value):
            return {k: _plain(v) for k, v in value.items()}
        # Keys that are tuples or numbers: pairs, in the mapping's order.
        return [[_plain(k), _plain(v)] for k, v in value.items()]
    if isinstance(value, list | tuple | set | frozenset):
        return [_plain(v) for v in value]
    return value


@cache
def _hints(cls: type) -> dict[str, Any]:
    return typing.get_type_hints(cls)


def _revive(hint: Any, data: Any) -> Any:  # noqa: PLR0911 - one branch per kind of type
    if hint is Any or data is None:
        return data
    origin = typing.get_origin(hint)
    args = typing.get_args(hint)
    if origin is typing.Union or origin is types.UnionType:
        kinds = [a for a in args if a is not type(None)]
        return _revive(kinds[0], data) if len(kinds) == 1 else data
    if origin is typing.Literal:
        return data
    if dataclasses.is_dataclass(hint) and isinstance(hint, type):
        hint = _subclass_for(hint, set(data))
        hints = _hints(hint)
        given = {
            f.name: _revive(hints[f.name], data[f.name])
            for f in dataclasses.fields(hint)
            if f.init and f.name in data
        }
        return hint(**given)
    if isinstance(hint, type) and issubclass(hint, Enum):
        return hint(data)
    if hint is datetime:
        return datetime.fromisoformat(data)
    if hint is date:
        return date.fromisoformat(data)
    if origin in (dict, Mapping) or hint in (dict, Mapping):
        key, val = args or (Any, Any)
        pairs = data if isinstance(data, list) else list(data.items())
        return {_key(key, k): _revive(val, v) for k, v in pairs}
    if origin is tuple:
        if len(args) == 2 and args[1] is Ellipsis:
            return tuple(_revive(args[0], v) for v in data)
        return tuple(_revive(a, v) for a, v in zip(args, data, strict=True))
    if origin in (list, set, frozenset):
        items = [_revive(args[0] if args else Any, v) for v in data]
        return origin(items)
    if hint is tuple:
        return tuple(_revive(Any, v) for v in data)
    return data


def _subclass_for(cls: type, keys: set[str]) -> type:
    """The class itself, or the subclass that has every field the data has (a CellSpread
    stored where a Spread is declared)."""
    if keys <= {f.name for f in dataclasses.fields(cls)}:  # type: ignore[arg-type]
        return cls
    subclasses: list[type] = cls.__subclasses__()
    for sub in subclasses:
        found = _subclass_for(sub, keys)
        if keys <= {f.name for f in dataclasses.fields(found)}:  # type: ignore[arg-type]
            return found
    return cls


def _key(hint: Any, key: Any) -> Any:
    value = _revive(hint, key)
    return tuple(value) if isinstance(value, list) else value
