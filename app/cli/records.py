"""`backbone export` (one workshop, or every workshop into a folder) and `backbone import`."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from app.catalogue import load_catalogue, load_planning
from app.cli.common import bar, engine, refusals
from app.domain.errors import DomainError
from app.exports import Document, render_document
from app.settings import Settings


class Format(StrEnum):
    """The document formats (app.exports.RENDERERS), as choices the shell can complete."""

    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"
    json = "json"
    csv = "csv"


def _document(session: Session, workshop_id: int, ext: str) -> Document:
    """The rationale document of any workshop, whoever owns it (the operator's view)."""
    from app.services import results
    from app.services.documents import for_documents

    catalogue = load_catalogue()
    record = results.operator_record(session, workshop_id)
    record = for_documents(session, record, catalogue, load_planning(catalogue))
    return render_document(record, ext)


def export(
    workshop_id: Annotated[int | None, typer.Argument(help="The workshop's id.")] = None,
    formats: Annotated[
        list[Format] | None,
        typer.Option("--format", "-f", help="Document format; with --all, repeat for several."),
    ] = None,
    output: Annotated[
        str | None, typer.Option("--output", "-o", help="File to write; '-' for standard output.")
    ] = None,
    every: Annotated[
        Path | None,
        typer.Option(
            "--all", help="Write every workshop's documents into this folder.", file_okay=False
        ),
    ] = None,
) -> None:
    """Write a workshop's rationale document, or with --all DIR every workshop's documents."""
    exts = [f.value for f in formats or []]
    with refusals(), Session(engine(Settings()), expire_on_commit=False) as session:
        if every is not None:
            if workshop_id is not None or output is not None:
                raise DomainError("Give either a WORKSHOP_ID (and -o) or --all DIR, not both.")
            _export_all(session, every, exts or [f.value for f in Format])
            return
        if workshop_id is None:
            raise DomainError("Give a WORKSHOP_ID, or --all DIR for every workshop.")
        if len(exts) > 1:
            raise DomainError("One --format for one workshop; several only with --all.")
        document = _document(session, workshop_id, exts[0] if exts else "md")
    if output == "-":
        sys.stdout.buffer.write(document.content)
        return
    target = Path(output or document.filename)
    target.write_bytes(document.content)
    typer.echo(f"Wrote {target} ({len(document.content)} bytes).")


def _export_all(session: Session, folder: Path, exts: list[str]) -> None:
    from app.services import results

    ids = results.operator_workshop_ids(session)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    with bar() as progress:
        task = progress.add_task("Exporting", total=len(ids) * len(exts))
        for workshop_id in ids:
            for ext in exts:
                document = _document(session, workshop_id, ext)
                (folder / document.filename).write_bytes(document.content)
                written += 1
                progress.advance(task)
    typer.echo(f"Wrote {written} documents of {len(ids)} workshops into {folder}.")


def _record_files(sources: list[str]) -> list[str]:
    """The files named, a folder standing for the .json records in it."""
    files: list[str] = []
    for source in sources:
        path = Path(source)
        files += sorted(str(p) for p in path.glob("*.json")) if path.is_dir() else [source]
    return files


def import_(
    files: Annotated[
        list[str],
        typer.Argument(help="Exported .json records, folders of them, or '-' for standard input."),
    ],
    owner: Annotated[
        str | None, typer.Option(help="Facilitator email (default: the first facilitator).")
    ] = None,
) -> None:
    """Create workshops again from their exported JSON records, each in its own transaction."""
    from app.services import accounts, transfer

    records = _record_files(files)
    with refusals(), Session(engine(Settings()), expire_on_commit=False) as session:
        found = accounts.find_facilitator(session, owner)
        if found is None or found.id is None:
            raise DomainError("No such facilitator: create one first (create-facilitator).")
        with bar() as progress:
            task = progress.add_task("Importing", total=len(records))
            for name in records:
                raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
                try:
                    workshop = transfer.import_record(session, found.id, raw)
                except DomainError as error:
                    if len(records) == 1:
                        raise
                    raise DomainError(f"{name}: {error.message}") from error
                typer.echo(
                    f"Imported workshop {workshop.id}: {workshop.title} ({workshop.stage.label})."
                )
                progress.advance(task)


def register(cli: typer.Typer) -> None:
    cli.command()(export)
    cli.command("import")(import_)
