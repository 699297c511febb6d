"""The application factory: `create_app(settings)` wires everything; `app` is for uvicorn."""

from __future__ import annotations

import logging
import sys
from collections.abc import AsyncIterator, Callable
from contextlib import AbstractAsyncContextManager, asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles
from sqlalchemy import text
from sqlalchemy.engine import Engine
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session
from starlette.responses import JSONResponse, Response

from app.catalogue import load_catalogue, load_planning
from app.domain.errors import Conflict
from app.persistence.engine import make_engine
from app.persistence.migrate import upgrade
from app.resources import STATIC
from app.services import accounts
from app.services.documents import make_archive
from app.settings import Settings
from app.web.api import include_api
from app.web.compression import install_compression
from app.web.csrf import CrossSiteGuard
from app.web.docs import install_api_docs
from app.web.errors import error_body, install_error_handlers
from app.web.guards import RequestGuard, SecurityHeaders
from app.web.html import router as html_router
from app.web.observability import RequestLog, configure_logging
from app.web.openapi import install_openapi
from app.web.room_batches import results_ask_batches, score_save_batches
from app.web.templating import make_templates

STATIC_DIR = STATIC
SWITCH_INTERVAL_SECONDS = 0.001


def configure_service_logging(settings: Settings) -> None:
    """The log format the app writes in, for a process serving it (`backbone serve`'s too)."""
    configure_logging(settings.resolved_log_format)


def create_app(settings: Settings | None = None) -> FastAPI:
    # The event loop shares the interpreter with threads computing analyses and documents;
    # Python hands the interpreter lock over every 5 ms by default, so a room's save could
    # wait several such turns behind an analysis. At 1 ms, saves in a room of 200 kept their
    # p99 near 30-40 ms instead of 30-70, and grouped saves ran faster (bench/load.py).
    sys.setswitchinterval(SWITCH_INTERVAL_SECONDS)
    settings = settings or Settings()
    configure_service_logging(settings)
    logger = logging.getLogger("backbone")
    engine = make_engine(settings.sqlalchemy_url)
    app = FastAPI(
        title="Backbone Select",
        version="1",
        description="Choose the backbone organization of a collective-impact partnership.",
        lifespan=_lifespan(settings, engine, logger),
        docs_url=None,  # served by install_api_docs from static/dist, not from a CDN
        redoc_url=None,
        # The service logs each request itself (web/observability.py); FastAPI's own
        # OpenTelemetry looked for providers in the environment on every request.
        telemetry={"tracing": False, "metrics": False, "logs": False},
    )
    _hold_state(app, settings, engine, logger)
    _install_web(app, settings)
    _add_probes(app, engine, logger)
    return app


def _lifespan(
    settings: Settings, engine: Engine, logger: logging.Logger
) -> Callable[[FastAPI], AbstractAsyncContextManager[None]]:
    """At start: the database's migrations, then the first facilitator if the settings name
    one; at the end, the engine's connections closed."""

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        upgrade(engine)
        if settings.admin_email and settings.admin_password:
            with Session(engine) as session:
                try:
                    if accounts.ensure_admin(
                        session,
                        settings.admin_email,
                        settings.admin_password.get_secret_value(),
                        settings.admin_name,
                    ):
                        logger.info("created facilitator %s", settings.admin_email)
                except (Conflict, IntegrityError):
                    # Several workers starting at once: another one created it first.
                    logger.info("facilitator %s exists already", settings.admin_email)
        yield
        engine.dispose()

    return lifespan


def _hold_state(app: FastAPI, settings: Settings, engine: Engine, logger: logging.Logger) -> None:
    """What requests share: settings, engine, catalogues, keys, templates, the room's batchers."""
    app.state.settings = settings
    app.state.engine = engine
    # A broken catalogue or planning file stops the start here, naming file and field.
    app.state.catalogue = load_catalogue()
    app.state.planning = load_planning(app.state.catalogue)
    app.state.archive = make_archive(
        app.state.catalogue,
        app.state.planning,
        settings.resolved_signing_seed(),
        settings.trusted_public_keys(),
        settings.unverified_imports == "refuse",
    )
    app.state.templates = make_templates()
    app.state.logger = logger
    app.state.secret = settings.resolved_secret()
    app.state.score_saves = score_save_batches(engine)
    app.state.results_asks = results_ask_batches(engine)


def _install_web(app: FastAPI, settings: Settings) -> None:
    """Error shapes, the middlewares, static files, the API, the pages and their docs."""
    install_error_handlers(app)
    app.add_middleware(CrossSiteGuard)
    app.add_middleware(RequestGuard, max_body_bytes=settings.max_body_bytes)
    app.add_middleware(RequestLog, enabled=settings.access_log)
    app.add_middleware(SecurityHeaders, production=settings.environment == "production")
    install_compression(app)
    app.mount("/static", StaticFiles(directory=STATIC_DIR, check_dir=False), name="static")
    include_api(app)
    app.include_router(html_router)
    install_api_docs(app)
    install_openapi(app)


def _add_probes(app: FastAPI, engine: Engine, logger: logging.Logger) -> None:
    """`/healthz` (the process answers) and `/readyz` (and its database does)."""

    @app.get("/healthz", include_in_schema=False)
    async def healthz() -> dict[str, bool]:
        # On the event loop: a liveness check never waits for a thread busy with a document.
        return {"ok": True}

    @app.get("/readyz", include_in_schema=False)
    def readyz() -> Response:
        """Ready when the database answers; a load balancer stops routing here otherwise."""
        try:
            with engine.connect() as conn:
                conn.execute(text("SELECT 1"))
        except Exception as error:  # any driver error means "not ready", never a traceback
            logger.warning("readyz: database unreachable: %s", type(error).__name__)
            body = error_body(503, "The database is not reachable.", [])
            return JSONResponse(body, status_code=503)
        return JSONResponse({"ok": True})


def __getattr__(name: str) -> FastAPI:
    # `uvicorn app.main:app` builds the app on first access, never at import time.
    if name == "app":
        application = create_app()
        globals()["app"] = application
        return application
    raise AttributeError(name)
