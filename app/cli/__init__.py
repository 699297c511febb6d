"""The `backbone` command (Typer): one module per command group, each adding its commands to
`cli`. A new group is a module with a `register(cli)` function listed in GROUPS."""

from __future__ import annotations

import click
import typer

from app.cli import accounts, database, records, server

cli = typer.Typer(
    name="backbone",
    help="Backbone Select: serve, migrate, add facilitators, load the demo, export, import, "
    "back up and restore.",
    no_args_is_help=True,
    add_completion=True,
    pretty_exceptions_show_locals=False,
)

GROUPS = (server, accounts, records, database)
for group in GROUPS:
    group.register(cli)


def main(argv: list[str] | None = None) -> int:
    """The console script: the exit status of the command (2 for a refused request)."""
    try:
        result = cli(args=argv, prog_name="backbone", standalone_mode=False)
    except click.exceptions.Exit as done:
        return done.exit_code
    except click.ClickException as error:
        error.show()
        return error.exit_code
    except click.exceptions.Abort:
        typer.echo("Aborted.", err=True)
        return 1
    return result if isinstance(result, int) else 0
