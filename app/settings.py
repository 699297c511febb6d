"""Settings, read once from the environment and handed to `create_app`."""

from __future__ import annotations

import base64
import binascii
import os
import secrets
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import AliasChoices, Field, SecretStr, field_validator, model_validator
from pydantic_settings import BaseSettings, SettingsConfigDict

SECRET_FILE = "secret_key"
SIGNING_KEY_FILE = "signing_key"


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
    # The Ed25519 key that signs records (base64 of its 32-byte private seed); when unset, one is
    # generated once into the data folder. Give every process and machine of one instance the
    # same key.
    signing_key: SecretStr | None = None
    # Other instances' public keys (base64, separated by commas or spaces) whose records
    # import as verified.
    trusted_keys: str = ""
    # A record that does not verify under a trusted key: imported marked NOT VERIFIED, or refused.
    unverified_imports: Literal["mark", "refuse"] = "mark"
    # Documents: paper size and the time zone their times are shown in.
    paper: Literal["letter", "a4"] = "letter"
    timezone: str = "UTC"

    @field_validator("timezone")
    @classmethod
    def _known_timezone(cls, value: str) -> str:
        try:
            ZoneInfo(value)
        except (ZoneInfoNotFoundError, ValueError):
            raise ValueError(f"BACKBONE_TIMEZONE: unknown time zone {value!r}.") from None
        return value

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

    def resolved_signing_seed(self) -> bytes:
        """The 32-byte Ed25519 seed: configured, or generated once into the data folder.

        Several processes may start together: the key is written to a file of its own and
        linked into place, so exactly one generated key wins and every process reads it.
        """
        if self.signing_key is not None:
            return _seed_from(self.signing_key.get_secret_value(), "BACKBONE_SIGNING_KEY")
        path = self.data_dir / SIGNING_KEY_FILE
        if not path.exists():
            self.data_dir.mkdir(parents=True, exist_ok=True)
            draft = self.data_dir / f".{SIGNING_KEY_FILE}.{os.getpid()}.{secrets.token_hex(4)}"
            fd = os.open(draft, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
            with os.fdopen(fd, "w") as out:
                out.write(base64.b64encode(secrets.token_bytes(32)).decode() + "\n")
            try:
                os.link(draft, path)  # fails if another process linked its key first
            except FileExistsError:
                pass
            finally:
                draft.unlink()
        return _seed_from(path.read_text(), str(path))

    def existing_signing_seed(self) -> bytes | None:
        """The signing key if one is configured or already generated (none is made here)."""
        if self.signing_key is None and not (self.data_dir / SIGNING_KEY_FILE).exists():
            return None
        return self.resolved_signing_seed()

    def trusted_public_keys(self) -> list[str]:
        return [k for k in self.trusted_keys.replace(",", " ").split() if k]


def _seed_from(text: str, where: str) -> bytes:
    try:
        seed = base64.b64decode(text.strip(), validate=True)
    except binascii.Error:
        seed = b""
    if len(seed) != 32:
        raise ValueError(f"{where}: an Ed25519 signing key is base64 of 32 bytes.")
    return seed
