"""Recording the group's decision: once, with its reasons, closing the workshop to input."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

from sqlmodel import Session

from app.domain.decision import check_can_decide, check_departure, rank_by_method, top_of
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.followup import check_approvers, check_date, check_follow_ups, review_date
from app.domain.workshop import Decision, Stage, check_decision
from app.persistence import repository as repo
from app.persistence.tables import WorkshopRow
from app.services.documents import Archive, seal, with_catalogue
from app.services.mapping import load_workshop
from app.services.results import ResultsView, live_record, method_inputs, method_inputs_of
from app.services.workshops import owned_row

LIMITS = {"rationale": 10000, "dissent": 10000, "conditions": 5000, "departure_reason": 5000}


def record_decision(
    session: Session,
    archive: Archive,
    owner_id: int,
    decided_by: int,
    workshop_id: int,
    option: str,
    rationale: str,
    agreement: str | None = None,
    dissent: str | None = None,
    conditions: str | None = None,
    departure_reason: str | None = None,
    risks: list[dict[str, Any]] | None = None,
    next_steps: list[dict[str, Any]] | None = None,
    approvers: list[dict[str, Any]] | None = None,
    review_on: str | None = None,
) -> Decision:
    """Record the decision and seal the record in the same transaction.

    The results and their robustness (10,000 draws) are computed first, without the lock; the
    write then checks the input has not changed since and recomputes them only if it has.
    """
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
    items = check_follow_ups("condition", risks or [], "risks") + check_follow_ups(
        "step", next_steps or [], "next_steps"
    )
    signers = check_approvers(approvers or [], "approvers")
    review = check_date(review_on, "review_on") or review_date(datetime.now(UTC).date())
    with session.begin():
        repo.read_only(session)
        row = owned_row(session, owner_id, workshop_id)
        _check(session, row, option, texts, agreement)
        revision = row.revision
        draft = live_record(session, row)
    with session.begin():
        row = owned_row(session, owner_id, workshop_id, lock=True)
        top = _check(session, row, option, texts, agreement)
        unchanged = row.revision == revision
        repo.add_decision(
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
            approvers=[{"name": a.name, "title": a.title} for a in signers],
            review_on=review,
        )
        repo.add_follow_ups(
            session,
            workshop_id,
            [{"kind": i.kind, "text": i.text, "owner": i.owner, "due": i.due} for i in items],
        )
        repo.update_workshop(session, row, stage=Stage.DECIDED.value)
        repo.bump_revision(session, workshop_id)
        repo.add_event(session, workshop_id, "decided", option)
        view = ResultsView(draft.workshop, draft.results, draft.comments, draft.analysis)
        record = live_record(session, row, view if unchanged else None)
        seal(session, with_catalogue(session, record, archive), archive)
        assert record.workshop.decision is not None
        return record.workshop.decision


def _check(
    session: Session, row: WorkshopRow, option: str, texts: dict[str, str], agreement: str | None
) -> list[str]:
    """The guard (domain.decision), on the ranking by the workshop's own method; returns the
    options ranked first."""
    if repo.decision(session, row.id or 0) is not None:
        raise Conflict("This workshop's decision is recorded already.")
    people = repo.participants(session, row.id or 0)
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
    check_decision(option, texts["rationale"], agreement or None, [o.key for o in workshop.options])
    top = top_of(ranking)
    check_departure(option, top, texts["departure_reason"])
    return top


def get_decision(session: Session, owner_id: int, workshop_id: int) -> Decision:
    with session.begin():
        row = owned_row(session, owner_id, workshop_id)
        decision = repo.decision(session, workshop_id)
        if decision is None:
            raise NotFound("No decision has been recorded for this workshop yet.")
        workshop, _ = load_workshop(session, row)
        assert workshop.decision is not None
        return workshop.decision
