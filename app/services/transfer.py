"""Records in and out: a participant's copy of the decided record, and importing a JSON record
back as a new workshop (one transaction; a malformed or tampered file writes nothing)."""

from __future__ import annotations

import json
from dataclasses import dataclass

from sqlmodel import Session

from app import security
from app.domain.errors import Conflict, InvalidInput, NotFound
from app.domain.followup import check_date
from app.domain.record import Record, participant_copy
from app.domain.record_format import parse_record, when
from app.domain.record_format.reading import ParticipantIn, RecordIn
from app.domain.record_format.signing import Check
from app.domain.workshop import Stage, Workshop
from app.persistence import repository as repo
from app.services.documents import Archive, seal, with_catalogue
from app.services.mapping import load_workshop
from app.services.participation import ParticipantIdentity
from app.services.results import live_record, record_of
from app.services.workshops import unused_join_code


def participant_record(session: Session, me: ParticipantIdentity, workshop_id: int) -> Record:
    """A participant's copy of the record: only their own workshop, only once it is decided,
    and of raw input only their own (domain.record.participant_copy)."""
    with session.begin():
        row = repo.workshop(session, workshop_id)
        if row is None or me.workshop_id != workshop_id:
            raise NotFound(f"No workshop {workshop_id}.")
        if row.stage != Stage.DECIDED:
            raise Conflict("The rationale can be downloaded once the group records its decision.")
        return participant_copy(record_of(session, row), me.id)


@dataclass(frozen=True)
class Imported:
    workshop: Workshop
    check: Check


def import_record(session: Session, archive: Archive, owner_id: int, raw: bytes | str) -> Imported:
    """Create the recorded workshop again for this facilitator, ids and join code new.

    A record whose signature does not match it is refused (parse_record); one that does not
    verify under a trusted key is refused when the instance says so, or imported marked NOT
    VERIFIED. A decided record keeps the file's own signed form as its seal.
    """
    r = parse_record(raw)
    data = json.loads(raw)
    check = archive.keys.check(data)
    if not check.verified and archive.refuse_unverified:
        raise InvalidInput(
            f"{check.message} This instance imports only records signed by a key it trusts.",
            field="signature",
        )
    w = r.workshop
    with session.begin():
        created = when(w.created_at, "workshop.created_at")
        fields = {
            "owner_id": owner_id,
            "title": w.title,
            "goal": w.goal,
            "convener": w.convener,
            "template": w.template,
            "stage": w.stage,
            "join_code": unused_join_code(session),
            "anonymous": w.anonymous,
            "settings": w.settings,
            "created_at": created,
            "updated_at": created,
        }
        row = repo.add_workshop(session, fields, _items(r))
        assert row.id is not None
        for p in r.participants:
            _add_participant(session, row.id, p)
        if r.decision is not None:
            d = r.decision
            repo.add_decision(
                session,
                row.id,
                option_key=d.option,
                rationale=d.rationale,
                departure_reason=d.departure_reason,
                agreement=d.agreement,
                dissent=d.dissent,
                conditions=d.conditions,
                top_option_keys=list(d.top_options),
                decided_by=owner_id,
                decided_at=when(d.decided_at, "decided_at"),
                approvers=[{"name": a.name, "title": a.title} for a in d.approvers],
                review_on=check_date(d.review_on, "review_on"),
            )
            repo.add_follow_ups(
                session,
                row.id,
                [
                    {
                        "kind": f.kind,
                        "text": f.text,
                        "owner": f.owner,
                        "due": check_date(f.due, "due"),
                    }
                    for f in d.follow_ups
                ],
            )
        repo.copy_events(session, row.id, ((e.kind, e.detail, when(e.at, "at")) for e in r.events))
        repo.add_provenance(
            session,
            row.id,
            source_fingerprint=check.fingerprint,
            verified=check.verified,
            signed_by=check.signed_by,
            message=check.message[:300],
        )
        status = "verified" if check.verified else "NOT VERIFIED"
        repo.add_event(session, row.id, "imported", f"{check.fingerprint} ({status})")
        if r.decision is not None:
            record = with_catalogue(session, live_record(session, row), archive)
            seal(session, record, archive, signed=data)
        return Imported(load_workshop(session, row)[0], check)


def _items(r: RecordIn) -> list[dict[str, object]]:
    return [
        {
            "kind": kind,
            "key": item.key,
            "position": position,
            "name": item.name,
            "description": item.description,
            "direction": item.direction if kind == "criterion" else "benefit",
            "custom": item.custom,
            "details": item.details,
        }
        for kind, items in (("criterion", r.criteria), ("option", r.options))
        for position, item in enumerate(items)
    ]


def _add_participant(session: Session, workshop_id: int, p: ParticipantIn) -> None:
    # Nobody can act as an imported participant: the token is never shown.
    person = repo.add_participant(
        session,
        workshop_id,
        name=p.name,
        sector=p.sector,
        token_hash=security.token_hash(security.new_token()),
        weight=p.influence,
        joined_at=when(p.joined_at, "joined_at"),
    )
    if p.elicitation is not None:
        repo.save_elicitation(session, person, p.elicitation.method, p.elicitation.payload)
    repo.replace_weights(session, person, dict(p.points))
    cells = {
        (option, criterion): (value, p.comments.get(option, {}).get(criterion, ""))
        for option, row_body in p.ratings.items()
        for criterion, value in row_body.items()
    }
    repo.upsert_ratings(session, person, cells)
