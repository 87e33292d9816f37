"""The worker: watcher, scan, sweeper and release jobs on one asyncio loop."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import warnings
from pathlib import Path

from publisher.ingest.service import Ingestor, IngestResult
from publisher.models import Article
from publisher.schedule.leader import Leadership
from publisher.schedule.pipeline import Pipeline
from publisher.schedule.scheduler import Scheduler, guarded
from publisher.schedule.watcher import InboxWatcher

log = logging.getLogger(__name__)
_WARM = Article(id="warm", headline="桂林日报", paragraphs=["漓江两岸，桂林市民迎来春天。"], page=1)


def warm(ingestor: Ingestor) -> None:
    """Load jieba and every publication's dictionary now, once per process."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # jieba leaves idf.txt open
        for pub in ingestor.publications.values():
            ingestor.enricher.enrich(_WARM, pub)


class Worker:
    def __init__(self, ingestor: Ingestor, *, inbox: Path, quarantine: Path, archive: Path,
                 scan_interval: float, quiet_period: float, sweep_interval: float | None = None,
                 seeds: Path | None = None, leader: Leadership | None = None) -> None:
        self.ingestor, self.seeds = ingestor, seeds
        self.scan_interval = scan_interval
        self.sweep_interval = sweep_interval or min(scan_interval, 5.0)
        self.scheduler = Scheduler(ingestor.clock)
        self.watcher = InboxWatcher(inbox, ingestor.clock, quiet_period)
        self.pipeline = Pipeline(ingestor, self.scheduler, inbox=inbox, quarantine=quarantine,
                                 archive=archive)
        self.leader = leader or Leadership(None)
        self.ready = False
        self._stop = asyncio.Event()
        self._tasks: list[asyncio.Task[None]] = []

    async def start(self) -> None:
        await asyncio.to_thread(warm, self.ingestor)
        if self.seeds is not None and self.seeds.is_dir():
            seeds = self.seeds
            for r in await self.pipeline.locked(lambda: self.ingestor.ingest_paths([seeds])):
                self.pipeline.note(r)
        n = await self.pipeline.reschedule()
        self.watcher.inbox.mkdir(parents=True, exist_ok=True)
        loop = asyncio.get_running_loop()
        self._tasks = [loop.create_task(self.watcher.watch(self._stop)),
                       loop.create_task(self._consume())]
        if not await self.watcher.wait_live():
            log.warning("no events from the watch on %s: relying on the scan", self.watcher.inbox)
        self.scheduler.start()
        self.scheduler.every("scan", self.scan_interval, guarded("scan", self.scan), now=True)
        self.scheduler.every("sweep", self.sweep_interval, guarded("sweep", self.pipeline.sweep),
                             now=True)
        self.ready = True
        log.info("worker watching %s (%d edition(s) under embargo)", self.watcher.inbox, n)

    async def scan(self) -> None:
        self.watcher.scan()

    async def _consume(self) -> None:
        while True:
            arrival = await self.watcher.queue.get()
            try:
                await self.pipeline.handle(arrival)
            except Exception:
                log.exception("handling %s failed", arrival.path)
            finally:
                self.watcher.done(arrival.path)

    async def stop(self) -> None:
        self.ready = False
        self._stop.set()
        self.scheduler.shutdown()
        for task in self._tasks:
            task.cancel()
        for task in self._tasks:
            with contextlib.suppress(asyncio.CancelledError):
                await task
        await self.watcher.close()

    async def run(self, stop: asyncio.Event) -> None:
        """Lead (or wait to), then run until *stop* is set."""
        if not await self.leader.acquire(stop):
            return
        try:
            await self.start()
            try:
                await stop.wait()
            finally:
                await self.stop()
        finally:
            self.leader.release()

    @property
    def results(self) -> list[IngestResult]:
        return self.pipeline.results
