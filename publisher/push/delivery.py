"""The delivery worker: fan out, claim, send signed webhooks, record, repeat.

`clock` (injected) decides what is due and when to retry; `wall` stamps
webhook-timestamp, which receivers check against their own real clock.
"""

from __future__ import annotations

import asyncio
import json
import logging
import random
from collections import defaultdict
from typing import Protocol
from urllib.parse import urlsplit

import httpx

from publisher.clock import Clock, SystemClock
from publisher.errors import PublisherError, PushError
from publisher.models import Event
from publisher.push.outbox import Job, Outbox
from publisher.push.records import Result, record
from publisher.push.retry import judge
from publisher.push.signing import webhook_headers
from publisher.push.transport import send
from publisher.store import SqlStore

log = logging.getLogger(__name__)


class Companion(Protocol):
    """Rides along each round: the WebSub distributor."""

    async def on_events(self, events: list[Event]) -> None: ...

    async def tick(self) -> int: ...


def webhook_body(event: Event) -> bytes:
    """{type, timestamp, data}: the full article or edition payload in data."""
    return json.dumps({"type": event.type,
                       "timestamp": event.timestamp.isoformat().replace("+00:00", "Z"),
                       "data": event.data}, ensure_ascii=False, separators=(",", ":")).encode()


def endpoint(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme}://{p.netloc}"


class DeliveryWorker:
    def __init__(self, store: SqlStore, clock: Clock, client: httpx.AsyncClient, *,
                 batch: int = 200, per_endpoint: int = 8, wall: Clock | None = None,
                 rng: random.Random | None = None, companion: Companion | None = None
                 ) -> None:
        self.store, self.clock, self.client = store, clock, client
        self.outbox = Outbox(store, clock)
        self.batch, self.wall = batch, wall or SystemClock()
        self.rng = rng or random.Random()
        self.companion = companion
        self._limits: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(per_endpoint))

    async def run_once(self) -> int:
        """One round: fan out new events, send one batch of due deliveries."""
        events = await asyncio.to_thread(self.outbox.fan_out)
        if self.companion is not None:
            if events:
                await self.companion.on_events(events)
            await self.companion.tick()
        jobs = await asyncio.to_thread(self.outbox.claim, self.batch)
        if not jobs:
            return 0
        results = await asyncio.gather(*(self.attempt(j) for j in jobs))
        await asyncio.to_thread(record, self.store, list(results), self.clock.now())
        return len(jobs)

    async def attempt(self, job: Job) -> Result:
        body = webhook_body(job.event)
        at = self.clock.now()
        headers = {"content-type": "application/json",
                   **webhook_headers(job.id, self.wall.now(), body, job.secret,
                                     job.previous_secret, job.secret_rotated_at, at)}
        reply, error, ms = None, None, 0
        async with self._limits[endpoint(job.url)]:
            try:
                reply = await send(self.client, "POST", job.url, headers=headers, content=body)
                ms = reply.duration_ms
            except PushError as e:
                error = str(e)
        if reply is not None and not 200 <= reply.status < 300:
            error = f"HTTP {reply.status}" + (
                f" to {reply.headers['location']}" if "location" in reply.headers else "")
        outcome = judge(job.attempts + 1, self.clock.now(), reply.status if reply else None,
                        reply.headers if reply else None, self.rng)
        return Result(job, at, outcome, reply, error, ms)

    async def run(self, stop: asyncio.Event, idle: float = 1.0,
                  wake: asyncio.Event | None = None) -> None:
        """Until `stop` is set: rounds back to back while there is work, else wait
        *idle* seconds or until *wake* is set (new events from this process's ingest)."""
        while not stop.is_set():
            try:
                busy = await self.run_once()
            except PublisherError as e:  # the database went away: wait and try again
                log.warning("delivery round failed: %s", e)
                busy = 0
            if busy == 0:
                await _nap(stop, wake, idle)


async def _nap(stop: asyncio.Event, wake: asyncio.Event | None, idle: float) -> None:
    waits = [asyncio.ensure_future(e.wait()) for e in (stop, wake) if e is not None]
    try:
        await asyncio.wait(waits, timeout=idle, return_when=asyncio.FIRST_COMPLETED)
    finally:
        for w in waits:
            w.cancel()
        if wake is not None:
            wake.clear()
