"""What a workshop record needs before it becomes a rationale document: the catalogue's sources
(the bibliography it cites), considerations and event labels, and the backbone plan the
workshop was made from, if any."""

from __future__ import annotations

from dataclasses import replace

from sqlmodel import Session

from app.domain.catalogue import Catalogue
from app.domain.planning.catalogue import PlanningCatalogue
from app.domain.record import Record
from app.services.planning import plan_summary_for_workshop


def for_documents(
    session: Session, record: Record, catalogue: Catalogue, planning: PlanningCatalogue
) -> Record:
    """The record with what it takes from the catalogue and its plan. The caller has checked
    access to the workshop (services.results.workshop_record or transfer.participant_record)."""
    plan = plan_summary_for_workshop(session, catalogue, planning, record.workshop.id)
    return replace(
        record,
        sources=catalogue.sources,
        considerations=catalogue.considerations,
        event_labels=catalogue.event_labels,
        plan=plan,
    )
