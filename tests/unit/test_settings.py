"""Settings: what the service needs to start, and what it refuses."""

from __future__ import annotations

import subprocess
import sys

import pytest
from pydantic import ValidationError

from app.settings import Settings


def test_settings_default_is_sqlite_in_data_folder(tmp_path, monkeypatch):
    monkeypatch.delenv("DATABASE_URL", raising=False)
    settings = Settings(data_dir=tmp_path)
    assert settings.sqlalchemy_url == f"sqlite:///{tmp_path.resolve()}/backbone.db"


def test_settings_plain_postgres_url_uses_psycopg3():
    settings = Settings(database_url="postgres://u@db/backbone")
    assert settings.sqlalchemy_url == "postgresql+psycopg://u@db/backbone"


def test_settings_production_refuses_to_start_without_secret():
    with pytest.raises(ValidationError, match="BACKBONE_SECRET_KEY"):
        Settings(environment="production")


def test_settings_generated_secret_is_kept_in_data_folder(tmp_path):
    first = Settings(data_dir=tmp_path).resolved_secret()
    second = Settings(data_dir=tmp_path).resolved_secret()
    assert first == second and len(first) >= 43
    assert (tmp_path / "secret_key").stat().st_mode & 0o077 == 0


def test_settings_processes_starting_together_share_one_generated_signing_key(tmp_path):
    """Four processes generate the data folder's signing key at once: one key wins for all."""
    code = (
        "import base64, sys; from app.settings import Settings; "
        "print(base64.b64encode(Settings(data_dir=sys.argv[1]).resolved_signing_seed()).decode())"
    )
    runs = [
        subprocess.Popen(
            [sys.executable, "-c", code, str(tmp_path)], stdout=subprocess.PIPE, text=True
        )
        for _ in range(4)
    ]
    keys = {run.communicate(timeout=60)[0].strip() for run in runs}
    assert len(keys) == 1 and (tmp_path / "signing_key").read_text().strip() in keys
    assert [p.name for p in tmp_path.iterdir()] == ["signing_key"]


def test_settings_refuse_an_unknown_time_zone():
    with pytest.raises(ValueError, match="BACKBONE_TIMEZONE"):
        Settings(timezone="Mars/Olympus")
