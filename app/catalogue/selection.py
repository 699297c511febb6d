"""The selection catalogue: criteria/ (sources, criteria, backbone models, reference ratings,
templates, and what the rationale takes from there) read through the loader and checked across
files into frozen domain objects."""

from __future__ import annotations

import dataclasses
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any, Literal

from pydantic import AfterValidator, BeforeValidator, Field

from app.catalogue.loader import (
    CATALOGUE_DIR,
    CatalogueError,
    CatalogueProblem,
    Checker,
    Key,
    Keys,
    Schema,
    Text,
    Texts,
    read_file,
)
from app.catalogue.rationale import RationaleFiles, read_rationale_files
from app.catalogue.translation import TRANSLATED_LANGUAGES, read_translation
from app.domain.catalogue import (
    SCALE_POINTS,
    BackboneModel,
    Catalogue,
    Criterion,
    ReferenceRating,
    Source,
    Template,
)
from app.domain.limits import MAX_CRITERIA, MAX_OPTIONS

SOURCES_FILE = "sources.yaml"
CRITERIA_FILE = "criteria.yaml"
MODELS_FILE = "models.yaml"
REFERENCE_FILE = "reference_profile.yaml"
TEMPLATES_FILE = "templates.yaml"

# API.md promises this template to every client.
REQUIRED_TEMPLATE = "quick"


# --- the shape of each file ---


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


Rating = Annotated[int, AfterValidator(_rating)]
Scale = Annotated[dict[str, Text], BeforeValidator(_scale_keys), AfterValidator(_scale_points)]


class SourceIn(Schema):
    key: Key
    title: Text
    file: Text
    publisher: Text | None = None
    year: int | None = None


class CriterionIn(Schema):
    key: Key
    name: Text
    description: Text
    direction: Literal["benefit", "cost"]
    guiding_questions: Annotated[list[Text], Field(min_length=2, max_length=4)]
    scale: Scale
    sources: Keys


class ModelIn(Schema):
    key: Key
    name: Text
    summary: Text
    pros: Texts
    cons: Texts
    examples: Texts
    sources: Keys


class RatingIn(Schema):
    criterion: Key
    rating: Rating
    reason: Text
    sources: Keys


class ModelProfileIn(Schema):
    model: Key
    ratings: Annotated[list[RatingIn], Field(min_length=1)]


class TemplateIn(Schema):
    key: Key
    name: Text
    description: Text
    # No more than a workshop may hold (app/domain/limits.py).
    criteria: Annotated[Keys, Field(max_length=MAX_CRITERIA)]
    models: Annotated[list[Key], Field(min_length=2, max_length=MAX_OPTIONS)]


class SourcesFile(Schema):
    sources: Annotated[list[SourceIn], Field(min_length=1)]


class CriteriaFile(Schema):
    criteria: Annotated[list[CriterionIn], Field(min_length=1)]


class ModelsFile(Schema):
    models: Annotated[list[ModelIn], Field(min_length=2)]


class ReferenceFile(Schema):
    profile: list[ModelProfileIn]


class TemplatesFile(Schema):
    templates: Annotated[list[TemplateIn], Field(min_length=1)]


# --- checks across items and files ---


def _cross_check(
    directory: Path,
    sources: SourcesFile,
    criteria: CriteriaFile,
    models: ModelsFile,
    reference: ReferenceFile,
    templates: TemplatesFile,
) -> list[CatalogueProblem]:
    check = Checker()
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
    rationale: RationaleFiles,
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
        considerations=rationale.considerations_of(),
        event_labels=rationale.event_labels(),
    )


def load_catalogue(directory: Path = CATALOGUE_DIR) -> Catalogue:
    """Read and check every catalogue file; raise CatalogueError listing each problem found."""
    directory = Path(directory)
    problems: list[CatalogueProblem] = []
    sources = read_file(directory, SOURCES_FILE, SourcesFile, problems)
    criteria = read_file(directory, CRITERIA_FILE, CriteriaFile, problems)
    models = read_file(directory, MODELS_FILE, ModelsFile, problems)
    reference = read_file(directory, REFERENCE_FILE, ReferenceFile, problems)
    templates = read_file(directory, TEMPLATES_FILE, TemplatesFile, problems)
    rationale = read_rationale_files(directory, problems)
    if (
        problems
        or sources is None
        or criteria is None
        or models is None
        or reference is None
        or templates is None
        or rationale is None
    ):
        raise CatalogueError(problems)
    problems = _cross_check(directory, sources, criteria, models, reference, templates)
    problems += rationale.check(directory, [s.key for s in sources.sources])
    if problems:
        raise CatalogueError(problems)
    english = _to_domain(sources, criteria, models, reference, templates, rationale)
    # Every text in every other language, or the start-up fails naming what is missing.
    translations = {}
    for language in TRANSLATED_LANGUAGES:
        text = read_translation(directory, language, english, problems)
        if text is not None:
            translations[language] = text
    if problems:
        raise CatalogueError(problems)
    return dataclasses.replace(english, translations=MappingProxyType(translations))


@lru_cache(maxsize=1)
def default_catalogue() -> Catalogue:
    """The catalogue in criteria/, read once per process."""
    return load_catalogue()
