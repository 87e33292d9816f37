"""The delivery worker: fan out, claim, send signed webhooks, record, repeat.

`clock` (injected) decides what is due and when to retry; `wall` stamps
webhook-timestamp, which receivers check against their own real clock.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import functools
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

# the most a send takes (total timeout 15 s) and some: a job with less lease left
# than this is renewed before it is sent
RENEW_BEFORE = dt.timedelta(seconds=20)


class Companion(Protocol):
    """Rides along each round: the WebSub distributor."""

    async def on_events(self, events: list[Event]) -> None: ...

    async def tick(self) -> int: ...


def webhook_body(event: Event) -> bytes:
    """{type, timestamp, data}: the full article or edition payload in data."""
    return json.dumps({"type": event.type,
                       "timestamp": event.timestamp.isoformat().replace("+00:00", "Z"),
                       "data": event.data}, ensure_ascii=False, separators=(",", ":")).encode()


@functools.lru_cache(maxsize=4096)  # the same few URLs, a split each per send otherwise
def endpoint(url: str) -> str:
    p = urlsplit(url)
    return f"{p.scheme}://{p.netloc}"


class _Recorder:
    """Records a round's results in chunks: when `every` are waiting, or when the
    oldest has waited `within` seconds, and what is left when the round ends.

    Writes run one at a time, in order, so two never contend for a subscription's
    row (on PostgreSQL two could deadlock); each chunk is one transaction. A write
    runs on a thread while sends go on, and the two compete for the interpreter:
    a fast round (1,000 deliveries to one host in 0.2 s) was 15 % slower recorded
    in chunks of 50 than in one write at its end (docs/benchmarks.md); a slow one
    is still written as it goes, so a crash loses at most `within` seconds of it."""

    def __init__(self, store: SqlStore, clock: Clock, every: int, within: float) -> None:
        self.store, self.clock, self.every, self.within = store, clock, every, within
        self.pending: list[Result] = []
        self.writes: list[asyncio.Future[None]] = []
        self.lock = asyncio.Lock()
        self.timer: asyncio.TimerHandle | None = None

    def add(self, result: Result) -> None:
        self.pending.append(result)
        if len(self.pending) >= self.every:
            self._flush()
        elif self.timer is None:
            self.timer = asyncio.get_running_loop().call_later(self.within, self._flush)

    def _flush(self) -> None:
        if self.timer is not None:
            self.timer.cancel()
            self.timer = None
        if not self.pending:
            return
        chunk, self.pending = self.pending, []
        self.writes.append(asyncio.ensure_future(self._write(chunk)))

    async def _write(self, chunk: list[Result]) -> None:
        async with self.lock:
            await asyncio.to_thread(record, self.store, chunk, self.clock.now())

    async def close(self) -> None:
        """Write what is left and wait for every write; the first failure is raised."""
        self._flush()
        done = await asyncio.gather(*self.writes, return_exceptions=True)
        for outcome in done:
            if isinstance(outcome, BaseException):
                raise outcome


class DeliveryWorker:
    def __init__(self, store: SqlStore, clock: Clock, client: httpx.AsyncClient, *,
                 batch: int = 200, per_endpoint: int = 8, wall: Clock | None = None,
                 rng: random.Random | None = None, companion: Companion | None = None,
                 record_every: int = 1000, record_within: float = 1.0,
                 per_round: int = 1000) -> None:
        self.store, self.clock, self.client = store, clock, client
        self.outbox = Outbox(store, clock)
        self.batch, self.wall = batch, wall or SystemClock()
        self.record_every, self.record_within = record_every, record_within
        self.per_round = per_round
        self.rng = rng or random.Random()
        self.companion = companion
        self._limits: defaultdict[str, asyncio.Semaphore] = defaultdict(
            lambda: asyncio.Semaphore(per_endpoint))

    async def run_once(self) -> int:
        """One round: fan out new events, then send due deliveries: those the fan-out
        claimed as it wrote them, and more batches (up to `per_round` deliveries)
        claimed while the previous one is still sending, so the claim's time is not a
        pause with nothing in flight."""
        fanned = await asyncio.to_thread(self.outbox.fan_out, claim=self.per_round)
        if self.companion is not None:
            if fanned.events:
                await self.companion.on_events(fanned.events)
            await self.companion.tick()
        jobs = fanned.jobs
        if len(jobs) < self.batch:  # retries that are due, and what others fanned out
            jobs += await asyncio.to_thread(self.outbox.claim, self.batch - len(jobs))
        if not jobs:
            return 0
        bodies: dict[str, bytes] = {}  # mostly one event to many endpoints: one body each
        recorder = _Recorder(self.store, self.clock, self.record_every, self.record_within)
        low_water = max(1, self.batch // 4)
        running = 0
        low = asyncio.Event()

        async def attempt(job: Job) -> None:
            nonlocal running
            try:
                body = bodies.get(job.event.id)
                if body is None:
                    body = bodies[job.event.id] = webhook_body(job.event)
                result = await self.attempt(job, body)
                if result is not None:
                    recorder.add(result)
            finally:
                running -= 1
                if running <= low_water:
                    low.set()

        tasks: list[asyncio.Task[None]] = []
        try:
            while True:
                running += len(jobs)
                tasks += [asyncio.create_task(attempt(j)) for j in jobs]
                if len(tasks) >= self.per_round:
                    break
                low.clear()
                if running > low_water:
                    await low.wait()
                jobs = await asyncio.to_thread(self.outbox.claim, self.batch)
                if not jobs:
                    break
        finally:
            # every send started finishes and is recorded, whatever happened above
            done = await asyncio.gather(*tasks, return_exceptions=True)
            await recorder.close()
        for outcome in done:
            if isinstance(outcome, BaseException):
                raise outcome
        return len(tasks)

    async def attempt(self, job: Job, body: bytes | None = None) -> Result | None:
        """Send one delivery (`body`: its event's webhook_body, if made already);
        None when its lease ran out while it waited and another worker has it now."""
        body = webhook_body(job.event) if body is None else body
        reply, error, ms = None, None, 0
        async with self._limits[endpoint(job.url)]:
            # a job can wait here behind a slow endpoint's other deliveries for longer
            # than its lease: renew it, or leave it to the worker that claimed it since
            if self.clock.now() + RENEW_BEFORE >= job.claimed_until:
                renewed = await asyncio.to_thread(self.outbox.renew, job)
                if renewed is None:
                    return None
                job = renewed
            # stamped when it goes out, not when it was queued: receivers reject a
            # webhook-timestamp older than a few minutes
            at = self.clock.now()
            headers = {"content-type": "application/json",
                       **webhook_headers(job.id, self.wall.now(), body, job.secret,
                                         job.previous_secret, job.secret_rotated_at, at)}
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
