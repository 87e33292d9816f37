"""Schema migrations with Alembic, driven from code (no alembic.ini to keep in sync).

A database already at the newest revision is confirmed with one query, without
importing Alembic (with Mako and Pygments, about 11 MB of a web process that
would never use them again).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import inspect, text
from sqlalchemy.engine import Engine

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS = Path(__file__).parent / "migrations"
_REVISION = re.compile(r"^(revision|down_revision)\s*=\s*['\"]?([\w-]+)", re.MULTILINE)


def alembic_config(engine: Engine) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS))
    cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False))
    return cfg


def head_revision(versions: Path = MIGRATIONS / "versions") -> str | None:
    """The newest revision, read from the version files as Alembic reads their chain;
    None when this plain reading cannot be sure (a merge revision, an annotated
    `down_revision: str | None = …`, several heads): then Alembic itself decides."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in versions.glob("*.py"):
        found = dict(_REVISION.findall(path.read_text("utf-8")))
        if "revision" not in found or "down_revision" not in found:
            return None
        revisions.add(found["revision"])
        parents.add(found["down_revision"])
    heads = revisions - parents
    return heads.pop() if len(heads) == 1 else None


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.scalar(text("SELECT version_num FROM alembic_version"))
    return None if value is None else str(value)


def upgrade(engine: Engine, revision: str = "head") -> None:
    if revision == "head" and (head := head_revision()) is not None \
            and current_revision(engine) == head:
        return
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
