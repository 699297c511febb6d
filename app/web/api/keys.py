"""API: the public keys this instance signs records with and trusts (no sign-in needed)."""

from __future__ import annotations

from fastapi import APIRouter

from app.web.api.schemas.records import KeyPublic
from app.web.deps import ArchiveDep

router = APIRouter(tags=["records"])


@router.get("/keys", response_model=list[KeyPublic])
def list_keys(archive: ArchiveDep) -> list[KeyPublic]:
    """Its own signing key first (`own`: true), then the other instances' keys it trusts."""
    return [
        KeyPublic(key_id=k.key_id, alg=k.alg, public_key=k.public_key, own=k.own)
        for k in archive.keys.public_keys()
    ]
