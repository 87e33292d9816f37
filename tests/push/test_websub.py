"""The WebSub hub, after websub.rocks hub tests 100–106, through the real app route."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from urllib.parse import urlencode

import httpx
import pytest
from aiohttp import web

from publisher.clock import FixedClock
from publisher.models import Event, Publication
from publisher.push.services import PushServices
from publisher.push.websub_distribute import Distributor
from publisher.render.service import FeedService, Rendered, make_rendered
from publisher.store import SqlStore
from publisher.web.app import create_app

from .helpers import LINKS, Receiver, Seen, add_events

RSS = LINKS.feed("guilin-daily", None, "rss")
TEXT_TOPIC = LINKS.feed("guilin-daily", "yaowen", "rss")
JSON_TOPIC = LINKS.feed("guilin-daily", "shengtai", "json")
HUB = LINKS.hub()


class StubFeeds:
    """Rendered bytes per topic; a plain-text and a JSON one as in websub.rocks 105/106."""

    def __init__(self) -> None:
        self.bodies: dict[tuple[str, str | None, str], Rendered] = {
            ("guilin-daily", None, "rss"): make_rendered(
                "<?xml version='1.0'?><rss><channel><title>桂林日报</title></channel></rss>"
                .encode(), None, "application/rss+xml"),
            ("guilin-daily", "yaowen", "rss"): make_rendered(
                "Hello, 桂林. This is plain text.\n".encode(), None, "text/plain"),
            ("guilin-daily", "shengtai", "json"): make_rendered(
                json.dumps({"hello": "漓江", "n": 1}, ensure_ascii=False).encode(), None,
                "application/json"),
        }

    def feed(self, slug: str, section: str | None, fmt: str) -> Rendered:
        return self.bodies[(slug, section, fmt)]


def echo(seen: Seen) -> web.Response:
    if seen.method == "GET":
        return web.Response(text=seen.query.get("hub.challenge", ""))
    return web.Response(status=200)


@pytest.fixture
async def push(store: SqlStore, clock: FixedClock, guilin: Publication
               ) -> AsyncIterator[PushServices]:
    p = PushServices(store, clock, LINKS, {"guilin-daily": guilin}, StubFeeds(),
                     allow_networks=["127.0.0.1/32"])
    yield p
    await p.aclose()


@pytest.fixture
async def hub(push: PushServices) -> AsyncIterator[httpx.AsyncClient]:
    app = create_app(FeedService(push.store, push.publications, push.links), push)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://127.0.0.1:8000") as c:
        yield c


async def request(hub: httpx.AsyncClient, **form: str) -> httpx.Response:
    return await hub.post("/websub", content=urlencode(form),
                          headers={"content-type": "application/x-www-form-urlencoded"})


def feed_updated(push: PushServices, section: str | None) -> Event:
    return Event(id=f"evt_feed_{section}", type="feed.updated", timestamp=push.clock.now(),
                 publication="guilin-daily", section=section,
                 data={"publication": "guilin-daily", "section": section,
                       "feeds": {f: LINKS.feed("guilin-daily", section, f)
                                 for f in ("rss", "atom", "json")}})


async def distribute(push: PushServices, section: str | None) -> None:
    add_events(push.store, [feed_updated(push, section)])
    await push.worker().run_once()


def check_verification(seen: Seen, mode: str, topic: str, lease: int | None) -> None:
    assert (seen.method, seen.path) == ("GET", "/cb")
    assert seen.raw_query.startswith("token=abc&")  # the callback's own query kept
    want = {"token": "abc", "hub.mode": mode, "hub.topic": topic,
            "hub.challenge": seen.query["hub.challenge"]}
    if lease is not None:
        want["hub.lease_seconds"] = str(lease)
    assert seen.query == want and len(seen.query["hub.challenge"]) >= 20
    assert seen.body == b""


def check_distribution(seen: Seen, push: PushServices, topic: str, key: tuple[str, str | None,
                       str], secret: str | None = None) -> None:
    rendered = StubFeeds().bodies[key]
    assert (seen.method, seen.path, seen.raw_query) == ("POST", "/cb", "token=abc")
    assert seen.body == rendered.body
    assert seen.headers["content-type"] == rendered.media_type
    assert seen.headers["link"] == f'<{HUB}>; rel="hub", <{topic}>; rel="self"'
    if secret is None:
        assert "x-hub-signature" not in seen.headers
    else:
        mac = hmac.new(secret.encode(), rendered.body, hashlib.sha256).hexdigest()
        assert seen.headers["x-hub-signature"] == "sha256=" + mac


@pytest.mark.parametrize(("topic", "key", "section"), [
    (RSS, ("guilin-daily", None, "rss"), None),                       # 100
    (TEXT_TOPIC, ("guilin-daily", "yaowen", "rss"), "yaowen"),        # 105 plain text
    (JSON_TOPIC, ("guilin-daily", "shengtai", "json"), "shengtai"),   # 106 JSON
])
async def test_subscribe_and_distribute(hub: httpx.AsyncClient, push: PushServices,
                                        receiver: Receiver, topic: str,
                                        key: tuple[str, str | None, str],
                                        section: str | None) -> None:
    receiver.respond = echo
    resp = await request(hub, **{"hub.mode": "subscribe", "hub.topic": topic,
                                 "hub.callback": receiver.url + "/cb?token=abc"})
    assert resp.status_code == 202
    (seen,) = receiver.seen
    check_verification(seen, "subscribe", topic, 864000)
    (sub,) = push.hub_subscriptions.active()
    assert sub.expires_at == push.clock.now() + dt.timedelta(days=10)
    await distribute(push, section)
    assert len(receiver.seen) == 2
    check_distribution(receiver.seen[1], push, topic, key)


async def test_101_with_secret(hub: httpx.AsyncClient, push: PushServices,
                               receiver: Receiver) -> None:
    receiver.respond = echo
    await request(hub, **{"hub.mode": "subscribe", "hub.topic": RSS, "hub.secret": "s3cret-值",
                          "hub.callback": receiver.url + "/cb?token=abc"})
    check_verification(receiver.seen[0], "subscribe", RSS, 864000)
    await distribute(push, None)
    check_distribution(receiver.seen[1], push, RSS, ("guilin-daily", None, "rss"), "s3cret-值")


async def test_102_unknown_parameters_ignored(hub: httpx.AsyncClient, push: PushServices,
                                              receiver: Receiver) -> None:
    receiver.respond = echo
    resp = await request(hub, **{"hub.mode": "subscribe", "hub.topic": RSS, "foo": "bar",
                                 "hub.unknown": "x",
                                 "hub.callback": receiver.url + "/cb?token=abc"})
    assert resp.status_code == 202
    check_verification(receiver.seen[0], "subscribe", RSS, 864000)
    await distribute(push, None)
    check_distribution(receiver.seen[1], push, RSS, ("guilin-daily", None, "rss"))


async def test_103_resubscribe_renews(hub: httpx.AsyncClient, push: PushServices,
                                      receiver: Receiver, clock: FixedClock) -> None:
    receiver.respond = echo
    form = {"hub.mode": "subscribe", "hub.topic": RSS,
            "hub.callback": receiver.url + "/cb?token=abc"}
    await request(hub, **form, **{"hub.lease_seconds": "3600"})
    clock.advance(minutes=30)
    await request(hub, **form, **{"hub.lease_seconds": "99999999"})  # at most 30 days
    check_verification(receiver.seen[0], "subscribe", RSS, 3600)
    check_verification(receiver.seen[1], "subscribe", RSS, 30 * 86400)
    (sub,) = push.hub_subscriptions.active()
    assert sub.expires_at == clock.now() + dt.timedelta(days=30)
    await distribute(push, None)
    assert len(receiver.seen) == 3
    check_distribution(receiver.seen[2], push, RSS, ("guilin-daily", None, "rss"))


async def test_104_unsubscribe(hub: httpx.AsyncClient, push: PushServices,
                               receiver: Receiver) -> None:
    receiver.respond = echo
    form = {"hub.topic": RSS, "hub.callback": receiver.url + "/cb?token=abc"}
    await request(hub, **{"hub.mode": "subscribe", **form})
    resp = await request(hub, **{"hub.mode": "unsubscribe", **form})
    assert resp.status_code == 202
    check_verification(receiver.seen[1], "unsubscribe", RSS, None)
    assert push.hub_subscriptions.active() == []
    await distribute(push, None)
    assert len(receiver.seen) == 2


async def test_unechoed_challenge_subscribes_nothing(hub: httpx.AsyncClient,
                                                      push: PushServices,
                                                      receiver: Receiver) -> None:
    receiver.respond = lambda s: web.Response(text="sure")
    await request(hub, **{"hub.mode": "subscribe", "hub.topic": RSS,
                          "hub.callback": receiver.url + "/cb?token=abc"})
    assert len(receiver.seen) == 1 and push.hub_subscriptions.active() == []


async def test_unknown_topic_is_denied(hub: httpx.AsyncClient, push: PushServices,
                                       receiver: Receiver) -> None:
    receiver.respond = echo
    topic = "http://127.0.0.1:8000/no-such-paper/rss.xml"
    resp = await request(hub, **{"hub.mode": "subscribe", "hub.topic": topic,
                                 "hub.callback": receiver.url + "/cb?token=abc"})
    assert resp.status_code == 202
    (seen,) = receiver.seen
    assert seen.query["hub.mode"] == "denied" and seen.query["hub.topic"] == topic
    assert "hub.reason" in seen.query and push.hub_subscriptions.active() == []


async def test_bad_requests(hub: httpx.AsyncClient) -> None:
    assert (await request(hub, **{"hub.mode": "publish", "hub.topic": RSS,
                                  "hub.callback": "http://x/"})).status_code == 400
    assert (await request(hub, **{"hub.mode": "subscribe", "hub.topic": RSS,
                                  "hub.callback": "mailto:a@b"})).status_code == 400
    assert (await hub.post("/websub", json={})).status_code == 415


async def test_guarded_callback_and_gone(hub: httpx.AsyncClient, push: PushServices,
                                         receiver: Receiver, clock: FixedClock) -> None:
    await request(hub, **{"hub.mode": "subscribe", "hub.topic": RSS,
                          "hub.callback": "http://10.0.0.1/cb"})
    assert push.hub_subscriptions.active() == []  # refused by the guard, nothing stored
    receiver.respond = echo
    await request(hub, **{"hub.mode": "subscribe", "hub.topic": RSS,
                          "hub.callback": receiver.url + "/cb?token=abc"})
    receiver.respond = lambda s: web.Response(status=500)
    await distribute(push, None)
    assert push.hub_subscriptions.pending_retries() == 1  # kept in the database
    clock.advance(seconds=10)
    receiver.respond = lambda s: web.Response(status=410)
    # a new process (a restarted worker) finds the retry and sends it
    fresh = Distributor(push.hub_subscriptions, push.client, push.links, push.publications,
                        push.feeds, clock)
    assert await fresh.tick() == 1
    assert push.hub_subscriptions.active() == []
    assert [s.method for s in receiver.seen] == ["GET", "POST", "POST"]
    assert receiver.seen[2].body == receiver.seen[1].body
