"""`backbone create-facilitator` and `backbone demo`."""

from __future__ import annotations

from typing import Annotated

import typer
from sqlmodel import Session

from app.catalogue import load_catalogue
from app.cli.common import engine, refusals
from app.settings import Settings


def create_facilitator(
    email: Annotated[str, typer.Argument(help="The facilitator's sign-in email.")],
    name: Annotated[str, typer.Option(help="Name shown on their workshops.")] = "",
    password: Annotated[
        str | None, typer.Option(help="At least 10 characters; prompted for when left out.")
    ] = None,
) -> None:
    """Add a facilitator account."""
    from app.services import accounts

    password = password or typer.prompt("Password (10+ characters)", hide_input=True)
    with refusals(), Session(engine(Settings())) as session:
        created = accounts.create_facilitator(session, email, password, name)
    typer.echo(f"Created facilitator {created.email} (id {created.id}).")


def demo(
    host: Annotated[str, typer.Option(help="Host for the printed addresses.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port for the printed addresses.")] = 8000,
) -> None:
    """Load the demo workshop and print how to sign in (the same sign-in every time)."""
    from app.demo import ensure_demo

    settings = Settings()
    with refusals(), Session(engine(settings), expire_on_commit=False) as session:
        access = ensure_demo(session, load_catalogue(), settings.data_dir)
    base = f"http://{host}:{port}"
    typer.echo("Demo workshop " + ("created" if access.created else "ready") + ".")
    typer.echo(
        f"  Facilitator sign-in: {base}/login  email {access.email}  password {access.password}"
    )
    typer.echo(f"  Workshop page:       {base}/workshops/{access.workshop_id}")
    typer.echo(
        f"  Participants join:   {base}/join?code={access.join_code}  (code {access.join_code})"
    )


def register(cli: typer.Typer) -> None:
    cli.command("create-facilitator")(create_facilitator)
    cli.command()(demo)
