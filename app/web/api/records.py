"""API: importing a workshop's JSON record, and a participant's copy of the decided rationale."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response
from starlette.concurrency import run_in_threadpool

from app.services import transfer
from app.web.api.schemas.records import ImportedPublic
from app.web.api.schemas.workshops import workshop_public
from app.web.deps import ApiFacilitator, ApiParticipant, ArchiveDep, SessionDep
from app.web.downloads import rationale_response

router = APIRouter(prefix="/workshops", tags=["records"])

RECORD_BODY = {
    "requestBody": {
        "required": True,
        "description": "A JSON record from GET /workshops/{id}/export.json, unchanged.",
        "content": {"application/json": {"schema": {"type": "object"}}},
    }
}


@router.post("/import", response_model=ImportedPublic, status_code=201, openapi_extra=RECORD_BODY)
async def import_workshop(
    request: Request, me: ApiFacilitator, session: SessionDep, archive: ArchiveDep
) -> ImportedPublic:
    """Create the recorded workshop again. `verified` is true only when the record's signature
    verifies under a key this instance trusts; `signed_by` is the key id that signed it."""
    # The raw bytes, not a parsed body: the fingerprint and the error messages are ours.
    raw = await request.body()
    done = await run_in_threadpool(transfer.import_record, session, archive, me.id, raw)
    return ImportedPublic(
        **workshop_public(done.workshop).model_dump(),
        verified=done.check.verified,
        signed_by=done.check.signed_by,
        source_fingerprint=done.check.fingerprint,
    )


@router.get("/{workshop_id}/my/export.{ext}", response_class=Response)
def export_my_rationale(
    request: Request,
    workshop_id: int,
    ext: str,
    me: ApiParticipant,
    session: SessionDep,
    lang: Annotated[
        str | None, Query(description="'en' or 'es'; the participant's own by default.")
    ] = None,
) -> Response:
    """The participant's copy, in the language they chose at join unless `lang` says another."""
    record = transfer.participant_record(session, me, workshop_id)
    return rationale_response(request, session, record, ext, lang or me.language)
