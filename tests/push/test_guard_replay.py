"""The outbound guard on the address dialled; secret rotation; replay."""

from __future__ import annotations

import datetime as dt
import random
import socket

import httpx
import pytest
from aiohttp import web
from standardwebhooks import Webhook

from publisher.clock import FixedClock
from publisher.errors import PushError
from publisher.push.deliveries import DeliveryRepo
from publisher.push.delivery import DeliveryWorker
from publisher.push.guard import Guard
from publisher.push.subscriptions import SubscriptionIn, SubscriptionRepo
from publisher.push.transport import make_client, send
from publisher.store import SqlStore
from publisher.store import tables as t

from .helpers import Receiver, add_events, rows, simple_event


@pytest.fixture
def no_connect(monkeypatch: pytest.MonkeyPatch) -> list[object]:
    """Fails the test if any socket connection is attempted (to 10.x above all)."""
    tried: list[object] = []
    real = socket.socket.connect

    def connect(self: socket.socket, address: object) -> None:
        tried.append(address)
        raise AssertionError(f"connection attempted to {address}")

    monkeypatch.setattr(socket.socket, "connect", connect)
    monkeypatch.setattr(socket.socket, "connect_ex", connect)
    _ = real
    return tried


@pytest.mark.parametrize("url", ["http://10.0.0.1/hook", "http://[::ffff:10.0.0.1]/hook",
                                 "http://169.254.169.254/latest", "http://100.64.0.1/",
                                 "http://[::1]/", "http://0.0.0.0/", "ftp://example.com/"])
async def test_literal_refused_before_connecting(url: str, no_connect: list[object]) -> None:
    async with make_client(Guard()) as client:
        with pytest.raises(PushError, match=r"outbound guard|only http"):
            await send(client, "POST", url, content=b"{}")
    assert no_connect == []


async def test_hostname_resolving_to_loopback_is_refused(receiver: Receiver) -> None:
    async with make_client(Guard()) as client:
        with pytest.raises(PushError, match=r"outbound guard.*127\.0\.0\.1"):
            await send(client, "POST", f"http://localhost:{receiver.port}/", content=b"{}")
    assert receiver.seen == []
    async with make_client(Guard(["127.0.0.1/32", "::1/128"])) as client:  # allowed
        reply = await send(client, "POST", f"http://localhost:{receiver.port}/", content=b"{}")
    assert reply.status == 204 and len(receiver.seen) == 1


async def test_refused_delivery_is_recorded(store: SqlStore, now_clock: FixedClock,
                                            no_connect: list[object]) -> None:
    SubscriptionRepo(store, now_clock).add(SubscriptionIn(url="http://10.0.0.1/hook"))
    add_events(store, [simple_event(1, now_clock.now())])
    async with make_client(Guard()) as client:
        await DeliveryWorker(store, now_clock, client).run_once()
    (d,) = rows(store, t.deliveries)
    assert d.status == "failed" and "outbound guard" in d.last_error
    (a,) = rows(store, t.delivery_attempts)
    assert a.status_code is None and "10.0.0.1" in a.error
    assert no_connect == []


async def test_rotation_signs_with_both_secrets_for_a_day(
        store: SqlStore, now_clock: FixedClock, client: httpx.AsyncClient,
        receiver: Receiver) -> None:
    repo = SubscriptionRepo(store, now_clock)
    old = repo.add(SubscriptionIn(url=receiver.url))
    new = repo.rotate_secret(old.id)
    assert new.secret != old.secret and new.previous_secret == old.secret
    w = DeliveryWorker(store, now_clock, client)
    add_events(store, [simple_event(1, now_clock.now())])
    await w.run_once()
    seen = receiver.seen[-1]
    assert len(seen.headers["webhook-signature"].split(" ")) == 2
    Webhook(old.secret).verify(seen.body, seen.headers)
    Webhook(new.secret).verify(seen.body, seen.headers)
    now_clock.advance(hours=24, seconds=1)
    add_events(store, [simple_event(2, now_clock.now())])
    await w.run_once()
    seen = receiver.seen[-1]
    assert len(seen.headers["webhook-signature"].split(" ")) == 1
    Webhook(new.secret).verify(seen.body, seen.headers)
    with pytest.raises(Exception, match="signature"):
        Webhook(old.secret).verify(seen.body, seen.headers)


async def test_replay_resends_exactly_the_failed(store: SqlStore, now_clock: FixedClock,
                                                 client: httpx.AsyncClient,
                                                 receiver: Receiver) -> None:
    down = {"/b"}
    receiver.respond = lambda s: web.Response(status=500 if s.path in down else 200)
    repo = SubscriptionRepo(store, now_clock)
    repo.add(SubscriptionIn(id="a", url=receiver.url + "/a"))
    repo.add(SubscriptionIn(id="b", url=receiver.url + "/b"))
    start = now_clock.now()
    add_events(store, [simple_event(i, now_clock.now()) for i in range(3)])
    w = DeliveryWorker(store, now_clock, client, rng=random.Random(1))
    for _ in range(8):
        await w.run_once()
        now_clock.advance(hours=12)
    deliveries = DeliveryRepo(store, now_clock)
    dead = {d.id for d in deliveries.find(status="dead")}
    assert len(dead) == 3 and {d.subscription_id for d in deliveries.find(status="dead")} == {"b"}
    down.clear()
    receiver.seen.clear()
    assert set(deliveries.replay(since=start)) == dead
    await w.run_once()
    assert {s.headers["webhook-id"] for s in receiver.seen} == dead
    assert len(receiver.seen) == 3
    assert {d.status for d in deliveries.find()} == {"delivered"}
    assert deliveries.replay(since=start - dt.timedelta(days=1)) == []


async def test_a_refused_url_stays_refused(no_connect: list[object]) -> None:
    """The guard remembers URLs it passed, never the ones it refused."""
    guard = Guard(["192.0.2.0/24"])
    guard.check_url("http://192.0.2.1/hook")
    guard.check_url("http://192.0.2.1/hook")
    async with make_client(guard) as client:
        for _ in range(2):
            with pytest.raises(PushError, match="outbound guard"):
                await send(client, "POST", "http://10.0.0.1/hook", content=b"{}")
    assert no_connect == []
