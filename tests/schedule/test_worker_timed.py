"""Embargo, bad files, edition.missing and restarts, on a running worker."""

from __future__ import annotations

import datetime as dt

from conftest import place_page
from harness import DATE, PUBLISH_AT, SEED, Harness, ShiftedClock, enricher, start_worker, until

from publisher.clock import FixedClock

__all__ = ["enricher", "start_worker"]  # fixtures

NIGHT = dt.datetime(2026, 4, 1, 17, 0, tzinfo=dt.UTC)  # 01:00 in Guilin


async def test_embargo_holds_then_the_date_job_releases_on_time(start_worker) -> None:
    clock = ShiftedClock(PUBLISH_AT - dt.timedelta(seconds=1.0))
    h: Harness = await start_worker(clock)
    place_page(h.inbox, SEED)
    await until(lambda: "release:guilin-daily/2026-04-02" in h.worker.scheduler.jobs())
    assert h.events("article.published") == []
    assert h.store.recent_articles("guilin-daily", 100) == []
    jobs = h.worker.scheduler.jobs()
    assert abs(jobs["release:guilin-daily/2026-04-02"] - PUBLISH_AT) < dt.timedelta(seconds=0.1)
    await until(lambda: len(h.events("article.published")) == 8)
    assert all(e.timestamp >= PUBLISH_AT for e in h.events() if e.type != "edition.missing")
    assert len(h.events("edition.published")) == 1
    arts = h.store.recent_articles("guilin-daily", 100)
    assert {a.published_at for a in arts} == {PUBLISH_AT}


async def test_sweeper_releases_what_is_due_and_only_then(start_worker) -> None:
    clock = FixedClock(NIGHT)
    h: Harness = await start_worker(clock, sweep_interval=0.05)
    place_page(h.inbox, SEED)
    await until(lambda: h.files("ingested"))
    clock.set(PUBLISH_AT - dt.timedelta(seconds=1))
    assert await h.worker.pipeline.release() == []
    assert h.events("article.published") == []
    clock.set(PUBLISH_AT)
    await until(lambda: len(h.events("article.published")) == 8)
    assert len(h.events("edition.published")) == 1


async def test_a_page_after_publish_time_goes_out_at_once(start_worker) -> None:
    h: Harness = await start_worker(FixedClock(PUBLISH_AT + dt.timedelta(minutes=1)))
    place_page(h.inbox, SEED)
    await until(lambda: len(h.events("article.published")) == 8)
    assert "release:guilin-daily/2026-04-02" not in h.worker.scheduler.jobs()


async def test_embargo_survives_a_restart(start_worker) -> None:
    clock = FixedClock(NIGHT)
    first: Harness = await start_worker(clock)
    place_page(first.inbox, SEED)
    await until(lambda: first.files("ingested"))
    await first.worker.stop()
    clock.set(PUBLISH_AT + dt.timedelta(minutes=5))  # down over the publish time
    second: Harness = await start_worker(clock)
    await until(lambda: len(second.events("article.published")) == 8)
    assert len(second.events("edition.published")) == 1
    assert {a.published_at for a in second.store.recent_articles("guilin-daily", 100)} == {
        PUBLISH_AT}


BAD = {
    2: (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "NUL"),
    3: (b"", "empty"),
    4: ("桂林日报 第四版".encode("utf-16-le"), "UTF-16 without BOM"),
}


async def test_bad_files_are_quarantined_with_reasons(start_worker) -> None:
    h: Harness = await start_worker()
    for number, (data, _) in BAD.items():
        place_page(h.inbox, data, number=number)
    place_page(h.inbox, SEED)
    await until(lambda: len(h.files()) == 4)
    await until(lambda: not any((h.inbox / "guilin-daily" / "2026-04-02").iterdir()))
    failed = {e.data["file"]: e for e in h.events("ingest.failed")}
    assert len(failed) == 3 and len(h.events("article.published")) == 8
    folder = h.quarantine / "guilin-daily" / "2026-04-02"
    for number, (data, reason) in BAD.items():
        name = f"{number:02d}.txt"
        assert (folder / name).read_bytes() == data
        assert reason in (folder / f"{name}.error.txt").read_text("utf-8")
        event = failed[str(h.inbox / "guilin-daily" / "2026-04-02" / name)]
        assert reason in event.data["reason"] and event.data["quarantine"] == str(folder / name)
    assert [p.number for p in h.store.pages("guilin-daily", DATE)] == [1]
    # the same bad name again: kept beside the first, with a timestamp
    place_page(h.inbox, b"", number=3)
    await until(lambda: len(h.events("ingest.failed")) == 4)
    await until(lambda: len(list(folder.glob("03.*.txt.error.txt"))) == 1)
    assert (folder / "03.txt").exists()


async def test_edition_missing_is_written_once(start_worker) -> None:
    clock = FixedClock(dt.datetime(2026, 4, 2, 19, 30, tzinfo=dt.UTC))  # 03:30, the 3rd
    h: Harness = await start_worker(clock, sweep_interval=0.05)
    await h.worker.pipeline.sweep()
    assert h.events("edition.missing") == []
    clock.set(dt.datetime(2026, 4, 2, 20, 1, tzinfo=dt.UTC))  # 04:01
    await until(lambda: h.events("edition.missing"))
    await h.worker.pipeline.sweep()
    await h.worker.stop()
    again: Harness = await start_worker(clock)
    await again.worker.pipeline.sweep()
    [event] = again.events("edition.missing")
    assert event.data["date"] == "2026-04-03" and event.publication == "guilin-daily"
