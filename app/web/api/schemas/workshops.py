"""Schemas of /workshops: a workshop, its criteria and options, the list of workshops."""

from __future__ import annotations

from datetime import datetime

from pydantic import BaseModel

from app.domain.workshop import Item, Workshop, WorkshopSummary
from app.web.api.schemas import Body


class WorkshopCreate(Body):
    title: str
    template: str
    goal: str | None = None
    convener: str | None = None
    anonymous: bool = False


class WorkshopUpdate(Body):
    title: str | None = None
    goal: str | None = None
    convener: str | None = None
    stage: str | None = None
    # "option" (default): participants rate one option at a time; "criterion": one criterion.
    rating_order: str | None = None


class CriterionCreate(Body):
    name: str
    direction: str
    description: str | None = None
    # What to ask about it, and what ratings of 1, 3 and 5 mean (keys "1", "3", "5").
    guiding_questions: list[str] | None = None
    scale: dict[str, str] | None = None


class OptionCreate(Body):
    name: str
    description: str | None = None


class ItemRefPublic(BaseModel):
    key: str
    name: str


class CriterionRefPublic(ItemRefPublic):
    direction: str


class ItemPublic(BaseModel):
    key: str
    name: str
    description: str
    direction: str | None = None
    custom: bool
    guiding_questions: list[str] | None = None
    scale: dict[str, str] | None = None


class ParticipantPublic(BaseModel):
    id: int
    name: str
    sector: str
    submitted: bool


class WorkshopListedPublic(BaseModel):
    id: int
    title: str
    stage: str
    join_code: str
    created_at: datetime


class WorkshopPublic(BaseModel):
    id: int
    title: str
    goal: str
    convener: str
    template: str
    stage: str
    join_code: str
    anonymous: bool
    criteria: list[CriterionRefPublic]
    options: list[ItemRefPublic]
    participants: list[ParticipantPublic]
    created_at: datetime
    rating_order: str = "option"


def workshop_public(w: Workshop) -> WorkshopPublic:
    return WorkshopPublic(
        id=w.id,
        title=w.title,
        goal=w.goal,
        convener=w.convener,
        template=w.template,
        stage=w.stage.value,
        join_code=w.join_code,
        anonymous=w.anonymous,
        criteria=[
            CriterionRefPublic(key=c.key, name=c.name, direction=c.direction) for c in w.criteria
        ],
        options=[ItemRefPublic(key=o.key, name=o.name) for o in w.options],
        participants=[
            ParticipantPublic(id=p.id, name=p.name, sector=p.sector, submitted=p.submitted)
            for p in w.participants
        ],
        created_at=w.created_at,
        rating_order=str(w.settings.get("rating_order", "option")),
    )


def listed_public(w: WorkshopSummary) -> WorkshopListedPublic:
    return WorkshopListedPublic(
        id=w.id, title=w.title, stage=w.stage.value, join_code=w.join_code, created_at=w.created_at
    )


def item_public(item: Item, with_direction: bool) -> ItemPublic:
    """A new criterion (with its direction) or option (without), as the API answers its POST."""
    return ItemPublic(
        key=item.key,
        name=item.name,
        description=item.description,
        direction=item.direction if with_direction else None,
        custom=item.custom,
        guiding_questions=item.details.get("guiding_questions") if with_direction else None,
        scale=item.details.get("scale") if with_direction else None,
    )
