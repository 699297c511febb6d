"""The `backbone` command against a real database file."""

from __future__ import annotations

from app.cli import main


def test_cli_migrate_creates_the_database(data_dir, capsys):
    assert main(["migrate"]) == 0
    assert (data_dir / "backbone.db").exists()
    assert "up to date" in capsys.readouterr().out


def test_cli_create_facilitator_then_duplicate_is_refused(data_dir, capsys):
    assert main(["create-facilitator", "a@example.org", "--password", "long enough pw"]) == 0
    assert main(["create-facilitator", "a@example.org", "--password", "long enough pw"]) == 2
    assert "exists already" in capsys.readouterr().err


def test_cli_demo_is_created_once_and_exports_markdown(data_dir, capsys, tmp_path):
    assert main(["demo"]) == 0
    first = capsys.readouterr().out
    assert "Demo workshop created" in first
    assert main(["demo"]) == 0
    again = capsys.readouterr().out
    assert "Demo workshop ready" in again
    # The same sign-in is printed both times, so the README's command can be run again.
    assert first.split("password")[1].split()[0] == again.split("password")[1].split()[0]
    target = tmp_path / "demo.md"
    assert main(["export", "1", "--format", "md", "-o", str(target)]) == 0
    assert "## Ranking" in target.read_text()


def test_cli_export_unknown_workshop_fails_clearly(data_dir, capsys):
    assert main(["export", "42"]) == 2
    assert "No workshop 42" in capsys.readouterr().err
