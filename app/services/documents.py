"""What a workshop record needs before it becomes a rationale document: the catalogue's sources
(the bibliography it cites), considerations and event labels, the backbone plan the workshop was
made from, if any, and the instance's signature. A decided workshop's record is sealed once, in
the decision's transaction (`seal`), and every later document is made from that seal."""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass, replace

from sqlmodel import Session

from app.domain.catalogue import Catalogue
from app.domain.planning.catalogue import PlanningCatalogue
from app.domain.record import Provenance, Record
from app.domain.record_format import record_data
from app.domain.record_format.signing import KeyRing
from app.domain.record_format.snapshot import freeze, thaw
from app.persistence import repository as repo
from app.services.planning import read_plan_summary
from app.services.results_cache import LruCache


@dataclass(frozen=True)
class Archive:
    """What sealing, signing and checking records takes besides the database (built once at
    start-up from the settings and the catalogue files)."""

    catalogue: Catalogue
    planning: PlanningCatalogue
    keys: KeyRing
    refuse_unverified: bool = False


def make_archive(
    catalogue: Catalogue,
    planning: PlanningCatalogue,
    signing_seed: bytes,
    trusted_keys: list[str],
    refuse_unverified: bool = False,
) -> Archive:
    """The archive from the settings' values (an unreadable trusted key stops the start)."""
    keys = KeyRing.from_texts(signing_seed, trusted_keys)
    return Archive(catalogue, planning, keys, refuse_unverified)


def for_documents(session: Session, record: Record, archive: Archive) -> Record:
    """The record with what it takes from the catalogue and its plan, signed. A sealed record
    is returned as it was sealed. The caller has checked access to the workshop
    (services.results.workshop_record or transfer.participant_record)."""
    if record.sealed is not None:
        return record
    with session.begin():
        full = with_catalogue(session, record, archive)
    if full.copy_of is not None:  # a participant's copy is not the record: never signed as it
        return full
    return replace(full, sealed=archive.keys.sign(record_data(full)))


def with_catalogue(session: Session, record: Record, archive: Archive) -> Record:
    """`for_documents` inside the caller's transaction, unsigned."""
    catalogue = archive.catalogue
    return replace(
        record,
        sources=catalogue.sources,
        considerations=catalogue.considerations,
        event_labels=catalogue.event_labels,
        plan=read_plan_summary(session, catalogue, archive.planning, record.workshop.id),
    )


def seal(session: Session, record: Record, archive: Archive, signed: dict | None = None) -> Record:
    """Store the record as it is now, with its signed JSON form (or `signed`, an imported file's
    own), inside the caller's transaction; from here on its documents never change."""
    data = signed if signed is not None else archive.keys.sign(record_data(record))
    repo.add_snapshot(
        session,
        record.workshop.id,
        fingerprint=str(data["fingerprint"]),
        record=json.dumps(data, ensure_ascii=False, sort_keys=True),
        document=freeze(record),
    )
    return replace(record, sealed=data)


# A sealed record never changes, and thawing one (its stored JSON back into the record's
# objects) is the costly part of reading it: about 70 ms for 30 x 15 x 8. Six PDFs asked for at
# once thawed it six times on the server's interpreter and held a room's saves up for 0.6 s
# (bench/load.py --pdfs 6). Thawed once per stored text, then shared: treat it as read-only.
THAWED: LruCache[Record] = LruCache(max_entries=16, max_bytes=64 * 1024 * 1024)


def sealed_record(session: Session, workshop_id: int) -> Record | None:
    """The sealed record of a decided workshop (None before the decision), with the provenance
    of an imported one, inside the caller's transaction."""
    row = repo.snapshot(session, workshop_id)
    if row is None:
        return None
    text = row.document
    key = hashlib.sha256(text.encode()).digest()
    return replace(
        THAWED.get_or_compute(key, lambda: thaw(text), lambda _: 4 * len(text)),
        sealed=json.loads(row.record),
        provenance=provenance_of(session, workshop_id),
    )


def provenance_of(session: Session, workshop_id: int) -> Provenance | None:
    row = repo.provenance(session, workshop_id)
    if row is None:
        return None
    return Provenance(row.source_fingerprint, row.verified, row.signed_by, row.message)
