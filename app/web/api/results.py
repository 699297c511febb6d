"""API: a workshop's results, the what-if ranking, and the rationale export."""

from __future__ import annotations

from typing import Annotated

from fastapi import APIRouter, Query, Request, Response

from app.services import results
from app.web.api.schemas.results import (
    ResultsPublic,
    WhatIfCreate,
    WhatIfPublic,
    ranked_public,
)
from app.web.cached import results_json
from app.web.deps import ApiFacilitator, SessionDep
from app.web.downloads import rationale_response

router = APIRouter(prefix="/workshops/{workshop_id}", tags=["results and decision"])


@router.get("/results", response_model=ResultsPublic)
def read_results(
    request: Request, workshop_id: int, me: ApiFacilitator, session: SessionDep
) -> Response:
    """Rendered once per revision (ETag, 304 when unchanged); the schema is ResultsPublic."""
    view = results.workshop_results(session, me.id, workshop_id)
    return results_json(request, view)


@router.get("/export.{ext}", response_class=Response)
def export_rationale(
    request: Request,
    workshop_id: int,
    ext: str,
    me: ApiFacilitator,
    session: SessionDep,
    lang: Annotated[str, Query(description="The document's language: 'en' or 'es'.")] = "en",
) -> Response:
    record = results.workshop_record(session, me.id, workshop_id)
    return rationale_response(request, session, record, ext, lang)


@router.post("/what-if", response_model=WhatIfPublic)
def explore_weights(
    workshop_id: int, body: WhatIfCreate, me: ApiFacilitator, session: SessionDep
) -> WhatIfPublic:
    view = results.explore_weights(session, me.id, workshop_id, body.weights)
    return WhatIfPublic(
        weights=view.weights, ranking=ranked_public(view.ranking), explanation=view.sentence
    )
