"""Hypermedia routes: real forms, enhanced with htmx; hidden from OpenAPI."""

from fastapi import APIRouter

from app.web.html import (
    auth,
    brief,
    facilitate,
    followup,
    language,
    live,
    participate,
    plans,
    resume,
    room,
)

router = APIRouter(include_in_schema=False)
for module in (auth, live, room, followup, plans, facilitate, participate, resume, brief, language):
    router.include_router(module.router)
