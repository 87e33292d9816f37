"""Publication files (config/publications/<slug>.toml) and edition.toml."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from pydantic import BaseModel, ConfigDict, ValidationError

from publisher.errors import ConfigError
from publisher.models import Publication


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"not valid TOML: {e}", key=str(path)) from e
    except OSError as e:
        raise ConfigError(f"cannot read: {e.strerror}", key=str(path)) from e


def _first_error(e: ValidationError) -> str:
    err = e.errors()[0]
    loc = ".".join(str(p) for p in err["loc"])
    return f"field {loc!r} = {err.get('input')!r}: {err['msg']}"


def load_publication(path: Path) -> Publication:
    data = _read_toml(path)
    data.setdefault("slug", path.stem)
    try:
        pub = Publication.model_validate(data)
    except ValidationError as e:
        raise ConfigError(_first_error(e), key=str(path)) from e
    try:
        ZoneInfo(pub.timezone)
    except (ZoneInfoNotFoundError, ValueError) as e:
        raise ConfigError(f"unknown time zone {pub.timezone!r}", key=str(path)) from e
    return pub


def load_publications(directory: Path) -> dict[str, Publication]:
    if not directory.is_dir():
        return {}
    pubs = [load_publication(p) for p in sorted(directory.glob("*.toml"))]
    return {p.slug: p for p in pubs}


class EditionInfo(BaseModel):
    """What an edition folder's edition.toml says (all optional)."""

    model_config = ConfigDict(extra="ignore")

    publication: str | None = None
    date: dt.date | None = None
    pages: dict[int, str] = {}
    publish_at: dt.datetime | None = None


def load_edition_info(folder: Path) -> EditionInfo:
    path = folder / "edition.toml"
    if not path.is_file():
        return EditionInfo()
    try:
        return EditionInfo.model_validate(_read_toml(path))
    except ValidationError as e:
        raise ConfigError(_first_error(e), key=str(path)) from e
