"""The one way catalogue files are read: strict YAML, pydantic shapes, and problems that name
the file and the field, so an editor can fix a broken file without reading a traceback."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Any, TypeVar

import yaml
from pydantic import BaseModel, ConfigDict, Field, StringConstraints, ValidationError

from app.resources import CRITERIA

CATALOGUE_DIR = CRITERIA


@dataclass(frozen=True)
class CatalogueProblem:
    file: str
    field: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.field}: {self.message}"


class CatalogueError(Exception):
    """The catalogue cannot be used; each line names the file and the field at fault."""

    def __init__(self, problems: Sequence[CatalogueProblem]):
        self.problems = tuple(problems)
        super().__init__("\n".join(str(p) for p in self.problems))

    @property
    def file(self) -> str:
        return self.problems[0].file

    @property
    def field(self) -> str:
        return self.problems[0].field


# Field types every catalogue file shares (strict: YAML must not sneak in numbers for text).
Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Keys = Annotated[list[Key], Field(min_length=1)]
Texts = Annotated[list[Text], Field(min_length=1)]


class Schema(BaseModel):
    """The base of every file's shape: unknown fields and loose types are refused."""

    model_config = ConfigDict(extra="forbid", strict=True)


M = TypeVar("M", bound=BaseModel)

# The C parser when PyYAML was built with libyaml: ten times faster, and create_app reads the
# catalogue on every start (tests start many apps).
_SafeLoader: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _UniqueKeyLoader(_SafeLoader):  # type: ignore[valid-type,misc]
    """The safe loader, but a key written twice in one mapping is an error, not a silent
    overwrite (an editor's second `rating:` would otherwise win unnoticed)."""

    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> dict[Any, Any]:
        self.flatten_mapping(node)  # type: ignore[no-untyped-call]
        seen: set[Any] = set()
        for key_node, _ in node.value:
            key = self.construct_object(key_node, deep=deep)  # type: ignore[no-untyped-call]
            if key in seen:
                raise yaml.constructor.ConstructorError(
                    None, None, f"key {key!r} appears twice in one mapping", key_node.start_mark
                )
            seen.add(key)
        return super().construct_mapping(node, deep=deep)


def _path(loc: Iterable[int | str]) -> str:
    out = ""
    for part in loc:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


# Plain-language messages for the pydantic error types an editor is likely to meet.
_MESSAGES = {
    "missing": "is required",
    "extra_forbidden": "is not a known field",
    "string_pattern_mismatch": "must be lower-case words joined by hyphens, e.g. staff-capacity",
    "string_too_short": "must not be empty",
    "string_type": "must be text",
    "int_type": "must be a whole number",
    "list_type": "must be a list",
    "model_type": "must be a mapping of fields",
    "dict_type": "must be a mapping",
}


def _message(error: Any) -> str:
    kind, ctx = error["type"], error.get("ctx") or {}
    if kind in _MESSAGES:
        return _MESSAGES[kind]
    if kind == "literal_error":
        return f"must be {ctx.get('expected')}"
    if kind == "value_error":
        return str(ctx.get("error"))
    if kind in ("too_short", "too_long"):
        bound = ctx["min_length"] if kind == "too_short" else ctx["max_length"]
        most = "at least" if kind == "too_short" else "at most"
        return f"must have {most} {bound} items, not {ctx.get('actual_length')}"
    text = str(error["msg"])
    return text[:1].lower() + text[1:]


def read_file(
    directory: Path,
    name: str,
    schema: type[M],
    problems: list[CatalogueProblem],
    folder: str | None = None,
) -> M | None:
    """One file parsed and shaped; what is wrong goes to `problems` and None comes back.
    `folder` is how problems name the directory (its own name unless said)."""
    shown = f"{folder or directory.name}/{name}"
    try:
        text = (directory / name).read_text(encoding="utf-8")
    except OSError as exc:
        problems.append(CatalogueProblem(shown, "(file)", f"cannot be read ({exc.strerror})"))
        return None
    try:
        data = yaml.load(text, Loader=_UniqueKeyLoader)  # a SafeLoader subclass
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}, column {mark.column + 1}" if mark else "(file)"
        problems.append(CatalogueProblem(shown, where, f"is not valid YAML: {exc}"))
        return None
    try:
        return schema.model_validate(data)
    except ValidationError as exc:
        problems.extend(CatalogueProblem(shown, _path(e["loc"]), _message(e)) for e in exc.errors())
        return None


class Checker:
    """Collects the problems found across the items and files of a catalogue."""

    def __init__(self) -> None:
        self.problems: list[CatalogueProblem] = []

    def add(self, file: str, field: str, message: str) -> None:
        self.problems.append(CatalogueProblem(file, field, message))

    def unique(self, keys: Sequence[str], file: str, path: str, what: str) -> None:
        first: dict[str, int] = {}
        for i, key in enumerate(keys):
            if key in first:
                self.add(
                    file, f"{path}[{i}]", f"{what} '{key}' appears twice (first at [{first[key]}])"
                )
            first.setdefault(key, i)

    def known(
        self, keys: Sequence[str], known: Sequence[str], file: str, path: str, what: str
    ) -> None:
        for i, key in enumerate(keys):
            self.known_key(key, known, file, f"{path}[{i}]", what)

    def known_key(self, key: str, known: Sequence[str], file: str, field: str, what: str) -> None:
        if key not in known:
            self.add(file, field, f"unknown {what} '{key}' (known: {', '.join(known)})")

    def raise_if_any(self) -> None:
        if self.problems:
            raise CatalogueError(self.problems)


class TranslationCheck:
    """Compares a translation's keys with the English keys it must cover, exactly (the
    catalogue's translations and the planning files' both)."""

    def __init__(self, problems: list[CatalogueProblem]) -> None:
        self.problems = problems

    def keys(
        self,
        file: str,
        path: str,
        have: Iterable[str],
        want: Sequence[str],
        extra_allowed: bool = False,
    ) -> None:
        have = list(have)
        for key in want:
            if key not in have:
                self.problems.append(CatalogueProblem(file, f"{path}.{key}", "has no translation"))
        for key in [] if extra_allowed else have:
            if key not in want:
                self.problems.append(
                    CatalogueProblem(file, f"{path}.{key}", "is not a key of the English")
                )

    def count(self, file: str, path: str, have: Sequence[str], want: Sequence[str]) -> None:
        if len(have) != len(want):
            self.problems.append(
                CatalogueProblem(
                    file, path, f"must have {len(want)} items like the English, not {len(have)}"
                )
            )
