"""Shared fixtures: a store on SQLite and on the machine's PostgreSQL, a clock."""

from __future__ import annotations

import datetime as dt
import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from sqlalchemy import text

from publisher.clock import FixedClock
from publisher.config import load_publications
from publisher.models import Publication
from publisher.store import SqlStore, open_store
from publisher.store.tables import metadata

ROOT = Path(__file__).resolve().parent.parent
SEED_DIR = ROOT / "seeds" / "guilin-daily" / "2026-04-02"
SHARED = ROOT.parent / "shared"
PG_ADMIN = os.environ.get("PUBLISHER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")


@pytest.fixture(scope="session")
def pg_url() -> Iterator[str]:
    """A fresh database on the local PostgreSQL server for this test session."""
    name = f"publisher_test_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    base = PG_ADMIN.rsplit("/", 1)[0]
    yield f"{base}/{name}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def pg_store(pg_url: str) -> Iterator[SqlStore]:
    store = open_store(pg_url)
    yield store
    store.close()


@pytest.fixture(params=["sqlite", pytest.param("postgresql", marks=pytest.mark.postgres)])
def store(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[SqlStore]:
    """The same tests on both databases."""
    if request.param == "sqlite":
        s = open_store(f"sqlite:///{tmp_path / 'test.db'}")
        yield s
        s.close()
        return
    s = request.getfixturevalue("pg_store")
    with s.engine.begin() as conn:
        names = ", ".join(t.name for t in metadata.sorted_tables)
        conn.execute(text(f"TRUNCATE {names} RESTART IDENTITY CASCADE"))
    yield s


@pytest.fixture
def publications() -> dict[str, Publication]:
    return load_publications(ROOT / "config" / "publications")


@pytest.fixture
def guilin(publications: dict[str, Publication]) -> Publication:
    return publications["guilin-daily"]


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock(dt.datetime(2026, 4, 2, 0, 30, tzinfo=dt.UTC))


@pytest.fixture
def seed_bytes() -> bytes:
    return (SEED_DIR / "01.txt").read_bytes()


def place_page(inbox: Path, data: bytes, *, slug: str = "guilin-daily",
               date: str = "2026-04-02", number: int = 1) -> Path:
    folder = inbox / slug / date
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"{number:02d}.txt"
    tmp = folder / f".{number:02d}.txt.part"
    tmp.write_bytes(data)
    tmp.replace(path)
    return path
