"""`backbone export` (one workshop, or every workshop into a folder), `backbone import` and
`backbone verify` (a record checked offline against the keys this instance trusts)."""

from __future__ import annotations

import json
import secrets
import sys
from dataclasses import replace
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer
from sqlmodel import Session

from app.catalogue import load_catalogue, load_planning
from app.cli.common import bar, engine, refusals
from app.domain.errors import DomainError
from app.domain.record_format.signing import KeyRing
from app.domain.translation import check_language, terms, translate_record
from app.exports import Document, Layout, render_document
from app.services.documents import Archive, for_documents, make_archive
from app.settings import Settings


class Format(StrEnum):
    """The document formats (app.exports.RENDERERS), as choices the shell can complete."""

    md = "md"
    html = "html"
    pdf = "pdf"
    docx = "docx"
    json = "json"
    csv = "csv"


def archive(settings: Settings) -> Archive:
    """The catalogue, the planning files and the keys, as the app has them."""
    catalogue = load_catalogue()
    return make_archive(
        catalogue,
        load_planning(catalogue),
        settings.resolved_signing_seed(),
        settings.trusted_public_keys(),
        settings.unverified_imports == "refuse",
    )


def _document(session: Session, workshop_id: int, ext: str, language: str = "en") -> Document:
    """The rationale document of any workshop, whoever owns it (the operator's view), in
    `language` for the formats people read (the JSON record and the CSV stay as recorded)."""
    from app.services import results

    settings = Settings()
    record = results.operator_record(session, workshop_id)
    record = for_documents(session, record, archive(settings))
    layout = Layout(settings.paper, settings.timezone)
    text = load_catalogue().text_in(language) if ext in ("md", "html", "pdf", "docx") else None
    if text is not None:
        record = translate_record(record, text)
        layout = replace(layout, language=language, terms=terms(text))
    return render_document(record, ext, layout)


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
    lang: Annotated[
        str, typer.Option("--lang", help="The document's language: en or es (md, html, pdf, docx).")
    ] = "en",
) -> None:
    """Write a workshop's rationale document, or with --all DIR every workshop's documents."""
    exts = [f.value for f in formats or []]
    with refusals(), Session(engine(Settings()), expire_on_commit=False) as session:
        language = check_language(lang)
        if every is not None:
            if workshop_id is not None or output is not None:
                raise DomainError("Give either a WORKSHOP_ID (and -o) or --all DIR, not both.")
            _export_all(session, every, exts or [f.value for f in Format], language)
            return
        if workshop_id is None:
            raise DomainError("Give a WORKSHOP_ID, or --all DIR for every workshop.")
        if len(exts) > 1:
            raise DomainError("One --format for one workshop; several only with --all.")
        document = _document(session, workshop_id, exts[0] if exts else "md", language)
    if output == "-":
        sys.stdout.buffer.write(document.content)
        return
    target = Path(output or document.filename)
    target.write_bytes(document.content)
    typer.echo(f"Wrote {target} ({len(document.content)} bytes).")


def _export_all(session: Session, folder: Path, exts: list[str], language: str = "en") -> None:
    from app.services import results

    ids = results.operator_workshop_ids(session)
    folder.mkdir(parents=True, exist_ok=True)
    written = 0
    with bar() as progress:
        task = progress.add_task("Exporting", total=len(ids) * len(exts))
        for workshop_id in ids:
            for ext in exts:
                document = _document(session, workshop_id, ext, language)
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
    settings = Settings()
    keys = archive(settings)
    with refusals(), Session(engine(settings), expire_on_commit=False) as session:
        found = accounts.find_facilitator(session, owner)
        if found is None or found.id is None:
            raise DomainError("No such facilitator: create one first (create-facilitator).")
        with bar() as progress:
            task = progress.add_task("Importing", total=len(records))
            for name in records:
                raw = sys.stdin.buffer.read() if name == "-" else Path(name).read_bytes()
                try:
                    done = transfer.import_record(session, keys, found.id, raw)
                except DomainError as error:
                    if len(records) == 1:
                        raise
                    raise DomainError(f"{name}: {error.message}") from error
                workshop = done.workshop
                trust = "verified" if done.check.verified else "NOT VERIFIED"
                typer.echo(
                    f"Imported workshop {workshop.id}: {workshop.title} "
                    f"({workshop.stage.label}, {trust}: {done.check.message})"
                )
                progress.advance(task)


def verify(
    file: Annotated[Path, typer.Argument(help="A JSON record (export.json), or '-' for stdin.")],
    trust: Annotated[
        list[str] | None,
        typer.Option(help="Also trust this public key (base64, from GET /api/v1/keys)."),
    ] = None,
) -> None:
    """Check a JSON record offline. Exit 0: signed by a trusted key; 1: unchanged, but unsigned
    or signed by a key not trusted here; 2: changed since it was signed (or not a record)."""
    settings = Settings()
    raw = sys.stdin.buffer.read() if str(file) == "-" else file.read_bytes()
    try:
        data = json.loads(raw)
        if not isinstance(data, dict):
            raise ValueError("not one JSON object")
    except ValueError as error:
        typer.echo(f"CHANGED: {file} is not a JSON record ({error}).")
        raise typer.Exit(2) from None
    # The instance's own key when it has one; never a key generated just to check a file.
    seed = settings.existing_signing_seed() or secrets.token_bytes(32)
    keys = KeyRing.from_texts(seed, [*settings.trusted_public_keys(), *(trust or [])])
    check = keys.check(data)
    verdict = (
        "VERIFIED" if check.verified else "INTACT, NOT VERIFIED" if check.intact else "CHANGED"
    )
    typer.echo(f"{verdict}: {check.message}")
    typer.echo(f"fingerprint: {check.fingerprint}")
    if check.signed_by:
        typer.echo(f"key id: {check.signed_by}")
    raise typer.Exit(0 if check.verified else 1 if check.intact else 2)


def register(cli: typer.Typer) -> None:
    cli.command()(export)
    cli.command("import")(import_)
    cli.command()(verify)
