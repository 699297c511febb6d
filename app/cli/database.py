"""`backbone backup` and `backbone restore`: SQLite's online backup, pg_dump for PostgreSQL."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from app import backup
from app.cli.common import engine, refusals, spinner
from app.settings import Settings

PRINT_ONLY = "PostgreSQL: print the command instead of running it."


def backup_command(
    file: Annotated[Path, typer.Argument(help="Where to write the copy.", dir_okay=False)],
    print_only: Annotated[bool, typer.Option("--print-only", help=PRINT_ONLY)] = False,
) -> None:
    """Copy the database to FILE while the service runs."""
    url = Settings().sqlalchemy_url
    db_path = backup.sqlite_path(url)
    with refusals():
        if db_path is not None:
            with spinner() as progress:
                progress.add_task(f"Backing up {db_path}", total=None)
                report = backup.backup_sqlite(db_path, file)
            typer.echo(
                f"Backed up {db_path} to {report.path} ({report.size} bytes, {report.counts})."
            )
            return
        if print_only or not _run(backup.pg_backup_command(url, file)):
            shown = backup.pg_backup_command(url, file, hide_password=True)
            typer.echo("Run (PGPASSWORD for the password): " + " ".join(shown))
            return
    typer.echo(f"Backed up the PostgreSQL database to {file} ({file.stat().st_size} bytes).")


def restore_command(
    file: Annotated[Path, typer.Argument(help="A file written by `backbone backup`.")],
    print_only: Annotated[bool, typer.Option("--print-only", help=PRINT_ONLY)] = False,
) -> None:
    """Replace the database with a backup FILE (stop the service first)."""
    settings = Settings()
    url = settings.sqlalchemy_url
    db_path = backup.sqlite_path(url)
    with refusals():
        if db_path is not None:
            with spinner() as progress:
                progress.add_task(f"Restoring {file}", total=None)
                report, kept = backup.restore_sqlite(file, db_path)
            typer.echo(f"Restored {file} into {db_path} ({report.counts}).")
            if kept:
                typer.echo(f"The database it replaced is kept at {kept}.")
            return
        if not file.is_file():
            raise backup.BackupError(f"{file} does not exist.")
        if print_only or not _run(backup.pg_restore_command(url, file)):
            shown = backup.pg_restore_command(url, file, hide_password=True)
            typer.echo("Run (PGPASSWORD for the password): " + " ".join(shown))
            typer.echo("then: backbone migrate")
            return
        engine(settings).dispose()  # a dump from an older version comes up to this schema
    typer.echo(f"Restored {file} into the PostgreSQL database.")


def _run(command: list[str]) -> bool:
    with spinner() as progress:
        progress.add_task(f"Running {command[0]}", total=None)
        return backup.run_tool(command)


def register(cli: typer.Typer) -> None:
    cli.command("backup")(backup_command)
    cli.command("restore")(restore_command)
