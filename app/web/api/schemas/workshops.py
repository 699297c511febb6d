"""Schemas of /workshops: a workshop, its criteria and options, the list of workshops."""

from __future__ import annotations

from datetime import datetime
from typing import Annotated

from pydantic import BaseModel, Field

from app.domain import limits
from app.domain.workshop import Item, Stage, Workshop, WorkshopSummary
from app.web.api.schemas import Body, Key, Short, Text, Title, one_of

Direction = Annotated[str, one_of(("benefit", "cost"))]
StageName = Annotated[str, one_of(s.value for s in Stage)]
Questions = Annotated[list[Text], Field(max_length=limits.MAX_GUIDING_QUESTIONS)]
Anchors = Annotated[dict[Annotated[str, one_of(("1", "3", "5"))], Text], Field(max_length=3)]


class WorkshopCreate(Body):
    title: Title
    template: Key
    goal: Text | None = None
    convener: Short | None = None
    anonymous: bool = False


class WorkshopUpdate(Body):
    title: Title | None = None
    goal: Text | None = None
    convener: Short | None = None
    stage: StageName | None = None
    results_visible: bool | None = None
    # "option" (default): participants rate one option at a time; "criterion": one criterion.
    rating_order: Annotated[str, one_of(("option", "criterion"))] | None = None


class CriterionCreate(Body):
    name: Title
    direction: Direction
    description: Text | None = None
    # What to ask about it, and what ratings of 1, 3 and 5 mean (keys "1", "3", "5").
    guiding_questions: (
        Annotated[list[Text], Field(max_length=limits.MAX_GUIDING_QUESTIONS)] | None
    ) = None
    scale: (
        Annotated[dict[Annotated[str, one_of(("1", "3", "5"))], Text], Field(max_length=3)] | None
    ) = None


class OptionCreate(Body):
    name: Title
    description: Text | None = None


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
    results_visible: bool = False
    round: int = 1
    timer_ends_at: datetime | None = None
    # The decided workshop this one revisits (POST /workshops/{id}/revisit), if any.
    supersedes: int | None = None
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
        # In an anonymous workshop the database id (it grows as people arrive) is replaced by
        # the member's place in the workshop's random order.
        participants=[
            ParticipantPublic(
                id=index if w.anonymous else p.id,
                name=p.name,
                sector=p.sector,
                submitted=p.submitted,
            )
            for index, p in enumerate(w.participants, start=1)
        ],
        created_at=w.created_at,
        results_visible=w.results_visible,
        round=w.round,
        timer_ends_at=w.timer_ends_at,
        supersedes=w.supersedes,
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
