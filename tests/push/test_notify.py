"""Outbox events announced over LISTEN/NOTIFY wake every delivery loop on PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt

import pytest
from sqlalchemy import create_engine

from publisher.push.notify import dsn, listen
from publisher.store import SqlStore

from .helpers import add_events, simple_event


@pytest.mark.postgres
async def test_committed_events_wake_a_listener(pg_store: SqlStore) -> None:
    wake, stop = asyncio.Event(), asyncio.Event()
    task = asyncio.create_task(listen(pg_store.engine, wake, stop))
    await asyncio.wait_for(wake.wait(), 10)  # set once on (re)connecting
    wake.clear()
    await asyncio.sleep(0.2)
    assert not wake.is_set()
    now = dt.datetime.now(dt.UTC)
    # an id of its own: the session's database holds other tests' events
    await asyncio.to_thread(add_events, pg_store, [simple_event(987_654, now, "notify-test")])
    await asyncio.wait_for(wake.wait(), 10)
    stop.set()
    await asyncio.wait_for(task, 10)


def test_sqlite_has_nothing_to_listen_to() -> None:
    engine = create_engine("sqlite://")
    assert dsn(engine) is None
    engine.dispose()
