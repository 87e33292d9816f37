"""Webhook delivery against real loopback receivers, on SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import json
import random

import httpx
import pytest
from aiohttp import web
from sqlalchemy import select
from standardwebhooks import Webhook

from publisher.clock import FixedClock
from publisher.models import Publication
from publisher.push.delivery import DeliveryWorker
from publisher.push.outbox import Outbox
from publisher.push.subscriptions import SubscriptionIn, SubscriptionRepo
from publisher.store import SqlStore
from publisher.store import tables as t

from .helpers import (
    Receiver,
    add_events,
    article,
    events_for,
    free_port,
    rows,
    simple_event,
)


def worker(store: SqlStore, clock: FixedClock, client: httpx.AsyncClient) -> DeliveryWorker:
    return DeliveryWorker(store, clock, client, rng=random.Random(7))


async def test_release_is_delivered_signed(store: SqlStore, now_clock: FixedClock,
                                           client: httpx.AsyncClient, receiver: Receiver,
                                           guilin: Publication) -> None:
    repo = SubscriptionRepo(store, now_clock)
    sub = repo.add(SubscriptionIn(url=receiver.url + "/hook"))
    assert sub.secret.startswith("whsec_")
    evs = events_for(guilin, [article(1), article(2, "绿色生态漓江")], now_clock.now())
    add_events(store, evs)
    w = worker(store, now_clock, client)
    assert await w.run_once() == len(evs)
    assert len(receiver.seen) == len(evs)
    for seen in receiver.seen:
        payload = Webhook(sub.secret).verify(seen.body, seen.headers)
        assert payload["type"] in {e.type for e in evs}
        assert seen.headers["content-type"] == "application/json"
    bodies = [json.loads(s.body) for s in receiver.seen]
    published = [b for b in bodies if b["type"] == "article.published"]
    headlines = {b["data"]["article"]["headline"] for b in published}
    assert headlines == {"市政协会议召开", "绿色生态漓江"}
    assert published[0]["data"]["article"]["paragraphs"]  # the full article
    ids = {s.headers["webhook-id"] for s in receiver.seen}
    assert ids == {r.id for r in rows(store, t.deliveries)}
    assert {r.status for r in rows(store, t.deliveries)} == {"delivered"}
    assert await w.run_once() == 0  # nothing twice


async def test_filters(store: SqlStore, now_clock: FixedClock, client: httpx.AsyncClient,
                       receiver: Receiver, guilin: Publication) -> None:
    repo = SubscriptionRepo(store, now_clock)
    repo.add(SubscriptionIn(url=receiver.url + "/a", event_types=["article.*"],
                            section="shengtai"))
    repo.add(SubscriptionIn(url=receiver.url + "/b", publication="other-paper"))
    repo.add(SubscriptionIn(url=receiver.url + "/c", enabled=False))
    add_events(store, events_for(guilin, [article(1), article(2, "绿色生态漓江")],
                                 now_clock.now()))
    await worker(store, now_clock, client).run_once()
    assert [s.path for s in receiver.seen] == ["/a"]
    assert json.loads(receiver.seen[0].body)["data"]["article"]["headline"] == "绿色生态漓江"


async def test_down_three_times_then_fourth_succeeds(
        store: SqlStore, now_clock: FixedClock, client: httpx.AsyncClient,
        receiver: Receiver) -> None:
    answers = iter([500, 502, 504, 200])
    receiver.respond = lambda _s: web.Response(status=next(answers), text="x" * 10_000)
    sub = SubscriptionRepo(store, now_clock).add(SubscriptionIn(url=receiver.url))
    add_events(store, [simple_event(1, now_clock.now())])
    w = worker(store, now_clock, client)
    assert await w.run_once() == 1
    for expected_wait in (5, 300, 1800):
        assert await w.run_once() == 0  # not due yet
        (d,) = rows(store, t.deliveries)
        wait = (d.next_attempt_at - now_clock.now()).total_seconds()
        assert 0.8 * expected_wait <= wait <= 1.2 * expected_wait
        now_clock.advance(seconds=wait)
        assert await w.run_once() == 1
    assert len(receiver.seen) == 4
    assert len({s.headers["webhook-id"] for s in receiver.seen}) == 1
    for s in receiver.seen:
        Webhook(sub.secret).verify(s.body, s.headers)
    (d,) = rows(store, t.deliveries)
    assert (d.status, d.attempts, d.last_status) == ("delivered", 4, 200)
    attempts = rows(store, t.delivery_attempts)
    assert [a.status_code for a in attempts] == [500, 502, 504, 200]
    assert all(len(a.response) == 4096 for a in attempts)  # first 4 KB kept


@pytest.mark.parametrize("code", [429, 503])
async def test_retry_after_is_honoured(store: SqlStore, now_clock: FixedClock,
                                       client: httpx.AsyncClient, receiver: Receiver,
                                       code: int) -> None:
    receiver.respond = lambda _s: web.Response(status=code, headers={"Retry-After": "7200"})
    SubscriptionRepo(store, now_clock).add(SubscriptionIn(url=receiver.url))
    add_events(store, [simple_event(1, now_clock.now())])
    w = worker(store, now_clock, client)
    await w.run_once()
    (d,) = rows(store, t.deliveries)
    assert d.next_attempt_at == now_clock.now() + dt.timedelta(hours=2)
    now_clock.advance(seconds=7199)
    assert await w.run_once() == 0
    now_clock.advance(seconds=1)
    assert await w.run_once() == 1


async def test_gone_disables_the_endpoint(store: SqlStore, now_clock: FixedClock,
                                          client: httpx.AsyncClient, receiver: Receiver) -> None:
    receiver.respond = lambda _s: web.Response(status=410)
    repo = SubscriptionRepo(store, now_clock)
    sub = repo.add(SubscriptionIn(url=receiver.url))
    add_events(store, [simple_event(1, now_clock.now())])
    await worker(store, now_clock, client).run_once()
    got = repo.get(sub.id)
    assert not got.enabled and got.disabled_reason == "410 Gone"
    add_events(store, [simple_event(2, now_clock.now())])
    now_clock.advance(hours=1)
    await worker(store, now_clock, client).run_once()
    assert len(receiver.seen) == 1
    assert [r.status for r in rows(store, t.deliveries)] == ["dead"]


async def test_redirect_is_not_followed(store: SqlStore, now_clock: FixedClock,
                                        client: httpx.AsyncClient, receiver: Receiver) -> None:
    receiver.respond = lambda s: (web.Response(status=307, headers={"Location": "/elsewhere"})
                                  if s.path == "/hook" else web.Response(status=200))
    SubscriptionRepo(store, now_clock).add(SubscriptionIn(url=receiver.url + "/hook"))
    add_events(store, [simple_event(1, now_clock.now())])
    await worker(store, now_clock, client).run_once()
    assert [s.path for s in receiver.seen] == ["/hook"]
    (d,) = rows(store, t.deliveries)
    assert (d.status, d.last_status) == ("failed", 307)
    assert "/elsewhere" in d.last_error


async def test_failing_five_days_disables(store: SqlStore, now_clock: FixedClock,
                                          client: httpx.AsyncClient, receiver: Receiver) -> None:
    receiver.respond = lambda _s: web.Response(status=500)
    repo = SubscriptionRepo(store, now_clock)
    sub = repo.add(SubscriptionIn(url=receiver.url))
    w = worker(store, now_clock, client)
    for day in range(6):
        add_events(store, [simple_event(day, now_clock.now())])
        await w.run_once()
        assert repo.get(sub.id).enabled is (day < 5)
        now_clock.advance(days=1)
    assert "5 days" in (repo.get(sub.id).disabled_reason or "")
    with store.read() as conn:
        assert set(conn.scalars(select(t.deliveries.c.status))) == {"dead"}


async def test_attempts_run_out(store: SqlStore, now_clock: FixedClock,
                                client: httpx.AsyncClient, receiver: Receiver) -> None:
    receiver.respond = lambda _s: web.Response(status=500)
    SubscriptionRepo(store, now_clock).add(SubscriptionIn(url=receiver.url))
    add_events(store, [simple_event(1, now_clock.now())])
    w = worker(store, now_clock, client)
    for _ in range(8):
        now_clock.advance(hours=12)
        assert await w.run_once() == 1
    now_clock.advance(hours=12)
    assert await w.run_once() == 0
    (d,) = rows(store, t.deliveries)
    assert (d.status, d.attempts) == ("dead", 8)


async def test_a_round_refills_and_records_in_chunks(
        store: SqlStore, now_clock: FixedClock, client: httpx.AsyncClient,
        receiver: Receiver) -> None:
    """Batches of 4 claimed while the last is still sending, recorded 3 at a time:
    one round sends all 25, each once, and every attempt is recorded when it returns."""
    repo = SubscriptionRepo(store, now_clock)
    secrets = {f"/hook/{i}": repo.add(SubscriptionIn(url=f"{receiver.url}/hook/{i}")).secret
               for i in range(25)}
    add_events(store, [simple_event(1, now_clock.now())])
    w = DeliveryWorker(store, now_clock, client, rng=random.Random(7), batch=4,
                       record_every=3)
    assert await w.run_once() == 25
    assert sorted(s.path for s in receiver.seen) == sorted(secrets)
    assert len({s.headers["webhook-id"] for s in receiver.seen}) == 25
    for s in receiver.seen:
        Webhook(secrets[s.path]).verify(s.body, s.headers)
        assert s.headers["user-agent"].startswith("edition-publisher/")
    assert {r.status for r in rows(store, t.deliveries)} == {"delivered"}
    assert len(rows(store, t.delivery_attempts)) == 25
    assert await w.run_once() == 0


async def test_results_are_written_while_a_slow_send_is_still_out(
        store: SqlStore, now_clock: FixedClock, client: httpx.AsyncClient) -> None:
    release = asyncio.Event()

    async def hook(request: web.Request) -> web.Response:
        if request.path == "/slow":
            await release.wait()
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/{tail:.*}", hook)
    runner = web.AppRunner(app, access_log=None)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    try:
        repo = SubscriptionRepo(store, now_clock)
        for path in ("/slow", "/a", "/b"):
            repo.add(SubscriptionIn(id=path.strip("/"), url=f"http://127.0.0.1:{port}{path}"))
        add_events(store, [simple_event(1, now_clock.now())])
        w = DeliveryWorker(store, now_clock, client, record_within=0.1)
        round_ = asyncio.create_task(w.run_once())
        # the fast two are written within about 0.1 s, while /slow is still out
        for _ in range(100):
            await asyncio.sleep(0.05)
            done = {r.subscription_id for r in rows(store, t.deliveries)
                    if r.status == "delivered"}
            if done:
                break
        assert done == {"a", "b"} and not round_.done()
        release.set()
        assert await round_ == 3
        assert {r.status for r in rows(store, t.deliveries)} == {"delivered"}
    finally:
        release.set()
        await runner.cleanup()


async def test_a_round_stops_at_per_round(store: SqlStore, now_clock: FixedClock,
                                          client: httpx.AsyncClient,
                                          receiver: Receiver) -> None:
    repo = SubscriptionRepo(store, now_clock)
    for i in range(10):
        repo.add(SubscriptionIn(url=f"{receiver.url}/hook/{i}"))
    add_events(store, [simple_event(1, now_clock.now())])
    w = DeliveryWorker(store, now_clock, client, batch=3, per_round=5)
    # the fan-out's own 5, then claims of 3+2
    assert [await w.run_once() for _ in range(4)] == [5, 5, 0, 0]
    assert len(receiver.seen) == 10


def test_a_fan_out_claims_what_it_writes_up_to_its_limit(store: SqlStore,
                                                        now_clock: FixedClock) -> None:
    repo = SubscriptionRepo(store, now_clock)
    subs = {repo.add(SubscriptionIn(url=f"https://example.org/hook/{i}")).id for i in range(5)}
    add_events(store, [simple_event(1, now_clock.now())])
    mine = Outbox(store, now_clock).fan_out(claim=3)
    assert len(mine.events) == 1 and len(mine.jobs) == 3
    assert {j.subscription_id for j in mine.jobs} <= subs
    assert {j.url for j in mine.jobs} <= {f"https://example.org/hook/{i}" for i in range(5)}
    assert all(j.attempts == 0 and j.secret.startswith("whsec_") for j in mine.jobs)
    # another worker gets only the two left pending, and all five once the leases end
    other = Outbox(store, now_clock)
    left = other.claim(10)
    assert len(left) == 2 and not {j.id for j in left} & {j.id for j in mine.jobs}
    now_clock.advance(seconds=61)
    assert {j.id for j in other.claim(10)} == {j.id for j in mine.jobs + left}


async def test_a_lease_run_out_while_queued_is_renewed_or_left_to_its_new_owner(
        store: SqlStore, now_clock: FixedClock, client: httpx.AsyncClient,
        receiver: Receiver) -> None:
    SubscriptionRepo(store, now_clock).add(SubscriptionIn(url=receiver.url + "/hook"))
    add_events(store, [simple_event(1, now_clock.now()), simple_event(2, now_clock.now())])
    w = DeliveryWorker(store, now_clock, client, rng=random.Random(7), wall=now_clock)
    w.outbox.fan_out()
    mine, lost = sorted(w.outbox.claim(10), key=lambda j: j.event.id)
    # it waited behind a slow endpoint for 50 of its 60 s: renewed, then sent, and
    # stamped with the time it went out, not the time it was claimed
    now_clock.advance(seconds=50)
    result = await w.attempt(mine)
    assert result is not None and result.outcome is not None
    (seen,) = receiver.seen
    assert seen.headers["webhook-id"] == mine.id
    assert seen.headers["webhook-timestamp"] == str(int(now_clock.now().timestamp()))
    # the other waited past its lease and another worker has claimed it since
    now_clock.advance(seconds=15)
    (taken,) = DeliveryWorker(store, now_clock, client).outbox.claim(10)
    assert taken.id == lost.id
    assert await w.attempt(lost) is None
    assert len(receiver.seen) == 1
