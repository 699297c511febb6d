"""Reads the catalogue in criteria/ (YAML) into frozen domain objects, checking every file.

A broken catalogue must stop the start with a message that names the file and the field, so
an editor can fix it without reading a traceback: see `CatalogueError`.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Annotated, Any, Literal, TypeVar

import yaml
from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    Field,
    StringConstraints,
    ValidationError,
)

from app.domain.catalogue import (
    SCALE_POINTS,
    BackboneModel,
    Catalogue,
    Criterion,
    ReferenceRating,
    Source,
    Template,
)

CATALOGUE_DIR = Path(__file__).resolve().parent.parent / "criteria"

SOURCES_FILE = "sources.yaml"
CRITERIA_FILE = "criteria.yaml"
MODELS_FILE = "models.yaml"
REFERENCE_FILE = "reference_profile.yaml"
TEMPLATES_FILE = "templates.yaml"

# API.md promises this template to every client.
REQUIRED_TEMPLATE = "quick"


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


# --- the shape of each file (pydantic, strict: YAML must not sneak in numbers for text) ---


def _rating(value: int) -> int:
    if not 1 <= value <= 5:
        raise ValueError(f"must be a whole number from 1 to 5, not {value}")
    return value


def _scale_keys(value: Any) -> Any:
    # YAML reads `1:` as an integer key; the API and the domain use "1".
    if isinstance(value, dict):
        return {
            str(k) if isinstance(k, int) and not isinstance(k, bool) else k: v
            for k, v in value.items()
        }
    return value


def _scale_points(value: dict[str, str]) -> dict[str, str]:
    if set(value) != set(SCALE_POINTS):
        raise ValueError(
            f"must have exactly the keys 1, 3 and 5 (found {', '.join(map(str, value)) or 'none'})"
        )
    return value


Key = Annotated[str, StringConstraints(pattern=r"^[a-z][a-z0-9]*(-[a-z0-9]+)*$")]
Text = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1)]
Keys = Annotated[list[Key], Field(min_length=1)]
Texts = Annotated[list[Text], Field(min_length=1)]
Rating = Annotated[int, AfterValidator(_rating)]
Scale = Annotated[dict[str, Text], BeforeValidator(_scale_keys), AfterValidator(_scale_points)]


class _Schema(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)


class SourceIn(_Schema):
    key: Key
    title: Text
    file: Text
    publisher: Text | None = None
    year: int | None = None


class CriterionIn(_Schema):
    key: Key
    name: Text
    description: Text
    direction: Literal["benefit", "cost"]
    guiding_questions: Annotated[list[Text], Field(min_length=2, max_length=4)]
    scale: Scale
    sources: Keys


class ModelIn(_Schema):
    key: Key
    name: Text
    summary: Text
    pros: Texts
    cons: Texts
    examples: Texts
    sources: Keys


class RatingIn(_Schema):
    criterion: Key
    rating: Rating
    reason: Text
    sources: Keys


class ModelProfileIn(_Schema):
    model: Key
    ratings: Annotated[list[RatingIn], Field(min_length=1)]


class TemplateIn(_Schema):
    key: Key
    name: Text
    description: Text
    criteria: Keys
    models: Annotated[list[Key], Field(min_length=2)]


class SourcesFile(_Schema):
    sources: Annotated[list[SourceIn], Field(min_length=1)]


class CriteriaFile(_Schema):
    criteria: Annotated[list[CriterionIn], Field(min_length=1)]


class ModelsFile(_Schema):
    models: Annotated[list[ModelIn], Field(min_length=2)]


class ReferenceFile(_Schema):
    profile: list[ModelProfileIn]


class TemplatesFile(_Schema):
    templates: Annotated[list[TemplateIn], Field(min_length=1)]


# --- reading ---

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


def _read(
    directory: Path, name: str, schema: type[M], problems: list[CatalogueProblem]
) -> M | None:
    shown = f"{directory.name}/{name}"
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


# --- checks across items and files ---


class _Checker:
    """Collects problems found across items and files."""

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
            if key not in known:
                self.add(
                    file, f"{path}[{i}]", f"unknown {what} '{key}' (known: {', '.join(known)})"
                )


def _cross_check(
    directory: Path,
    sources: SourcesFile,
    criteria: CriteriaFile,
    models: ModelsFile,
    reference: ReferenceFile,
    templates: TemplatesFile,
) -> list[CatalogueProblem]:
    check = _Checker()
    f_src, f_crit, f_mod, f_ref, f_tpl = (
        f"{directory.name}/{n}"
        for n in (SOURCES_FILE, CRITERIA_FILE, MODELS_FILE, REFERENCE_FILE, TEMPLATES_FILE)
    )
    source_keys = [s.key for s in sources.sources]
    criterion_keys = [c.key for c in criteria.criteria]
    model_keys = [m.key for m in models.models]

    check.unique(source_keys, f_src, "sources", "source key")
    for i, s in enumerate(sources.sources):
        if Path(s.file).stem != s.key:
            check.add(f_src, f"sources[{i}].key", f"must be the stem of '{s.file}'")
    check.unique(criterion_keys, f_crit, "criteria", "criterion key")
    for i, c in enumerate(criteria.criteria):
        check.known(c.sources, source_keys, f_crit, f"criteria[{i}].sources", "source")
    check.unique(model_keys, f_mod, "models", "model key")
    for i, m in enumerate(models.models):
        check.known(m.sources, source_keys, f_mod, f"models[{i}].sources", "source")

    # The reference profile must rate every model on every criterion, once.
    profiled = [entry.model for entry in reference.profile]
    check.unique(profiled, f_ref, "profile", "model")
    check.known(profiled, model_keys, f_ref, "profile", "model")
    for key in model_keys:
        if key not in profiled:
            check.add(f_ref, "profile", f"model '{key}' has no reference ratings")
    for i, entry in enumerate(reference.profile):
        rated = [r.criterion for r in entry.ratings]
        check.unique(rated, f_ref, f"profile[{i}].ratings", "criterion")
        check.known(rated, criterion_keys, f_ref, f"profile[{i}].ratings", "criterion")
        missing = [k for k in criterion_keys if k not in rated]
        if missing:
            check.add(
                f_ref,
                f"profile[{i}].ratings",
                f"model '{entry.model}' has no rating for: {', '.join(missing)}",
            )
        for j, r in enumerate(entry.ratings):
            where = f"profile[{i}].ratings[{j}].sources"
            check.known(r.sources, source_keys, f_ref, where, "source")

    template_keys = [t.key for t in templates.templates]
    check.unique(template_keys, f_tpl, "templates", "template key")
    if REQUIRED_TEMPLATE not in template_keys:
        check.add(f_tpl, "templates", f"template '{REQUIRED_TEMPLATE}' is required")
    for i, t in enumerate(templates.templates):
        for what, keys, known in (
            ("criterion", t.criteria, criterion_keys),
            ("model", t.models, model_keys),
        ):
            path = f"templates[{i}].{'criteria' if what == 'criterion' else 'models'}"
            check.unique(keys, f_tpl, path, what)
            check.known(keys, known, f_tpl, path, what)
    return check.problems


# --- mapping to the domain ---


def _to_domain(
    sources: SourcesFile,
    criteria: CriteriaFile,
    models: ModelsFile,
    reference: ReferenceFile,
    templates: TemplatesFile,
) -> Catalogue:
    return Catalogue.build(
        sources=[Source(s.key, s.title, s.file, s.publisher, s.year) for s in sources.sources],
        criteria=[
            Criterion(
                key=c.key,
                name=c.name,
                description=c.description,
                direction=c.direction,
                guiding_questions=tuple(c.guiding_questions),
                scale=tuple((point, c.scale[point]) for point in SCALE_POINTS),
                sources=tuple(c.sources),
            )
            for c in criteria.criteria
        ],
        models=[
            BackboneModel(
                key=m.key,
                name=m.name,
                summary=m.summary,
                pros=tuple(m.pros),
                cons=tuple(m.cons),
                examples=tuple(m.examples),
                sources=tuple(m.sources),
            )
            for m in models.models
        ],
        reference=[
            ReferenceRating(entry.model, r.criterion, r.rating, r.reason, tuple(r.sources))
            for entry in reference.profile
            for r in entry.ratings
        ],
        templates=[
            Template(t.key, t.name, t.description, tuple(t.criteria), tuple(t.models))
            for t in templates.templates
        ],
    )


def load_catalogue(directory: Path = CATALOGUE_DIR) -> Catalogue:
    """Read and check every catalogue file; raise CatalogueError listing each problem found."""
    directory = Path(directory)
    problems: list[CatalogueProblem] = []
    sources = _read(directory, SOURCES_FILE, SourcesFile, problems)
    criteria = _read(directory, CRITERIA_FILE, CriteriaFile, problems)
    models = _read(directory, MODELS_FILE, ModelsFile, problems)
    reference = _read(directory, REFERENCE_FILE, ReferenceFile, problems)
    templates = _read(directory, TEMPLATES_FILE, TemplatesFile, problems)
    if (
        problems
        or sources is None
        or criteria is None
        or models is None
        or reference is None
        or templates is None
    ):
        raise CatalogueError(problems)
    problems = _cross_check(directory, sources, criteria, models, reference, templates)
    if problems:
        raise CatalogueError(problems)
    return _to_domain(sources, criteria, models, reference, templates)


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The catalogue in criteria/, read once per process."""
    return load_catalogue()
