"""API: the catalogue of criteria, backbone models, templates and sectors (no sign-in needed)."""

from __future__ import annotations

from fastapi import APIRouter, Request, Response

from app.domain.translation import DEFAULT_LANGUAGE, check_language
from app.domain.workshop import SECTORS
from app.web.api.schemas.catalog import (
    CasePublic,
    CriterionPublic,
    ModelPublic,
    SectorPublic,
    TemplatePublic,
)
from app.web.deps import CatalogueDep, PlanningDep
from app.web.i18n import from_accept_language

router = APIRouter(prefix="/catalog", tags=["catalogue"])


@router.get("/criteria", response_model=list[CriterionPublic])
def list_criteria(catalogue: CatalogueDep) -> list[CriterionPublic]:
    return [
        CriterionPublic(
            key=c.key,
            name=c.name,
            description=c.description,
            direction=c.direction,
            guiding_questions=list(c.guiding_questions),
            scale=dict(c.scale_dict()),
            sources=list(c.sources),
        )
        for c in catalogue.criteria.values()
    ]


@router.get("/models", response_model=list[ModelPublic])
def list_models(catalogue: CatalogueDep) -> list[ModelPublic]:
    return [
        ModelPublic(
            key=m.key,
            name=m.name,
            summary=m.summary,
            pros=list(m.pros),
            cons=list(m.cons),
            examples=list(m.examples),
            sources=list(m.sources),
        )
        for m in catalogue.models.values()
    ]


@router.get("/templates", response_model=list[TemplatePublic])
def list_templates(catalogue: CatalogueDep) -> list[TemplatePublic]:
    return [
        TemplatePublic(
            key=t.key,
            name=t.name,
            description=t.description,
            criteria=list(t.criteria),
            models=list(t.models),
        )
        for t in catalogue.templates.values()
    ]


@router.get("/sectors", response_model=list[SectorPublic])
def list_sectors(
    request: Request, response: Response, catalogue: CatalogueDep, lang: str | None = None
) -> list[SectorPublic]:
    """The sectors a participant may name on joining (by key or by name, in any case), named
    in English unless `?lang=es` or, without `lang`, Accept-Language asks for Spanish (the
    names of criteria/es/labels.yaml). Another `lang` is refused naming `language`."""
    asked = request.headers.get("accept-language")
    language = check_language(lang) if lang else from_accept_language(asked)
    text = catalogue.text_in(language or DEFAULT_LANGUAGE)
    response.headers["Content-Language"] = text.language if text else DEFAULT_LANGUAGE
    response.headers["Vary"] = "Accept-Language"
    names = text.sectors if text else SECTORS
    return [SectorPublic(key=key, name=names.get(key, name)) for key, name in SECTORS.items()]


@router.get("/cases", response_model=list[CasePublic])
def list_cases(planning: PlanningDep) -> list[CasePublic]:
    """The planning cases library: the five states and the named examples of backbone types."""
    return [
        CasePublic(
            key=c.key,
            name=c.name,
            kind=c.kind,
            model=c.model,
            summary=c.summary,
            lessons=list(c.lessons),
            features=dict(c.features),
            not_known=[q for q in planning.questions if c.feature(q) is None],
            sources=list(c.sources),
        )
        for c in planning.cases.values()
    ]
