"""Loopback receivers (real aiohttp servers) and event fixtures for the push tests."""

from __future__ import annotations

import datetime as dt
import socket
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web

from publisher.clock import FixedClock
from publisher.ingest.events import EventBuilder
from publisher.links import Links
from publisher.models import Article, Event, Publication
from publisher.store import SqlStore

LINKS = Links("http://127.0.0.1:8000")


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@dataclass
class Seen:
    method: str
    path: str
    query: dict[str, str]
    headers: dict[str, str]
    body: bytes
    raw_query: str = ""


Responder = Callable[[Seen], web.StreamResponse]


@dataclass
class Receiver:
    """Records every request; `respond` decides the answer (default 204)."""

    respond: Responder = field(default=lambda _s: web.Response(status=204))
    seen: list[Seen] = field(default_factory=list)
    port: int = 0
    runner: web.AppRunner | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    async def _handle(self, request: web.Request) -> web.StreamResponse:
        seen = Seen(request.method, request.path, dict(request.query),
                    {k.lower(): v for k, v in request.headers.items()}, await request.read(),
                    request.query_string)
        self.seen.append(seen)
        return self.respond(seen)

    async def start(self) -> Receiver:
        app = web.Application()
        app.router.add_route("*", "/{tail:.*}", self._handle)
        self.runner = web.AppRunner(app, access_log=None)
        await self.runner.setup()
        self.port = free_port()
        await web.TCPSite(self.runner, "127.0.0.1", self.port).start()
        return self

    async def stop(self) -> None:
        if self.runner is not None:
            await self.runner.cleanup()


def real_now_clock() -> FixedClock:
    return FixedClock(dt.datetime.now(dt.UTC).replace(microsecond=0))


def article(n: int = 1, headline: str = "市政协会议召开") -> Article:
    return Article(id=f"p1-{n:04d}", headline=headline, page=1, pages=[1],
                   paragraphs=[f"本报讯（记者刘健）4月1日，第{n}段。"], authors=["刘健"])


def events_for(pub: Publication, arts: list[Article], now: dt.datetime) -> list[Event]:
    return EventBuilder(pub, dt.date(2026, 4, 2), LINKS, now).release(arts)


def add_events(store: SqlStore, events: list[Event]) -> None:
    store.append_events(events)


def simple_event(n: int, now: dt.datetime, publication: str = "guilin-daily") -> Event:
    return Event(id=f"evt_{n:06d}_{publication}", type="article.published", timestamp=now,
                 publication=publication, data={"article": {"id": n, "headline": "标题"}})


def rows(store: SqlStore, table: Any) -> list[Any]:
    with store.read() as conn:
        return list(conn.execute(table.select()))
