"""State health department planning use cases: a planner's drafts, their answers, the backbone
plan, and turning a plan into a workshop. Each use case is one transaction."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from sqlmodel import Session

from app.domain import planning as P
from app.domain.catalogue import Catalogue
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.planning.catalogue import PlanningCatalogue
from app.persistence import repository as repo
from app.persistence.repository import as_utc
from app.persistence.tables import PlanRow
from app.services.workshops import clean_text, insert_workshop

# What a workshop made from a plan keeps in its settings JSON (read by the workshop page).
PROPOSED_WEIGHTS = "proposed_weights"
PLAN_ID = "plan_id"


@dataclass(frozen=True)
class PlanRecord:
    id: int
    title: str
    answers: Mapping[str, str]
    state: P.PlanState
    workshop_id: int | None
    created_at: datetime
    updated_at: datetime


@dataclass(frozen=True)
class PlanView:
    """A plan with everything computed from it, for the API and the pages."""

    record: PlanRecord
    models: Mapping[str, str]
    summary: P.PlanSummary
    cases: tuple[P.CaseMatch, ...]
    leading: P.Leading
    proposal: P.Proposal


def model_names(catalogue: Catalogue, planning: PlanningCatalogue) -> dict[str, str]:
    """The models a plan chooses among (the planning template's), in order, with names."""
    return {k: catalogue.models[k].name for k in catalogue.template(planning.template).models}


def build_view(record: PlanRecord, catalogue: Catalogue, planning: PlanningCatalogue) -> PlanView:
    names = model_names(catalogue, planning)
    found = P.consequences(planning, record.answers)
    return PlanView(
        record=record,
        models=names,
        summary=P.plan_summary(planning, record.title, record.answers, record.state, names),
        cases=tuple(P.rank_cases(planning, record.answers)),
        leading=P.leading_model(planning, record.answers, list(names), record.state.model),
        proposal=P.propose_workshop(
            catalogue.template(planning.template).criteria, found, list(catalogue.criteria)
        ),
    )


def _record(row: PlanRow) -> PlanRecord:
    assert row.id is not None
    return PlanRecord(
        id=row.id,
        title=row.title,
        answers=dict(row.answers or {}),
        state=P.PlanState.from_json(row.plan),
        workshop_id=row.workshop_id,
        created_at=as_utc(row.created_at),
        updated_at=as_utc(row.updated_at),
    )


def _owned(session: Session, owner_id: int, plan_id: int, lock: bool = False) -> PlanRow:
    row = repo.plan(session, plan_id, lock)
    if row is None or row.owner_id != owner_id:
        raise NotFound(f"No plan {plan_id}.")
    return row


def _save(
    session: Session, row: PlanRow, state: P.PlanState | None = None, **values: Any
) -> PlanRecord:
    if state is not None:
        values["plan"] = state.to_json()  # a new dict, so the JSON column is marked changed
    return _record(repo.save_plan(session, row, **values))


def create_plan(session: Session, owner_id: int, title: str) -> PlanRecord:
    title = clean_text(title, "title", 200, required=True)
    with session.begin():
        return _record(repo.add_plan(session, owner_id, title, P.PlanState().to_json()))


def list_plans(session: Session, owner_id: int) -> list[PlanRecord]:
    with session.begin():
        repo.read_only(session)
        return [_record(r) for r in repo.plans_of(session, owner_id)]


def get_plan(session: Session, owner_id: int, plan_id: int) -> PlanRecord:
    with session.begin():
        return _record(_owned(session, owner_id, plan_id))


def record_answers(
    session: Session,
    planning: PlanningCatalogue,
    owner_id: int,
    plan_id: int,
    answers: Mapping[str, Any],
) -> PlanRecord:
    """Merge answers into the plan: a question given null or "" becomes unanswered."""
    checked = P.check_answers(planning, answers)
    cleared = {k for k, v in answers.items() if v in (None, "")}
    with session.begin():
        row = _owned(session, owner_id, plan_id, lock=True)
        merged = {k: v for k, v in (row.answers or {}).items() if k not in cleared}
        merged.update(checked)
        return _save(session, row, answers=merged)


def update_plan(
    session: Session,
    catalogue: Catalogue,
    planning: PlanningCatalogue,
    owner_id: int,
    plan_id: int,
    changes: Mapping[str, Any],
) -> PlanRecord:
    """Apply the given parts of the plan: title, model, carriers, staff, selection,
    reports_to, phases_done. Absent keys stay as they are; `model: null` un-chooses."""
    models = list(model_names(catalogue, planning))
    with session.begin():
        row = _owned(session, owner_id, plan_id, lock=True)
        state = P.PlanState.from_json(row.plan)
        values: dict[str, Any] = {}
        if "title" in changes:
            values["title"] = clean_text(changes["title"], "title", 200, required=True)
        if "model" in changes:
            state = replace(state, model=P.check_model(changes["model"], models))
        if changes.get("carriers") is not None:
            carriers = P.check_carriers(planning, changes["carriers"])
            state = replace(state, carriers={**state.carriers, **carriers})
        if changes.get("staff") is not None:
            staff = P.check_staff(planning, changes["staff"])
            state = replace(state, staff={**state.staff, **staff})
        if changes.get("selection") is not None:
            picked = P.check_selection(planning, changes["selection"])
            kept = {k: v for k, v in state.selection.items() if k not in changes["selection"]}
            state = replace(state, selection={**kept, **picked})
        if changes.get("reports_to") is not None:
            text = str(changes["reports_to"]).strip()
            if len(text) > 200:
                raise InvalidInput("At most 200 characters.", field="reports_to")
            state = replace(state, reports_to=text)
        if changes.get("phases_done") is not None:
            state = replace(state, phases_done=P.check_phases(planning, changes["phases_done"]))
        return _save(session, row, state, **values)


def set_budget(
    session: Session,
    planning: PlanningCatalogue,
    owner_id: int,
    plan_id: int,
    lines: Sequence[Mapping[str, Any]],
    adjustment: Mapping[str, Any] | None = None,
) -> PlanRecord:
    """Replace the plan's budget edits: reference lines not listed (or with no amount) go
    back to the reference amount; lines with a label and an unknown key are added. With
    `adjustment` ({year, factor}, both empty for none) the planner's price year is replaced
    too; without it the plan keeps the one it has."""
    amounts, custom = P.check_budget_lines(planning, lines)
    changes: dict[str, Any] = {"amounts": amounts, "custom_lines": custom}
    if adjustment is not None:
        changes["adjustment"] = P.check_adjustment(
            planning, adjustment.get("year"), adjustment.get("factor")
        )
    with session.begin():
        row = _owned(session, owner_id, plan_id, lock=True)
        state = replace(P.PlanState.from_json(row.plan), **changes)
        return _save(session, row, state)


@dataclass(frozen=True)
class Converted:
    workshop_id: int
    plan_id: int
    proposal: P.Proposal


def convert_to_workshop(
    session: Session,
    catalogue: Catalogue,
    planning: PlanningCatalogue,
    owner_id: int,
    plan_id: int,
    title: str | None = None,
) -> Converted:
    """Open a workshop from the plan: the planning template's criteria plus those the answers
    ask to weigh more, with the proposed weights and the plan's id in its settings. The plan,
    the workshop and the link between them are written in one transaction."""
    with session.begin():
        row = _owned(session, owner_id, plan_id, lock=True)
        if row.workshop_id is not None:
            raise Conflict(f"This plan already became workshop {row.workshop_id}.")
        record = _record(row)
        found = P.consequences(planning, record.answers)
        proposal = P.propose_workshop(
            catalogue.template(planning.template).criteria, found, list(catalogue.criteria)
        )
        workshop = insert_workshop(
            session,
            catalogue,
            owner_id,
            (title or "").strip() or f"Backbone choice: {record.title}",
            planning.template,
            extra_criteria=proposal.criteria,
            settings={PROPOSED_WEIGHTS: dict(proposal.points), PLAN_ID: record.id},
        )
        assert workshop.id is not None
        _save(session, row, workshop_id=workshop.id)
        return Converted(workshop.id, record.id, proposal)


def plan_summary_for_workshop(
    session: Session, catalogue: Catalogue, planning: PlanningCatalogue, workshop_id: int
) -> P.PlanSummary | None:
    """The summary of the plan a workshop was made from (for its rationale documents), or None
    when the workshop did not come from a plan. The caller has checked access to the workshop."""
    with session.begin():
        return read_plan_summary(session, catalogue, planning, workshop_id)


def read_plan_summary(
    session: Session, catalogue: Catalogue, planning: PlanningCatalogue, workshop_id: int
) -> P.PlanSummary | None:
    """`plan_summary_for_workshop` inside the caller's transaction (the decision's seal)."""
    row = repo.plan_for_workshop(session, workshop_id)
    if row is None:
        return None
    record = _record(row)
    names = model_names(catalogue, planning)
    return P.plan_summary(planning, record.title, record.answers, record.state, names)
