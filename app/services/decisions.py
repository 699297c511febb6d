"""Recording the group's decision: once, with its reasons, closing the workshop to input."""

from __future__ import annotations

from sqlmodel import Session

from app.domain.decision import check_can_decide, check_departure, rank_by_method, top_of
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.workshop import Decision, Stage, check_decision
from app.persistence import repository as repo
from app.services.mapping import load_workshop, to_decision
from app.services.results import method_inputs, method_inputs_of
from app.services.workshops import owned_row

LIMITS = {"rationale": 10000, "dissent": 10000, "conditions": 5000, "departure_reason": 5000}


def record_decision(
    session: Session,
    owner_id: int,
    decided_by: int,
    workshop_id: int,
    option: str,
    rationale: str,
    agreement: str | None = None,
    dissent: str | None = None,
    conditions: str | None = None,
    departure_reason: str | None = None,
) -> Decision:
    texts = {
        "rationale": (rationale or "").strip(),
        "dissent": (dissent or "").strip(),
        "conditions": (conditions or "").strip(),
        "departure_reason": (departure_reason or "").strip(),
    }
    for field, text in texts.items():
        if len(text) > LIMITS[field]:
            raise InvalidInput(
                f"The {field} may have at most {LIMITS[field]} characters.", field=field
            )
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        if repo.decision(session, workshop_id) is not None:
            raise Conflict("This workshop's decision is recorded already.")
        people = repo.participants(session, workshop_id)
        workshop, snapshot = load_workshop(session, row, people=people)
        check_can_decide(Stage(row.stage), bool(snapshot.weights or snapshot.ratings))
        extra = method_inputs(session, row, workshop, people)
        ranking = rank_by_method(
            workshop.criteria,
            workshop.options,
            method_inputs_of(workshop, snapshot, extra),
            extra.settings,
            len(workshop.participants),
        )
        top = top_of(ranking)
        check_decision(
            option, texts["rationale"], agreement or None, [o.key for o in workshop.options]
        )
        check_departure(option, top, texts["departure_reason"])
        decision = repo.add_decision(
            session,
            workshop_id,
            option_key=option,
            rationale=texts["rationale"],
            departure_reason=texts["departure_reason"],
            agreement=agreement or None,
            dissent=texts["dissent"],
            conditions=texts["conditions"],
            top_option_keys=top,
            decided_by=decided_by,
        )
        repo.update_workshop(session, row, stage=Stage.DECIDED.value)
        repo.bump_revision(session, workshop_id)
        repo.add_event(session, workshop_id, "decided", option)
        return to_decision(decision, workshop.options)


def get_decision(session: Session, owner_id: int, workshop_id: int) -> Decision:
    with session.begin():
        row = owned_row(session, owner_id, workshop_id)
        decision = repo.decision(session, workshop_id)
        if decision is None:
            raise NotFound("No decision has been recorded for this workshop yet.")
        workshop, _ = load_workshop(session, row)
        return to_decision(decision, workshop.options)
