"""`publisher worker` as a process: SIGKILL mid-edition, restart, nothing lost or doubled."""

from __future__ import annotations

import datetime as dt
import os
import signal
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

from conftest import ROOT, place_page
from harness import SEED

from publisher.store import open_store


def variant(n: int) -> bytes:
    """The seed page with its figures changed: a distinct page with the same stories."""
    return SEED.decode().replace("2025", str(2025 - n)).replace("38", str(38 + n)).encode()


def start(tmp: Path) -> subprocess.Popen[bytes]:
    env = dict(os.environ, PYTHONPATH=str(ROOT),
               PUBLISHER_CONFIG=str(ROOT / "config" / "publisher.toml"),
               PUBLISHER_DATABASE_URL=f"sqlite:///{tmp / 'w.db'}",
               PUBLISHER_INBOX=str(tmp / "inbox"), PUBLISHER_SEEDS=str(tmp / "no-seeds"),
               PUBLISHER_PUBLICATIONS_DIR=str(ROOT / "config" / "publications"),
               PUBLISHER_QUARANTINE=str(tmp / "quarantine"),
               PUBLISHER_ARCHIVE=str(tmp / "archive"), PUBLISHER_SCAN_INTERVAL="0.5",
               PUBLISHER_QUIET_PERIOD="0.1")
    log = (tmp / "worker.log").open("ab")
    try:
        return subprocess.Popen([sys.executable, "-m", "publisher", "worker"], cwd=tmp, env=env,
                                stdout=log, stderr=log)
    finally:
        log.close()


def wait(predicate: object, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not predicate():  # type: ignore[operator]
        assert proc.poll() is None, "worker exited"
        assert time.monotonic() < deadline, "condition not reached"
        time.sleep(0.02)


def test_sigkill_mid_edition_then_restart_loses_and_doubles_nothing(tmp_path: Path) -> None:
    dates = [f"2026-03-{d:02d}" for d in range(1, 7)]
    store = open_store(f"sqlite:///{tmp_path / 'w.db'}")
    proc = start(tmp_path)
    try:
        place_page(tmp_path / "inbox", variant(0), date=dates[0])
        wait(lambda: len(store.files("ingested")) == 1, proc)
        for i, date in enumerate(dates[1:], 1):  # the rest of the night, then the crash
            place_page(tmp_path / "inbox", variant(i), date=date)
        time.sleep(0.3)  # let it get some way into them
        proc.send_signal(signal.SIGKILL)
        proc.wait(timeout=10)
        proc = start(tmp_path)
        wait(lambda: not list((tmp_path / "inbox").rglob("*.txt")), proc)
        wait(lambda: {e.data["date"] for _, e in store.events_after(0, 10_000)
                      if e.type == "edition.published"} == set(dates), proc)
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    events = [e for _, e in store.events_after(0, 10_000)]
    published = Counter(e.data["article"]["id"] for e in events if e.type == "article.published")
    assert len(published) == 8 * len(dates) and set(published.values()) == {1}
    assert Counter(e.data["date"] for e in events if e.type == "edition.published") == Counter(
        dates)
    assert not any(e.type in ("article.updated", "article.withdrawn") for e in events)
    for date in dates:
        assert len(store.edition_articles("guilin-daily", dt.date.fromisoformat(date))) == 8
    store.close()
