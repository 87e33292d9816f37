"""Two `publisher worker` processes on one PostgreSQL and one inbox: one leads ingest.

The standby never ingests while the leader lives (no page is ingested twice, no
event is written twice); when the leader is killed, the standby takes over and
the next page is ingested once.
"""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import pytest
from conftest import ROOT, place_page
from harness import SEED

from publisher.store import SqlStore
from publisher.store import tables as t


def start(tmp: Path, pg_url: str, name: str) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT),
               PUBLISHER_CONFIG=str(ROOT / "config" / "publisher.toml"),
               PUBLISHER_DATABASE_URL=pg_url,
               PUBLISHER_INBOX=str(tmp / "inbox"), PUBLISHER_SEEDS=str(tmp / "no-seeds"),
               PUBLISHER_PUBLICATIONS_DIR=str(ROOT / "config" / "publications"),
               PUBLISHER_QUARANTINE=str(tmp / "quarantine"),
               PUBLISHER_ARCHIVE=str(tmp / "archive"), PUBLISHER_SCAN_INTERVAL="0.5",
               PUBLISHER_QUIET_PERIOD="0.1",
               PUBLISHER_SUBSCRIBERS_FILE=str(tmp / "no-subscribers.toml"))
    with (tmp / f"{name}.log").open("ab") as log:
        return subprocess.Popen([sys.executable, "-m", "publisher", "worker"], cwd=tmp,
                                env=env, stdout=log, stderr=log)


def wait(predicate: Callable[[], bool], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.05)


@pytest.mark.postgres
def test_one_worker_leads_and_the_other_takes_over(
    tmp_path: Path, pg_url: str, pg_store: SqlStore
) -> None:
    store = pg_store
    with store.engine.begin() as conn:
        names = ", ".join(tb.name for tb in t.metadata.sorted_tables)
        conn.exec_driver_sql(f"TRUNCATE {names} RESTART IDENTITY CASCADE")
    first = start(tmp_path, pg_url, "first")
    wait(lambda: "watching" in (tmp_path / "first.log").read_text("utf-8", "replace"))
    second = start(tmp_path, pg_url, "second")
    procs = [first, second]
    try:
        wait(lambda: "standing by" in (tmp_path / "second.log").read_text("utf-8", "replace"))
        place_page(tmp_path / "inbox", SEED, date="2026-03-01")
        wait(lambda: len(store.files("ingested")) == 1)
        time.sleep(1.5)  # time enough for a second ingest, were there one
        assert len(store.files()) == 1

        first.send_signal(signal.SIGKILL)
        first.wait(timeout=10)
        wait(lambda: "now leads" in (tmp_path / "second.log").read_text("utf-8", "replace"))
        place_page(tmp_path / "inbox", SEED, date="2026-03-02")
        wait(lambda: len(store.files("ingested")) == 2)
        time.sleep(1.0)
    finally:
        for p in procs:
            if p.poll() is None:
                p.terminate()
                p.wait(timeout=20)
    events = [e for _, e in store.events_after(0, 10_000)]
    published = Counter(e.data["article"]["id"] for e in events if e.type == "article.published")
    assert len(published) == 16 and set(published.values()) == {1}
    assert Counter(e.type for e in events)["edition.published"] == 2
    assert len(store.files()) == 2
