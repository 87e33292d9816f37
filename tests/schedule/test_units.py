"""Pure parts: event batches, quarantine names, overdue editions, the scheduler wrapper."""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path

import pytest
from watchfiles import Change

from publisher.clock import FixedClock
from publisher.errors import ScheduleError
from publisher.ingest.events import failed_event, missing_event
from publisher.ingest.missing import overdue_edition
from publisher.ingest.quarantine import destination, quarantine, quarantined
from publisher.models import Publication
from publisher.schedule.scheduler import Scheduler
from publisher.schedule.watcher import InboxWatcher, classify

D = "/in/guilin-daily/2026-04-02"


def test_a_rename_is_complete_at_once_an_in_place_write_is_not() -> None:
    fresh, gone = classify([
        (Change.added, f"{D}/.01.txt.part"), (Change.added, f"{D}/01.txt"),
        (Change.deleted, f"{D}/.01.txt.part"),
        (Change.added, f"{D}/02.txt"), (Change.modified, f"{D}/02.txt"),
        (Change.added, f"{D}/03.txt.tmp"), (Change.deleted, f"{D}/04.txt"),
        (Change.added, f"{D}/.hidden.txt"),
    ])
    assert fresh == {Path(f"{D}/01.txt"): True, Path(f"{D}/02.txt"): False}
    assert gone == {Path(f"{D}/04.txt")}


def test_quarantine_keeps_layout_and_never_overwrites(tmp_path: Path) -> None:
    inbox, root = tmp_path / "inbox", tmp_path / "q"
    now = dt.datetime(2026, 4, 2, 1, 0, tzinfo=dt.UTC)
    for n in range(3):
        src = inbox / "guilin-daily" / "2026-04-02" / "05.txt"
        src.parent.mkdir(parents=True, exist_ok=True)
        src.write_bytes(b"x%d" % n)
        quarantine(src, destination(root, inbox, src, now), f"bad {n}", now)
    folder = root / "guilin-daily" / "2026-04-02"
    names = sorted(p.name for p in folder.iterdir())
    assert names == ["05.20260402T010000.000000Z-2.txt", "05.20260402T010000.000000Z-2.txt"
                     ".error.txt", "05.20260402T010000.000000Z.txt",
                     "05.20260402T010000.000000Z.txt.error.txt", "05.txt", "05.txt.error.txt"]
    assert {r for _, r in quarantined(root)} == {"bad 0", "bad 1", "bad 2"}


def test_overdue_edition_uses_the_publication_zone() -> None:
    pub = Publication(slug="p", name="P", missing_after=dt.time(4, 0))
    assert overdue_edition(pub, dt.datetime(2026, 4, 1, 19, 59, tzinfo=dt.UTC)) is None
    assert overdue_edition(pub, dt.datetime(2026, 4, 1, 20, 0, tzinfo=dt.UTC)) == dt.date(
        2026, 4, 2)
    assert overdue_edition(pub.model_copy(update={"missing_after": None}),
                           dt.datetime(2026, 4, 2, 12, tzinfo=dt.UTC)) is None
    now = dt.datetime(2026, 4, 2, tzinfo=dt.UTC)
    assert missing_event(pub, dt.date(2026, 4, 2), now).id == missing_event(
        pub, dt.date(2026, 4, 2), now).id
    assert failed_event("f", "why", now).data == {"file": "f", "reason": "why"}


async def test_scheduler_runs_named_jobs_in_clock_time() -> None:
    clock = FixedClock(dt.datetime(2026, 4, 1, 21, 59, 59, tzinfo=dt.UTC))
    sched = Scheduler(clock)
    sched.start()
    ran: list[str] = []
    done = asyncio.Event()

    async def job() -> None:
        ran.append("at")
        done.set()

    async def tick() -> None:
        ran.append("every")

    try:
        sched.at("soon", clock.now() + dt.timedelta(seconds=0.05), job)
        sched.at("never", clock.now() + dt.timedelta(days=1), job)
        sched.every("tick", 3600, tick, now=True)
        assert set(sched.jobs()) == {"soon", "never", "tick"}
        assert sched.cancel("never") and not sched.cancel("never")
        await asyncio.wait_for(done.wait(), 5)
        assert "at" in ran and "every" in ran
        with pytest.raises(ScheduleError):
            sched.at("naive", dt.datetime(2026, 4, 2), job)
    finally:
        sched.shutdown()


async def test_scan_offers_only_candidates_and_waits_for_quiet(tmp_path: Path) -> None:
    folder = tmp_path / "guilin-daily" / "2026-04-02"
    folder.mkdir(parents=True)
    for name in ("01.txt", "02.txt.part", ".03.txt", "notes.txt"):
        (folder / name).write_bytes(b"x")
    watcher = InboxWatcher(tmp_path, FixedClock(dt.datetime(2026, 4, 2, tzinfo=dt.UTC)), 0.05)
    assert watcher.scan() == 1 and watcher.scan() == 0
    arrival = await asyncio.wait_for(watcher.queue.get(), 5)
    assert arrival.path == folder / "01.txt" and arrival.signature is not None
    assert watcher.scan() == 0  # busy until done
    watcher.done(arrival.path)
    assert watcher.scan() == 1
    await watcher.close()
