"""What every command shares: the settings, the database engine, clear errors, progress bars."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    MofNCompleteColumn,
    Progress,
    SpinnerColumn,
    TextColumn,
    TimeElapsedColumn,
)

from app.backup import BackupError
from app.domain.errors import DomainError
from app.persistence.engine import make_engine
from app.persistence.migrate import upgrade
from app.settings import Settings

REFUSED = 2  # the exit status of a request the service refuses (bad input, unknown id)

# Progress goes to standard error, so `export -o -` keeps standard output for the document.
progress_console = Console(stderr=True)


def engine(settings: Settings):  # type: ignore[no-untyped-def]
    """The database at the configured URL, its schema brought up to date."""
    made = make_engine(settings.sqlalchemy_url)
    upgrade(made)
    return made


@contextmanager
def refusals() -> Iterator[None]:
    """A refused request ends the command with `error: …` and status 2, not a traceback."""
    try:
        yield
    except DomainError as error:
        typer.echo(f"error: {error.message}", err=True)
        raise typer.Exit(REFUSED) from None
    except BackupError as error:
        typer.echo(f"error: {error}", err=True)
        raise typer.Exit(REFUSED) from None


def bar() -> Progress:
    """A counted progress bar (n of N, elapsed) for work made of many items."""
    return Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=progress_console,
        transient=True,
    )


def spinner() -> Progress:
    """For one long step that cannot say how far it is (a consistent database copy)."""
    return Progress(
        SpinnerColumn(),
        TextColumn("{task.description}"),
        TimeElapsedColumn(),
        console=progress_console,
        transient=True,
    )
