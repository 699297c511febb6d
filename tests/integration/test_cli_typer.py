"""The Typer `backbone` command as a user runs it (CliRunner, or a real process for serve)."""

from __future__ import annotations

import json
import os
import socket
import subprocess
import sys
import time
from pathlib import Path

from typer.testing import CliRunner

from app.cli import cli
from app.cli.records import Format
from app.exports import RENDERERS

runner = CliRunner()


def run(*args: str):  # type: ignore[no-untyped-def]
    return runner.invoke(cli, list(args))


def test_cli_help_lists_every_command_with_its_help():
    result = run("--help")
    assert result.exit_code == 0
    for command in ("serve", "migrate", "create-facilitator", "demo", "export", "import"):
        assert command in result.stdout
    assert "backup" in result.stdout and "restore" in result.stdout
    assert "--install-completion" in result.stdout


def test_cli_format_choices_are_the_document_renderers():
    assert [f.value for f in Format] == list(RENDERERS)


def test_cli_export_refuses_an_unknown_format_before_touching_the_database(data_dir):
    result = run("export", "1", "--format", "odt")
    assert result.exit_code == 2
    assert "odt" in result.stderr
    assert not (data_dir / "backbone.db").exists()


def test_cli_export_all_writes_every_workshops_documents(data_dir, tmp_path):
    assert run("demo").exit_code == 0
    record = tmp_path / "one.json"
    assert run("export", "1", "-f", "json", "-o", str(record)).exit_code == 0
    assert run("import", str(record)).exit_code == 0
    folder = tmp_path / "all"
    result = run("export", "--all", str(folder), "-f", "md", "-f", "json")
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in folder.iterdir())
    assert len(names) == 4
    assert [n.split("-")[2] for n in names] == ["1", "1", "2", "2"]
    assert "Wrote 4 documents of 2 workshops" in result.stdout


def test_cli_export_all_defaults_to_every_format(data_dir, tmp_path):
    assert run("demo").exit_code == 0
    result = run("export", "--all", str(tmp_path / "all"))
    assert result.exit_code == 0, result.output
    assert sorted(p.suffix for p in (tmp_path / "all").iterdir()) == sorted(
        "." + e for e in RENDERERS
    )


def test_cli_export_needs_an_id_or_all(data_dir):
    result = run("export")
    assert result.exit_code == 2
    assert "--all DIR" in result.stderr


def test_cli_import_takes_a_folder_of_records(data_dir, tmp_path):
    assert run("demo").exit_code == 0
    folder = tmp_path / "records"
    assert run("export", "--all", str(folder), "-f", "json").exit_code == 0
    assert run("import", str(folder)).exit_code == 0
    result = run("import", str(folder), str(next(folder.iterdir())))
    assert result.exit_code == 0, result.output
    assert result.stdout.count("Imported workshop") == 2
    assert "Imported workshop 4" in result.stdout


def test_cli_import_of_many_names_the_file_it_refuses(data_dir, tmp_path):
    assert run("demo").exit_code == 0
    good, bad = tmp_path / "a.json", tmp_path / "b.json"
    assert run("export", "1", "-f", "json", "-o", str(good)).exit_code == 0
    bad.write_text("{}")
    result = run("import", str(good), str(bad))
    assert result.exit_code == 2
    assert "Imported workshop 2" in result.stdout
    assert f"error: {bad}:" in result.stderr


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def test_cli_serve_logs_every_line_in_the_configured_format(tmp_path: Path):
    port = _free_port()
    env = {**os.environ, "BACKBONE_DATA_DIR": str(tmp_path), "BACKBONE_LOG_FORMAT": "json"}
    env.pop("DATABASE_URL", None)
    env.pop("BACKBONE_DATABASE_URL", None)
    command = [sys.executable, "-m", "app.cli", "serve", "--port", str(port)]
    server = subprocess.Popen(command, env=env, stderr=subprocess.PIPE, text=True)
    lines: list[str] = []
    try:
        assert server.stderr is not None
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            line = server.stderr.readline()
            if not line:
                break
            lines.append(line)
            if "Application startup complete" in line:
                break
    finally:
        server.terminate()
        server.wait(timeout=30)
    assert any("Application startup complete" in line for line in lines), lines
    parsed = [json.loads(line) for line in lines]  # every line, uvicorn's too, is JSON
    assert {"uvicorn.error"} <= {p["logger"] for p in parsed}
