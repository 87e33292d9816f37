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


def head_revision() -> str:
    """The newest revision, read from the version files as Alembic reads their chain."""
    revisions: set[str] = set()
    parents: set[str] = set()
    for path in (MIGRATIONS / "versions").glob("*.py"):
        found = dict(_REVISION.findall(path.read_text("utf-8")))
        revisions.add(found["revision"])
        parents.add(found.get("down_revision", "None"))
    heads = revisions - parents
    if len(heads) != 1:
        raise ValueError(f"migrations have {len(heads)} heads: {sorted(heads)}")
    return heads.pop()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        value = conn.scalar(text("SELECT version_num FROM alembic_version"))
    return None if value is None else str(value)


def upgrade(engine: Engine, revision: str = "head") -> None:
    if revision == "head" and current_revision(engine) == head_revision():
        return
    from alembic import command

    cfg = alembic_config(engine)
    with engine.begin() as conn:
        cfg.attributes["connection"] = conn
        command.upgrade(cfg, revision)
