"""Workshop use cases for facilitators: create from a template, edit, move through the stages."""

from __future__ import annotations

from typing import Any

from sqlmodel import Session

from app import security
from app.domain.catalogue import Catalogue
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.keys import unique_key
from app.domain.limits import MAX_CRITERIA, MAX_OPTIONS
from app.domain.progress import RATING_ORDERS
from app.domain.workshop import (
    Item,
    Stage,
    Workshop,
    WorkshopSummary,
    check_can_edit_items,
    check_stage_change,
)
from app.persistence import repository as repo
from app.persistence.repository import as_utc
from app.persistence.tables import WorkshopRow
from app.services.mapping import load_workshop, to_item

# Each kind of item with the article its sentences need.
KINDS = {"criterion": "a criterion", "option": "an option"}


def unused_join_code(session: Session) -> str:
    """A new join code no workshop has yet."""
    code = security.new_join_code()
    while repo.workshop_by_code(session, code) is not None:
        code = security.new_join_code()
    return code


def clean_text(value: str | None, field: str, limit: int, required: bool = False) -> str:
    """The text stripped; 422 naming the field when required and empty, or too long."""
    text = (value or "").strip()
    if required and not text:
        raise InvalidInput(f"The {field} is required.", field=field)
    if len(text) > limit:
        raise InvalidInput(f"The {field} may have at most {limit} characters.", field=field)
    return text


def owned_row(session: Session, owner_id: int, workshop_id: int, lock: bool = False) -> WorkshopRow:
    """The workshop if the facilitator owns it; anyone else is told it does not exist."""
    row = (
        repo.workshop_for_update(session, workshop_id)
        if lock
        else repo.workshop(session, workshop_id)
    )
    if row is None or row.owner_id != owner_id:
        raise NotFound(f"No workshop {workshop_id}.")
    return row


def _catalogue_items(
    catalogue: Catalogue, template_key: str, extra_criteria: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """The template's criteria (plus any extra catalogue criteria) and models as the fields of
    item rows: copied, not referenced, so a workshop keeps what it used."""
    template = catalogue.templates.get(template_key)
    if template is None:
        raise InvalidInput(
            f"Unknown template '{template_key}'. Choose one of: {', '.join(catalogue.templates)}.",
            field="template",
        )
    criteria = template.criteria + tuple(
        k for k in extra_criteria if k in catalogue.criteria and k not in template.criteria
    )
    rows: list[dict[str, Any]] = []
    for position, key in enumerate(criteria):
        c = catalogue.criteria[key]
        rows.append(
            dict(
                kind="criterion",
                key=c.key,
                position=position,
                name=c.name,
                description=c.description,
                direction=c.direction,
                details={
                    "guiding_questions": list(c.guiding_questions),
                    "scale": dict(c.scale_dict()),
                    "sources": list(c.sources),
                },
            )
        )
    for position, key in enumerate(template.models):
        m = catalogue.models[key]
        reference = {}
        for ckey in criteria:
            ref = catalogue.reference_for(m.key, ckey)
            if ref is not None:
                reference[ckey] = {"rating": ref.rating, "reason": ref.reason}
        rows.append(
            dict(
                kind="option",
                key=m.key,
                position=position,
                name=m.name,
                description=m.summary,
                details={
                    "pros": list(m.pros),
                    "cons": list(m.cons),
                    "examples": list(m.examples),
                    "sources": list(m.sources),
                    "reference": reference,
                },
            )
        )
    return rows


def create_workshop(
    session: Session,
    catalogue: Catalogue,
    owner_id: int,
    title: str,
    template: str,
    goal: str | None = None,
    convener: str | None = None,
    anonymous: bool = False,
) -> Workshop:
    with session.begin():
        row = insert_workshop(
            session,
            catalogue,
            owner_id,
            title,
            template,
            goal=goal,
            convener=convener,
            anonymous=anonymous,
        )
        return load_workshop(session, row)[0]


def list_workshops(session: Session, owner_id: int) -> list[WorkshopSummary]:
    with session.begin():
        repo.read_only(session)
        return [
            WorkshopSummary(
                id=r.id or 0,
                title=r.title,
                stage=Stage(r.stage),
                join_code=r.join_code,
                created_at=as_utc(r.created_at),
            )
            for r in repo.workshops_of(session, owner_id)
        ]


def get_workshop(session: Session, owner_id: int, workshop_id: int) -> Workshop:
    with session.begin():
        return load_workshop(session, owned_row(session, owner_id, workshop_id))[0]


def update_workshop(
    session: Session,
    owner_id: int,
    workshop_id: int,
    *,
    title: str | None = None,
    goal: str | None = None,
    convener: str | None = None,
    stage: str | None = None,
    results_visible: bool | None = None,
    rating_order: str | None = None,
) -> Workshop:
    target: Stage | None = None
    if rating_order is not None and rating_order not in RATING_ORDERS:
        raise InvalidInput(f"Rate by one of: {', '.join(RATING_ORDERS)}.", field="rating_order")
    if stage is not None:
        try:
            target = Stage(stage)
        except ValueError:
            raise InvalidInput(
                f"Unknown stage '{stage}'. Stages: {', '.join(s.value for s in Stage)}.",
                field="stage",
            ) from None
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        current = Stage(row.stage)
        if current == Stage.DECIDED:
            raise Conflict("The workshop is decided and can no longer change.")
        changes: dict[str, Any] = {}
        if rating_order is not None:
            # How participants step through the ratings: an option, or a criterion, at a time.
            changes["settings"] = {**(row.settings or {}), "rating_order": rating_order}
        if title is not None:
            changes["title"] = clean_text(title, "title", 200, required=True)
        if goal is not None:
            changes["goal"] = clean_text(goal, "goal", 2000)
        if convener is not None:
            changes["convener"] = clean_text(convener, "convener", 200)
        if target is not None and target != current:
            check_stage_change(current, target)
            changes["stage"] = target.value
            repo.add_event(session, workshop_id, "stage", target.value)
        if results_visible is not None and results_visible != row.results_visible:
            changes["results_visible"] = results_visible
            if results_visible:
                repo.add_event(session, workshop_id, "revealed")
            else:
                repo.add_event(session, workshop_id, "hidden")
        repo.update_workshop(session, row, **changes)
        repo.bump_revision(session, workshop_id)
        return load_workshop(session, row)[0]


def add_item(
    session: Session,
    owner_id: int,
    workshop_id: int,
    kind: str,
    name: str,
    description: str | None = None,
    direction: str | None = None,
    details: dict[str, Any] | None = None,
) -> Item:
    """A criterion or option of the facilitator's own; a criterion may bring its guiding
    questions and anchors (`custom_criterion_details`)."""
    assert kind in KINDS
    name = clean_text(name, "name", 200, required=True)
    description = clean_text(description, "description", 2000)
    if kind == "criterion":
        direction = (direction or "").strip().lower()
        if direction not in ("benefit", "cost"):
            raise InvalidInput("Direction must be 'benefit' or 'cost'.", field="direction")
    else:
        direction = "benefit"
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        check_can_edit_items(Stage(row.stage), repo.has_input(session, workshop_id))
        existing = repo.items(session, workshop_id, kind)
        most = MAX_CRITERIA if kind == "criterion" else MAX_OPTIONS
        if len(existing) >= most:
            noun = "criteria" if kind == "criterion" else "options"
            raise Conflict(f"A workshop holds at most {most} {noun}.", field="name")
        if any(e.name.lower() == name.lower() for e in existing):
            raise InvalidInput(
                f"This workshop already has {KINDS[kind]} named '{name}'.", field="name"
            )
        new = repo.add_item(
            session,
            workshop_id,
            kind=kind,
            key=unique_key(name, {e.key for e in existing}),
            position=max((e.position for e in existing), default=-1) + 1,
            name=name,
            description=description,
            direction=direction,
            custom=True,
            details=details or {},
        )
        repo.bump_revision(session, workshop_id)
        repo.add_event(session, workshop_id, f"{kind}-added", name)
        return to_item(new)


def remove_item(session: Session, owner_id: int, workshop_id: int, kind: str, key: str) -> None:
    assert kind in KINDS
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        target = repo.item(session, workshop_id, kind, key)
        if target is None:
            raise NotFound(f"No {kind} '{key}' in this workshop.")
        check_can_edit_items(Stage(row.stage), repo.has_input(session, workshop_id))
        if len(repo.items(session, workshop_id, kind)) <= 1:
            raise InvalidInput(f"A workshop needs at least one {kind}.", field="key")
        repo.delete_item(session, target)
        repo.bump_revision(session, workshop_id)
        repo.add_event(session, workshop_id, f"{kind}-removed", target.name)


def insert_workshop(
    session: Session,
    catalogue: Catalogue,
    owner_id: int,
    title: str,
    template: str,
    *,
    goal: str | None = None,
    convener: str | None = None,
    anonymous: bool = False,
    extra_criteria: tuple[str, ...] = (),
    settings: dict[str, object] | None = None,
) -> WorkshopRow:
    """Add a workshop inside the caller's transaction, copying the template's items (plus any
    extra catalogue criteria) and initial settings such as a plan's proposed weights."""
    title = clean_text(title, "title", 200, required=True)
    goal_text, convener_text = clean_text(goal, "goal", 2000), clean_text(convener, "convener", 200)
    item_rows = _catalogue_items(catalogue, template, extra_criteria)
    fields = {
        "owner_id": owner_id,
        "title": title,
        "goal": goal_text,
        "convener": convener_text,
        "template": template,
        "join_code": unused_join_code(session),
        "anonymous": anonymous,
        "settings": dict(settings or {}),
    }
    row = repo.add_workshop(session, fields, item_rows)
    repo.add_event(session, row.id or 0, "created", title)
    return row
