"""The catalogue in another language: criteria/<language>/*.yaml (and planning/*.yaml, checked
when the planning catalogue loads), keyed by the English keys and checked against the English at
start-up, so a missing or extra text is an error naming the file and the key (a page would
otherwise show English in the middle of Spanish)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path
from types import MappingProxyType
from typing import Annotated, Any

from pydantic import BeforeValidator, Field

from app.catalogue.loader import CatalogueProblem, Schema, Text, TranslationCheck, read_file
from app.catalogue.planning_translation import read_plan_text
from app.domain.catalogue import SCALE_POINTS, Catalogue
from app.domain.planning.translation import PlanText
from app.domain.translation import CatalogueText, CriterionText, ModelText, SourceText
from app.domain.workshop import AGREEMENT_LEVELS, SECTORS, STAGES

TRANSLATED_LANGUAGES: tuple[str, ...] = ("es",)


def _string_keys(value: Any) -> Any:
    # YAML reads `1:` as an integer key; the English scale is keyed "1", "3", "5".
    if isinstance(value, dict):
        return {str(k) if isinstance(k, int) else k: v for k, v in value.items()}
    return value


Texts = Annotated[list[Text], Field(min_length=1)]
Scale = Annotated[dict[str, Text], BeforeValidator(_string_keys)]


class CriterionIn(Schema):
    name: Text
    description: Text
    guiding_questions: Texts
    scale: Scale


class ModelIn(Schema):
    name: Text
    summary: Text
    pros: Texts
    cons: Texts


class ConsiderationIn(Schema):
    topic: Text
    text: Text


class CriteriaFile(Schema):
    criteria: dict[str, CriterionIn]


class ModelsFile(Schema):
    models: dict[str, ModelIn]


class ReferenceFile(Schema):
    reasons: dict[str, dict[str, Text]]  # model -> criterion -> reason


class LabelsFile(Schema):
    sectors: dict[str, Text]
    stages: dict[str, Text]
    agreement: dict[str, Text]
    events: dict[str, Text]
    considerations: dict[str, ConsiderationIn]


class SourceIn(Schema):
    # The title stays as published; the gloss says what it means. A publisher's line is
    # given again only where the English one has our words in it ("..., for the ...").
    gloss: Text
    publisher: Text | None = None


class SourcesFile(Schema):
    sources: dict[str, SourceIn]


def _check(
    shown: str,
    english: Catalogue,
    files: tuple[CriteriaFile, ModelsFile, ReferenceFile, LabelsFile],
    problems: list[CatalogueProblem],
) -> None:
    criteria, models, reference, labels = files
    check = TranslationCheck(problems)
    f_crit, f_mod, f_ref, f_lab = (
        f"{shown}/{n}"
        for n in ("criteria.yaml", "models.yaml", "reference_profile.yaml", "labels.yaml")
    )
    check.keys(f_crit, "criteria", criteria.criteria, list(english.criteria))
    for key, c in criteria.criteria.items():
        if key in english.criteria:
            en = english.criteria[key]
            where = f"criteria.{key}"
            check.count(
                f_crit, f"{where}.guiding_questions", c.guiding_questions, en.guiding_questions
            )
            check.keys(f_crit, f"{where}.scale", c.scale, SCALE_POINTS)
    check.keys(f_mod, "models", models.models, list(english.models))
    for key, m in models.models.items():
        if key in english.models:
            en_model = english.models[key]
            check.count(f_mod, f"models.{key}.pros", m.pros, en_model.pros)
            check.count(f_mod, f"models.{key}.cons", m.cons, en_model.cons)
    check.keys(f_ref, "reasons", reference.reasons, list(english.models))
    for model, reasons in reference.reasons.items():
        rated = [c for (m, c) in english.reference if m == model]
        check.keys(f_ref, f"reasons.{model}", reasons, rated)
    check.keys(f_lab, "sectors", labels.sectors, list(SECTORS))
    check.keys(f_lab, "stages", labels.stages, [s.value for s in STAGES])
    check.keys(f_lab, "agreement", labels.agreement, list(AGREEMENT_LEVELS))
    # A label ahead of the English (a kind about to be added) does no harm.
    check.keys(f_lab, "events", labels.events, list(english.event_labels), extra_allowed=True)
    check.keys(
        f_lab, "considerations", labels.considerations, [c.key for c in english.considerations]
    )


def _check_sources(
    file: str, english: Catalogue, sources: SourcesFile, problems: list[CatalogueProblem]
) -> None:
    TranslationCheck(problems).keys(file, "sources", sources.sources, list(english.sources))


def _to_domain(
    language: str,
    files: tuple[CriteriaFile, ModelsFile, ReferenceFile, LabelsFile],
    sources: SourcesFile,
    plan: PlanText,
) -> CatalogueText:
    criteria, models, reference, labels = files

    def frozen(mapping: Mapping[Any, Any]) -> Mapping[Any, Any]:
        return MappingProxyType(dict(mapping))

    return CatalogueText(
        language=language,
        criteria=frozen(
            {
                k: CriterionText(
                    c.name,
                    c.description,
                    tuple(c.guiding_questions),
                    MappingProxyType({p: c.scale[p] for p in SCALE_POINTS}),
                )
                for k, c in criteria.criteria.items()
            }
        ),
        models=frozen(
            {
                k: ModelText(m.name, m.summary, tuple(m.pros), tuple(m.cons))
                for k, m in models.models.items()
            }
        ),
        reasons=frozen(
            {(m, c): text for m, texts in reference.reasons.items() for c, text in texts.items()}
        ),
        sectors=frozen(labels.sectors),
        stages=frozen(labels.stages),
        agreement=frozen(labels.agreement),
        events=frozen(labels.events),
        considerations=frozen({k: (c.topic, c.text) for k, c in labels.considerations.items()}),
        sources=frozen(
            {
                k: SourceText(" ".join(s.gloss.split()), s.publisher)
                for k, s in sources.sources.items()
            }
        ),
        plan=plan,
    )


def read_translation(
    directory: Path, language: str, english: Catalogue, problems: list[CatalogueProblem]
) -> CatalogueText | None:
    """criteria/<language>/ read and checked against the English; None when it has problems
    (they go to `problems`, each naming the file and the key)."""
    folder, shown = directory / language, f"{directory.name}/{language}"
    found = len(problems)
    criteria = read_file(folder, "criteria.yaml", CriteriaFile, problems, shown)
    models = read_file(folder, "models.yaml", ModelsFile, problems, shown)
    reference = read_file(folder, "reference_profile.yaml", ReferenceFile, problems, shown)
    labels = read_file(folder, "labels.yaml", LabelsFile, problems, shown)
    sources = read_file(folder, "sources.yaml", SourcesFile, problems, shown)
    # The planning texts are only shaped here; load_planning checks them against the English
    # planning files (app.catalogue.planning_translation.check_plan_text).
    plan = read_plan_text(folder, shown, problems)
    if criteria is None or models is None or reference is None or labels is None:
        return None
    if sources is None or plan is None:
        return None
    files = (criteria, models, reference, labels)
    _check(shown, english, files, problems)
    _check_sources(f"{shown}/sources.yaml", english, sources, problems)
    return None if len(problems) > found else _to_domain(language, files, sources, plan)
