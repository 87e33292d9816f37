"""store.bulk writes exactly what SQLAlchemy's own executemany writes, on both databases."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from sqlalchemy import insert, select, text

from publisher.store import SqlStore, bulk
from publisher.store import tables as t
from publisher.store.bulk import insert_many, update_many

T0 = dt.datetime(2026, 12, 1, 8, 0, 0, tzinfo=dt.UTC)  # no microseconds: the format shows
BEIJING = dt.timezone(dt.timedelta(hours=8))


def rows(first: int) -> list[dict[str, Any]]:
    # a repeated time (processed once), one in another zone, a None, non-ASCII text
    return [{"id": first + i, "path": f"inbox/桂林日报/{i}.txt", "sha256": None if i == 1 else "ab",
             "status": "ingested", "error": "版面 — 错误" if i == 2 else None,
             "received_at": T0 if i < 2 else T0.astimezone(BEIJING),
             "processed_at": T0 + dt.timedelta(seconds=i, microseconds=250000 * i)}
            for i in range(3)]


def stored(store: SqlStore, ids: range) -> list[tuple[Any, ...]]:
    """The rows as the database holds them (raw SQL, no type processing) and as read."""
    f = t.ingest_files
    with store.read() as conn:
        raw = conn.execute(text("SELECT path, sha256, status, error, received_at, processed_at"
                                " FROM ingest_files WHERE id >= :a AND id < :b ORDER BY id"),
                           {"a": ids.start, "b": ids.stop}).all()
        typed = conn.execute(select(f.c.path, f.c.received_at, f.c.processed_at)
                             .where(f.c.id.in_(list(ids))).order_by(f.c.id)).all()
    return [tuple(r) for r in raw] + [tuple(r) for r in typed]


def test_insert_many_stores_what_sqlalchemy_stores(store: SqlStore) -> None:
    with store.tx() as conn:
        conn.execute(insert(t.ingest_files), rows(1))
        insert_many(conn, t.ingest_files, rows(11))
    ours, theirs = stored(store, range(11, 14)), stored(store, range(1, 4))
    assert ours == theirs
    assert ours[-3][1] == T0  # read back aware UTC, whatever zone it was given in
    # and compares in SQL as theirs do (SQLite compares the stored strings)
    with store.read() as conn:
        f = t.ingest_files
        due = conn.scalars(select(f.c.id).where(f.c.processed_at <= T0 + dt.timedelta(seconds=2))
                           .order_by(f.c.id)).all()
    assert due == [1, 2, 11, 12]


def test_update_many_sets_each_row_by_its_key(store: SqlStore) -> None:
    with store.tx() as conn:
        insert_many(conn, t.ingest_files, rows(1))
        update_many(conn, t.ingest_files, "id", [
            {"id": 3, "status": "quarantined", "error": "不是文本", "processed_at": T0},
            {"id": 1, "status": "unchanged", "error": None, "processed_at": T0}])
    f = t.ingest_files
    with store.read() as conn:
        got = conn.execute(select(f.c.id, f.c.status, f.c.error, f.c.processed_at)
                           .order_by(f.c.id)).all()
    assert [tuple(r) for r in got] == [
        (1, "unchanged", None, T0),
        (2, "ingested", None, T0 + dt.timedelta(seconds=1, microseconds=250000)),
        (3, "quarantined", "不是文本", T0)]


def test_nothing_to_write_is_no_statement(store: SqlStore) -> None:
    with store.tx() as conn:
        insert_many(conn, t.ingest_files, [])
        update_many(conn, t.ingest_files, "id", [])
    with store.read() as conn:
        assert conn.scalar(text("SELECT count(*) FROM ingest_files")) == 0


def test_many_rows_go_in_chunks(store: SqlStore, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bulk, "CHUNK", 2)
    many = [{**r, "id": n + 1} for n, r in enumerate(rows(0) + rows(0) + rows(0)[:1])]
    with store.tx() as conn:
        insert_many(conn, t.ingest_files, many)  # 7 rows: 2 + 2 + 2 + 1
        update_many(conn, t.ingest_files, "id", [{"id": n + 1, "status": "unchanged"}
                                                 for n in range(5)])
    f = t.ingest_files
    with store.read() as conn:
        got = conn.execute(select(f.c.id, f.c.path, f.c.status).order_by(f.c.id)).all()
    assert [r.id for r in got] == list(range(1, 8))
    assert [r.path for r in got] == [r["path"] for r in many]
    assert [r.status for r in got] == ["unchanged"] * 5 + ["ingested"] * 2
