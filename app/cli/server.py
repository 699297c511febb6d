"""`backbone serve` and `backbone migrate`."""

from __future__ import annotations

from typing import Annotated

import typer

from app.cli.common import engine
from app.settings import Settings


def serve(
    host: Annotated[str, typer.Option(help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
    workers: Annotated[int, typer.Option(min=1, help="Worker processes.")] = 1,
) -> None:
    """Run the web service.

    Every line, the parent process's too, is in the configured log format (BACKBONE_LOG_FORMAT:
    JSON in production, readable lines otherwise); the app writes the one access line per
    request, so uvicorn's own access log is off.
    """
    import uvicorn

    from app.main import configure_service_logging

    settings = Settings()
    configure_service_logging(settings)
    uvicorn.run(
        "app.main:app",
        host=host,
        port=port,
        workers=workers,
        # X-Forwarded-For/-Proto only from the configured proxies, never from any local client.
        proxy_headers=bool(settings.trusted_proxies),
        forwarded_allow_ips=settings.trusted_proxies or None,
        # SIGTERM: stop taking requests, give running ones this long, then exit.
        timeout_graceful_shutdown=10,
        log_config=None,  # keep the handlers configured above
        log_level="info",
        access_log=False,
    )


def migrate() -> None:
    """Create or upgrade the database schema."""
    settings = Settings()
    engine(settings).dispose()
    typer.echo(f"Database is up to date: {settings.sqlalchemy_url.split('@')[-1]}")


def register(cli: typer.Typer) -> None:
    cli.command()(serve)
    cli.command()(migrate)
