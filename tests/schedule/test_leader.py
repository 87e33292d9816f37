"""One worker leads ingest on a shared PostgreSQL; SQLite always leads."""

from __future__ import annotations

import asyncio

import pytest
from sqlalchemy import create_engine

from publisher.schedule.leader import Leadership
from publisher.store import SqlStore


@pytest.mark.postgres
async def test_second_worker_stands_by_until_the_leader_leaves(pg_store: SqlStore) -> None:
    first = Leadership(pg_store.engine, retry=0.05)
    second = Leadership(pg_store.engine, retry=0.05)
    assert first.try_acquire()
    assert not second.try_acquire()
    stop = asyncio.Event()
    waiting = asyncio.create_task(second.acquire(stop))
    await asyncio.sleep(0.2)
    assert not waiting.done()
    first.release()
    assert await asyncio.wait_for(waiting, 5)
    assert not first.try_acquire()
    second.release()


@pytest.mark.postgres
async def test_standby_gives_up_when_stopped(pg_store: SqlStore) -> None:
    first = Leadership(pg_store.engine)
    assert first.try_acquire()
    stop = asyncio.Event()
    waiting = asyncio.create_task(Leadership(pg_store.engine, retry=0.05).acquire(stop))
    stop.set()
    assert await asyncio.wait_for(waiting, 5) is False
    first.release()


def test_sqlite_worker_always_leads(tmp_path: object) -> None:
    engine = create_engine("sqlite://")
    assert Leadership(engine).try_acquire() and Leadership(engine).try_acquire()
    assert Leadership(None).try_acquire()
    engine.dispose()
