"""Process settings: config/publisher.toml, overridden by PUBLISHER_* variables."""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from pydantic import Field, ValidationError, field_validator
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    TomlConfigSettingsSource,
)

from publisher.errors import ConfigError

DEFAULT_CONFIG = Path("config/publisher.toml")


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="PUBLISHER_", extra="forbid")

    database_url: str = "sqlite:///var/publisher.db"
    inbox: Path = Path("inbox")
    seeds: Path | None = Path("seeds")
    feeds_dir: Path = Path("feeds")
    quarantine: Path = Path("var/quarantine")
    # Where the worker moves inbox files once ingested (same <slug>/<date>/NN.txt layout).
    archive: Path = Path("var/archive")
    publications_dir: Path = Path("config/publications")
    subscribers_file: Path = Path("config/subscribers.toml")
    base_url: str = "http://127.0.0.1:8000"
    host: str = "127.0.0.1"
    port: int = Field(default=8000, ge=0, le=65535)
    feed_limit: int = Field(default=50, ge=1, le=1000)
    admin_token: str | None = None
    tag_authority: str = "publisher.local"
    # Networks the outbound guard lets webhooks and WebSub callbacks reach.
    allow_networks: list[str] = Field(default_factory=list)
    scan_interval: float = Field(default=30.0, gt=0)
    quiet_period: float = Field(default=0.5, ge=0)
    # Seconds between sweeps: due embargoes, overdue editions (edition.missing).
    sweep_interval: float = Field(default=5.0, gt=0)

    @field_validator("base_url")
    @classmethod
    def _base_url(cls, v: str) -> str:
        if not v.startswith(("http://", "https://")):
            raise ValueError("must start with http:// or https://")
        return v.rstrip("/")

    @field_validator("database_url")
    @classmethod
    def _database_url(cls, v: str) -> str:
        if not v.startswith(("sqlite", "postgresql")):
            raise ValueError("must be a sqlite:// or postgresql:// URL")
        return v

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        path = Path(os.environ.get("PUBLISHER_CONFIG", DEFAULT_CONFIG))
        return (init_settings, env_settings, TomlConfigSettingsSource(settings_cls, path))


def load_settings(**overrides: Any) -> Settings:
    """Load settings; a bad value raises ConfigError naming the setting and value."""
    path = os.environ.get("PUBLISHER_CONFIG", str(DEFAULT_CONFIG))
    # The default file is optional (the defaults then apply), but a file the operator
    # named and that is not there is a mistake to stop on, not to run without.
    if "PUBLISHER_CONFIG" in os.environ and not Path(path).is_file():
        raise ConfigError(f"config file not found: {path} (named by PUBLISHER_CONFIG)",
                          key=path)
    try:
        return Settings(**overrides)
    except ValidationError as e:
        err = e.errors()[0]
        name = ".".join(str(p) for p in err["loc"]) or "settings"
        raise ConfigError(
            f"bad value {err.get('input')!r} for setting {name!r} "
            f"(env PUBLISHER_{name.upper()} or {path}): {err['msg']}",
            key=name,
        ) from e
    except Exception as e:  # a malformed TOML file
        raise ConfigError(f"cannot read settings: {e}", key=path) from e
