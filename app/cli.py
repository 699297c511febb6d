"""The `backbone` command: serve, migrate, add facilitators, load the demo, export, back up."""

from __future__ import annotations

import argparse
import getpass
import sys
from pathlib import Path

from sqlmodel import Session

from app.catalogue import load_catalogue
from app.domain.errors import DomainError
from app.persistence.engine import make_engine
from app.persistence.migrate import upgrade
from app.settings import Settings


def _engine(settings: Settings):  # type: ignore[no-untyped-def]
    engine = make_engine(settings.sqlalchemy_url)
    upgrade(engine)
    return engine


def cmd_serve(args: argparse.Namespace, settings: Settings) -> int:
    import uvicorn

    uvicorn.run(
        "app.main:app",
        host=args.host,
        port=args.port,
        workers=args.workers,
        proxy_headers=True,
        log_level="info",
    )
    return 0


def cmd_migrate(args: argparse.Namespace, settings: Settings) -> int:
    _engine(settings)
    print(f"Database is up to date: {settings.sqlalchemy_url.split('@')[-1]}")
    return 0


def cmd_create_facilitator(args: argparse.Namespace, settings: Settings) -> int:
    from app.services import accounts

    password = args.password or getpass.getpass("Password (10+ characters): ")
    with Session(_engine(settings)) as session:
        created = accounts.create_facilitator(session, args.email, password, args.name or "")
    print(f"Created facilitator {created.email} (id {created.id}).")
    return 0


def cmd_demo(args: argparse.Namespace, settings: Settings) -> int:
    from app.demo import ensure_demo

    with Session(_engine(settings), expire_on_commit=False) as session:
        access = ensure_demo(session, load_catalogue(), settings.data_dir)
    base = f"http://{args.host}:{args.port}"
    print("Demo workshop " + ("created" if access.created else "ready") + ".")
    print(f"  Facilitator sign-in: {base}/login  email {access.email}  password {access.password}")
    print(f"  Workshop page:       {base}/workshops/{access.workshop_id}")
    print(f"  Participants join:   {base}/join?code={access.join_code}  (code {access.join_code})")
    return 0


def cmd_export(args: argparse.Namespace, settings: Settings) -> int:
    from app.catalogue import load_planning
    from app.exports import render_document
    from app.services import results
    from app.services.documents import for_documents

    catalogue = load_catalogue()
    with Session(_engine(settings), expire_on_commit=False) as session:
        record = results.operator_record(session, args.workshop_id)
        record = for_documents(session, record, catalogue, load_planning(catalogue))
    document = render_document(record, args.format)
    target = Path(args.output or document.filename)
    if args.output == "-":
        sys.stdout.buffer.write(document.content)
    else:
        target.write_bytes(document.content)
        print(f"Wrote {target} ({len(document.content)} bytes).")
    return 0


def cmd_backup(args: argparse.Namespace, settings: Settings) -> int:
    from app import backup

    target = Path(args.file)
    db_path = backup.sqlite_path(settings.sqlalchemy_url)
    if db_path is not None:
        report = backup.backup_sqlite(db_path, target)
        print(f"Backed up {db_path} to {report.path} ({report.size} bytes, {report.counts}).")
        return 0
    command = backup.pg_backup_command(settings.sqlalchemy_url, target)
    if args.print_only or not backup.run_tool(command):
        shown = backup.pg_backup_command(settings.sqlalchemy_url, target, hide_password=True)
        print("Run (PGPASSWORD for the password): " + " ".join(shown))
        return 0
    print(f"Backed up the PostgreSQL database to {target} ({target.stat().st_size} bytes).")
    return 0


def cmd_restore(args: argparse.Namespace, settings: Settings) -> int:
    from app import backup

    source = Path(args.file)
    db_path = backup.sqlite_path(settings.sqlalchemy_url)
    if db_path is not None:
        report, kept = backup.restore_sqlite(source, db_path)
        print(f"Restored {source} into {db_path} ({report.counts}).")
        if kept:
            print(f"The database it replaced is kept at {kept}.")
        return 0
    if not source.is_file():
        raise backup.BackupError(f"{source} does not exist.")
    command = backup.pg_restore_command(settings.sqlalchemy_url, source)
    if args.print_only or not backup.run_tool(command):
        shown = backup.pg_restore_command(settings.sqlalchemy_url, source, hide_password=True)
        print("Run (PGPASSWORD for the password): " + " ".join(shown))
        print("then: backbone migrate")
        return 0
    _engine(settings).dispose()  # a dump from an older version comes up to this schema
    print(f"Restored {source} into the PostgreSQL database.")
    return 0


def cmd_import(args: argparse.Namespace, settings: Settings) -> int:
    from app.services import accounts, transfer

    raw = sys.stdin.buffer.read() if args.file == "-" else Path(args.file).read_bytes()
    with Session(_engine(settings), expire_on_commit=False) as session:
        owner = accounts.find_facilitator(session, args.owner)
        if owner is None:
            raise DomainError("No such facilitator: create one first (create-facilitator).")
        workshop = transfer.import_record(session, owner.id, raw)
    print(f"Imported workshop {workshop.id}: {workshop.title} ({workshop.stage.label}).")
    return 0


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="backbone", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True)
    serve = sub.add_parser("serve", help="run the web service")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument("--workers", type=int, default=1)
    serve.set_defaults(run=cmd_serve)
    sub.add_parser("migrate", help="create or upgrade the database schema").set_defaults(
        run=cmd_migrate
    )
    create = sub.add_parser("create-facilitator", help="add a facilitator account")
    create.add_argument("email")
    create.add_argument("--name", default="")
    create.add_argument("--password", help="prompted for when left out")
    create.set_defaults(run=cmd_create_facilitator)
    demo = sub.add_parser("demo", help="load the demo workshop and print how to sign in")
    demo.add_argument("--host", default="127.0.0.1")
    demo.add_argument("--port", type=int, default=8000)
    demo.set_defaults(run=cmd_demo)
    export = sub.add_parser("export", help="write a workshop's rationale document")
    export.add_argument("workshop_id", type=int)
    export.add_argument("--format", default="md", help="md, html, pdf, docx, json or csv")
    export.add_argument("-o", "--output", help="file to write; '-' for standard output")
    export.set_defaults(run=cmd_export)
    imp = sub.add_parser("import", help="create a workshop again from its exported JSON record")
    imp.add_argument("file", help="the .json record; '-' for standard input")
    imp.add_argument("--owner", help="facilitator email (default: the first facilitator)")
    imp.set_defaults(run=cmd_import)
    backup_cmd = sub.add_parser("backup", help="copy the database to FILE while it runs")
    backup_cmd.add_argument("file")
    backup_cmd.add_argument(
        "--print-only", action="store_true", help="PostgreSQL: print the pg_dump command"
    )
    backup_cmd.set_defaults(run=cmd_backup)
    restore = sub.add_parser("restore", help="replace the database with a backup FILE")
    restore.add_argument("file")
    restore.add_argument(
        "--print-only", action="store_true", help="PostgreSQL: print the restore command"
    )
    restore.set_defaults(run=cmd_restore)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return int(args.run(args, Settings()))
    except DomainError as error:
        print(f"error: {error.message}", file=sys.stderr)
        return 2
    except Exception as error:
        from app.backup import BackupError

        if not isinstance(error, BackupError):
            raise
        print(f"error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    raise SystemExit(main())
