"""Schemas of /catalog: criteria, backbone models, templates, sectors and the planning cases."""

from __future__ import annotations

from typing import Literal

from pydantic import BaseModel


class CriterionPublic(BaseModel):
    key: str
    name: str
    description: str
    direction: Literal["benefit", "cost"]
    guiding_questions: list[str]
    scale: dict[str, str]
    sources: list[str]


class ModelPublic(BaseModel):
    key: str
    name: str
    summary: str
    pros: list[str]
    cons: list[str]
    examples: list[str]
    sources: list[str]


class TemplatePublic(BaseModel):
    key: str
    name: str
    description: str
    criteria: list[str]
    models: list[str]


class SectorPublic(BaseModel):
    key: str
    name: str


class CasePublic(BaseModel):
    key: str
    name: str
    kind: str
    model: str
    summary: str
    lessons: list[str]
    features: dict[str, str]
    not_known: list[str]
    sources: list[str]
