"""Settings: what the service needs to start, and what it refuses."""

from __future__ import annotations

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
