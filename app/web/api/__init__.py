"""The public JSON API under /api/v1 (the contract in shared/API.md)."""

from fastapi import APIRouter, FastAPI

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

PREFIX = "/api/v1"
# The API's routers, in the order requests are matched. A request walks every router before
# its own, so the room's busiest calls come first: each participant's saves, then the revealed
# results and the rest of the room. Paths never repeat across routers, so the order changes
# only the time a request takes to find its route.
ROUTERS: tuple[APIRouter, ...] = tuple(
    module.router
    for module in (
        participation,
        room,
        auth,
        catalog,
        records,
        workshops,
        results,
        decisions,
        methods,
        plans,
        keys,
        followup,
    )
)


def include_api(app: FastAPI) -> None:
    """Each router straight on the app under /api/v1, not inside an /api/v1 router: FastAPI
    walks a nested router's routes once more for every level (bench/load.py)."""
    for router in ROUTERS:
        app.include_router(router, prefix=PREFIX)
