"""Hypermedia routes: real forms, enhanced with htmx; hidden from OpenAPI."""

from fastapi import APIRouter

from app.web.html import auth, facilitate, followup, live, participate, plans

router = APIRouter(include_in_schema=False)
for module in (auth, live, followup, plans, facilitate, participate):
    router.include_router(module.router)
