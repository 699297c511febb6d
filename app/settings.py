"""Settings, read once from the environment and handed to `create_app`."""

from __future__ import annotations

import secrets
from pathlib import Path
from typing import Literal

from pydantic import AliasChoices, Field, SecretStr, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SECRET_FILE = "secret_key"


class Settings(BaseSettings):
    """Everything configurable; the SQLite default needs none of it."""

    model_config = SettingsConfigDict(env_prefix="BACKBONE_", extra="ignore")

    environment: Literal["development", "production", "test"] = "development"
    data_dir: Path = Path("data")
    database_url: str | None = Field(
        default=None, validation_alias=AliasChoices("DATABASE_URL", "BACKBONE_DATABASE_URL")
    )
    secret_key: SecretStr | None = None
    admin_email: str | None = None
    admin_password: SecretStr | None = None
    admin_name: str = "Facilitator"
    # Failed join attempts one address may make per window before it must wait.
    join_failures_allowed: int = 20
    join_failure_window_seconds: int = 300
    # Failed sign-ins per account and per address in the window before 429 with Retry-After.
    sign_in_failures_allowed: int = 10
    sign_in_failure_window_seconds: int = 900
    # Reverse proxies whose X-Forwarded-For is believed (addresses or networks, comma-separated);
    # from anyone else the header is ignored, so a client cannot pick its own address.
    trusted_proxies: str = ""
    # The largest request body read at all; a larger one is answered 413 before parsing.
    max_body_bytes: int = 5_000_000
    session_days: int = 14
    access_log: bool = True
    # Log lines: JSON for a log collector, or readable text; by default JSON in production.
    log_format: Literal["json", "text"] | None = None

    @model_validator(mode="after")
    def _production_needs_a_secret(self) -> Settings:
        if self.environment == "production" and self.secret_key is None:
            raise ValueError(
                "BACKBONE_SECRET_KEY must be set in production; generated keys are for development."
            )
        return self

    @property
    def sqlalchemy_url(self) -> str:
        if self.database_url:
            url = self.database_url
            # Accept the plain form a department's DBA hands out and use the psycopg 3 driver.
            if url.startswith("postgres://"):
                url = "postgresql://" + url[len("postgres://") :]
            if url.startswith("postgresql://"):
                url = "postgresql+psycopg://" + url[len("postgresql://") :]
            return url
        return f"sqlite:///{(self.data_dir / 'backbone.db').resolve()}"

    @property
    def resolved_log_format(self) -> Literal["json", "text"]:
        if self.log_format is not None:
            return self.log_format
        return "json" if self.environment == "production" else "text"

    def resolved_secret(self) -> str:
        """The configured secret, or one generated once and kept in the data folder."""
        if self.secret_key is not None:
            return self.secret_key.get_secret_value()
        path = self.data_dir / SECRET_FILE
        if path.exists():
            return path.read_text().strip()
        self.data_dir.mkdir(parents=True, exist_ok=True)
        value = secrets.token_urlsafe(48)
        path.write_text(value)
        path.chmod(0o600)
        return value
