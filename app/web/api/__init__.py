"""The public JSON API under /api/v1 (the contract in shared/API.md)."""

from fastapi import APIRouter

from app.web.api import (
    auth,
    catalog,
    decisions,
    followup,
    keys,
    methods,
    participation,
    plans,
    records,
    results,
    room,
    workshops,
)

router = APIRouter(prefix="/api/v1")
for module in (
    auth,
    catalog,
    records,
    workshops,
    participation,
    results,
    decisions,
    methods,
    room,
    plans,
    keys,
    followup,
):
    router.include_router(module.router)
