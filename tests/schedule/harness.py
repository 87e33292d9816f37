"""A running worker on the test's asyncio loop, over SQLite and PostgreSQL."""

from __future__ import annotations

import asyncio
import datetime as dt
import time
import warnings
from collections.abc import AsyncIterator, Callable
from dataclasses import dataclass
from pathlib import Path

import pytest
from conftest import ROOT

from publisher.clock import Clock, FixedClock
from publisher.enrich.enricher import Enricher
from publisher.ingest.service import Ingestor
from publisher.links import Links
from publisher.models import Event, Publication
from publisher.schedule.worker import Worker
from publisher.store import SqlStore

SEED = (ROOT / "seeds" / "guilin-daily" / "2026-04-02" / "01.txt").read_bytes()
DATE = dt.date(2026, 4, 2)
PUBLISH_AT = dt.datetime(2026, 4, 1, 22, 0, tzinfo=dt.UTC)  # 06:00 in Guilin


class ShiftedClock:
    """Real time, moved to another moment: jobs scheduled on it fire in real time."""

    def __init__(self, start: dt.datetime) -> None:
        self.start, self.t0 = start, time.monotonic()

    def now(self) -> dt.datetime:
        return self.start + dt.timedelta(seconds=time.monotonic() - self.t0)


@pytest.fixture(scope="session")
def enricher() -> Enricher:
    """jieba loaded once for the whole session, as in a worker process."""
    e = Enricher()
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", ResourceWarning)  # jieba leaves idf.txt open
        from publisher.config import load_publications

        for pub in load_publications(ROOT / "config" / "publications").values():
            from publisher.schedule.worker import _WARM

            e.enrich(_WARM, pub)
    return e


async def until(predicate: Callable[[], object], timeout: float = 15.0) -> None:
    """Wait for *predicate*; the timeout only stops a hung test."""
    deadline = time.monotonic() + timeout
    while not predicate():
        if time.monotonic() > deadline:
            raise AssertionError("condition not reached")
        await asyncio.sleep(0.01)


@dataclass
class Harness:
    store: SqlStore
    inbox: Path
    quarantine: Path
    archive: Path
    worker: Worker
    clock: Clock

    def events(self, kind: str | None = None) -> list[Event]:
        evs = [e for _, e in self.store.events_after(0, limit=10_000)]
        return [e for e in evs if kind is None or e.type == kind]

    def files(self, status: str | None = None) -> list[str]:
        return [f.path for f in self.store.files(status=status, limit=1000)]


WorkerFactory = Callable[..., "asyncio.Future[Harness]"]


@pytest.fixture
async def start_worker(
    store: SqlStore, publications: dict[str, Publication], enricher: Enricher, tmp_path: Path,
) -> AsyncIterator[Callable[..., object]]:
    """start_worker(clock, **settings) → a started Harness; all stopped at the end."""
    running: list[Worker] = []

    async def start(clock: Clock | None = None, *, quiet_period: float = 0.2,
                    scan_interval: float = 60.0, sweep_interval: float = 60.0) -> Harness:
        clock = clock or FixedClock(dt.datetime(2026, 4, 2, 0, 30, tzinfo=dt.UTC))
        ing = Ingestor(store, publications, Links("http://feeds.test"), clock=clock,
                       enricher=enricher)
        worker = Worker(ing, inbox=tmp_path / "inbox", quarantine=tmp_path / "quarantine",
                        archive=tmp_path / "archive", scan_interval=scan_interval,
                        quiet_period=quiet_period, sweep_interval=sweep_interval)
        await worker.start()
        running.append(worker)
        return Harness(store, tmp_path / "inbox", tmp_path / "quarantine",
                       tmp_path / "archive", worker, clock)

    yield start
    for w in running:
        await w.stop()
