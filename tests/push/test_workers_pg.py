"""Two worker processes on one PostgreSQL: 10,000 events to 10 receivers, each once.

Every receiver subscribes to everything: 100,000 deliveries (about 70 s on this
2-core machine). PUSH_TEST_SPLIT=1 subscribes each receiver to one of ten
publications instead (10,000 deliveries), for a quicker run while developing.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import os
import sys
import time
from collections import Counter
from pathlib import Path

import pytest
from aiohttp import web
from sqlalchemy import func, select
from standardwebhooks import Webhook

from publisher.clock import SystemClock
from publisher.push.subscriptions import SubscriptionIn, SubscriptionRepo
from publisher.store import SqlStore
from publisher.store import tables as t

from .helpers import Receiver, Seen, add_events, simple_event

ROOT = Path(__file__).resolve().parents[2]
EVENTS = int(os.environ.get("PUSH_TEST_EVENTS", "10000"))
ALL = os.environ.get("PUSH_TEST_SPLIT") != "1"
RECEIVERS = 10
BOUND = 600 if ALL else 120  # a hang guard, not a speed check (see bench/bench_push.py)


@pytest.mark.slow
@pytest.mark.postgres
async def test_two_workers_deliver_everything_once(pg_url: str, pg_store: SqlStore) -> None:
    store = pg_store
    with store.engine.begin() as conn:
        names = ", ".join(tb.name for tb in t.metadata.sorted_tables)
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    clock = SystemClock()
    got: list[tuple[int, str]] = []
    receivers = []
    for i in range(RECEIVERS):
        def respond(seen: Seen, i: int = i) -> web.Response:
            got.append((i, seen.headers["webhook-id"]))
            return web.Response(status=204)
        receivers.append(await Receiver(respond=respond).start())
    repo = SubscriptionRepo(store, clock)
    subs = [repo.add(SubscriptionIn(id=f"r{i}", url=r.url + "/hook",
                                    publication=None if ALL else f"pub{i}"))
            for i, r in enumerate(receivers)]
    now = dt.datetime.now(dt.UTC)
    add_events(store, [simple_event(n, now, f"pub{n % RECEIVERS}") for n in range(EVENTS)])
    total = EVENTS * RECEIVERS if ALL else EVENTS
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    started = time.monotonic()
    procs = [await asyncio.create_subprocess_exec(
        sys.executable, "-m", "tests.push.worker_proc", pg_url, cwd=ROOT, env=env,
        stdout=asyncio.subprocess.PIPE)
        for _ in range(2)]
    try:
        outs = await asyncio.wait_for(asyncio.gather(*(p.communicate() for p in procs)), BOUND)
    except TimeoutError:
        print(f"\nonly {len(got)} delivered in {BOUND} s")
        raise
    finally:
        for p in procs:
            if p.returncode is None:
                p.kill()
        for r in receivers:
            seen = r.seen[:3]
            for s in seen:  # a sample verifies as a partner would
                Webhook(subs[receivers.index(r)].secret).verify(s.body, s.headers)
            await r.stop()
    elapsed = time.monotonic() - started
    assert [p.returncode for p in procs] == [0, 0]
    shares = [int(out.split()[-1]) for out, _ in outs]
    assert all(n > 0 for n in shares), shares  # both workers took part
    counts = Counter(got)
    dupes = [k for k, n in counts.items() if n > 1]
    assert dupes == [], f"{len(dupes)} webhook-ids delivered twice"
    assert len(counts) == total  # none lost
    with store.read() as conn:
        d = t.deliveries
        assert conn.scalar(select(func.count()).select_from(d)) == total
        assert conn.scalar(select(func.count()).select_from(d)
                           .where(d.c.status != "delivered")) == 0
        assert set(conn.scalars(select(d.c.id))) == {i for _, i in got}
    per_receiver = Counter(i for i, _ in got)
    assert set(per_receiver.values()) == {total // RECEIVERS}
    assert len(per_receiver) == RECEIVERS
    print(f"\n{total} deliveries by 2 workers in {elapsed:.1f} s")
