"""Schemas of /workshops/import and /keys: what an import found, and the instance's keys."""

from __future__ import annotations

from pydantic import BaseModel

from app.web.api.schemas.workshops import WorkshopPublic


class ImportedPublic(WorkshopPublic):
    verified: bool
    signed_by: str | None
    source_fingerprint: str


class KeyPublic(BaseModel):
    key_id: str
    alg: str
    public_key: str
    own: bool
