"""One complete inbox file → ingest → archive or quarantine, plus the release job.

Store writes run one at a time in a worker thread (the lock), so the event
loop keeps serving HTTP in `publisher run` and a release never interleaves
with a page of the same edition.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import logging
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from publisher.errors import PublisherError
from publisher.ingest import quarantine as filing
from publisher.ingest.missing import check_missing
from publisher.ingest.service import Ingestor, IngestResult
from publisher.schedule.scheduler import Scheduler
from publisher.schedule.watcher import Arrival, signature
from publisher.web.metrics import INGEST_SECONDS, PUBLISH_LATENCY

log = logging.getLogger(__name__)
T = TypeVar("T")


class Pipeline:
    def __init__(self, ingestor: Ingestor, scheduler: Scheduler, *, inbox: Path,
                 quarantine: Path, archive: Path) -> None:
        self.ingestor, self.scheduler = ingestor, scheduler
        self.inbox, self.quarantine_dir, self.archive_dir = inbox, quarantine, archive
        self.lock = asyncio.Lock()
        self.results: list[IngestResult] = []  # the last few, for status and tests
        self.listeners: list[Callable[[IngestResult], None]] = []

    async def locked(self, fn: Callable[[], T]) -> T:
        async with self.lock:
            return await asyncio.to_thread(fn)

    # a page ------------------------------------------------------------------

    async def handle(self, arrival: Arrival) -> IngestResult | None:
        """Ingest one complete file; None when the store failed (it is retried)."""
        path, clock = arrival.path, self.ingestor.clock
        target = filing.destination(self.quarantine_dir, self.inbox, path, clock.now())
        started = time.monotonic()
        try:
            result = await self.locked(lambda: self.ingestor.ingest_file(
                path, arrival.received_at, quarantine_to=target))
        except PublisherError as e:  # the database: leave the file for the next scan
            log.error("ingest of %s failed, will retry: %s", path, e)
            return None
        took = time.monotonic() - started
        INGEST_SECONDS.observe(took)
        log.info("%s %s: %d new, %d updated, %d withdrawn; %.0f ms (%.0f ms since arrival)",
                 result.status, path, result.new, result.updated, result.withdrawn,
                 took * 1000, (time.monotonic() - arrival.seen) * 1000)
        if result.status == "ingested" and result.publish_at is None and result.events:
            PUBLISH_LATENCY.observe(time.monotonic() - arrival.seen)
        if signature(path) == arrival.signature:
            await asyncio.to_thread(self._file_away, path, result, target)
        if result.publish_at is not None and result.publication and result.date:
            self.schedule_release(result.publication, result.date.isoformat(),
                                  result.publish_at)
        self.note(result)
        return result

    def _file_away(self, path: Path, result: IngestResult, target: Path) -> None:
        now = self.ingestor.clock.now()
        try:
            if result.status == "quarantined":
                filing.quarantine(path, target, result.error or "refused", now)
                log.warning("quarantined %s: %s", path, result.error)
            else:
                filing.move(path, filing.destination(self.archive_dir, self.inbox, path, now))
        except (PublisherError, OSError) as e:
            log.error("cannot move %s out of the inbox: %s", path, e)

    def note(self, result: IngestResult) -> None:
        self.results = [*self.results[-99:], result]
        for listener in self.listeners:
            listener(result)

    # timed work ---------------------------------------------------------------

    def schedule_release(self, publication: str, date: str, when: dt.datetime) -> None:
        self.scheduler.at(f"release:{publication}/{date}", when, self._release_job)

    async def _release_job(self) -> None:
        await self.release()

    async def release(self) -> list[IngestResult]:
        """Publish every edition whose embargo has passed (date jobs and the sweeper)."""
        results = await self.locked(self.ingestor.release_due)
        for r in results:
            log.info("released %s/%s: %d articles", r.publication, r.date, r.new)
            self.note(r)
        return results

    async def reschedule(self) -> int:
        """On start: a date job for every edition still under embargo in the store."""
        waiting = await asyncio.to_thread(self.ingestor.store.embargoed)
        for rec in waiting:
            self.schedule_release(rec.publication, rec.date.isoformat(), rec.publish_at)
        return len(waiting)

    async def sweep(self) -> None:
        """Work left unfinished: due embargoes, overdue editions."""
        await self.release()
        ing = self.ingestor
        events = await self.locked(lambda: check_missing(ing.store, ing.publications,
                                                          ing.clock.now()))
        for e in events:
            log.warning("edition missing: %s %s", e.publication, e.data.get("date"))
