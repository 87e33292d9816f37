"""The inbox watch: which files are complete, and when.

A file is handed on once it is complete: renamed into place (its temporary
sibling, `.01.txt.part`, `01.txt.tmp` or the like, disappears in the same
batch of events), or unchanged in size and mtime for the quiet period. A file
being ingested is not handed on again until it is done; if it changed
meanwhile it is looked at again afterwards.
"""

from __future__ import annotations

import asyncio
import contextlib
import datetime as dt
import os
import time
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from watchfiles import Change, awatch

from publisher.clock import Clock
from publisher.ingest.paths import is_candidate

Signature = tuple[int, int, int]  # inode, size, mtime_ns


@dataclass
class Arrival:
    path: Path
    received_at: dt.datetime  # clock time of the first sighting
    seen: float  # time.monotonic() of the first sighting
    signature: Signature | None = None


@dataclass
class _Pending:
    arrival: Arrival
    touched: bool = False
    task: asyncio.Task[None] | None = field(default=None, repr=False)


def signature(path: Path) -> Signature | None:
    try:
        st = path.stat()
    except OSError:
        return None
    return (st.st_ino, st.st_size, st.st_mtime_ns)


def _renamed(path: Path, deleted: set[Path]) -> bool:
    stem = path.name.split(".", 1)[0]
    return any(d.parent == path.parent and (d.name.lstrip(".") == stem
                                            or d.name.lstrip(".").startswith(stem + "."))
               for d in deleted)


def classify(changes: Iterable[tuple[Change, str]]) -> tuple[dict[Path, bool], set[Path]]:
    """One batch of events → ({candidate: complete already?}, candidates deleted). Pure."""
    seen: dict[Path, bool] = {}
    deleted_others: set[Path] = set()
    gone: set[Path] = set()
    for change, raw in changes:
        path = Path(raw)
        if change == Change.deleted:
            (gone if is_candidate(path) else deleted_others).add(path)
        elif is_candidate(path):
            seen[path] = False
    return {p: _renamed(p, deleted_others) for p in seen}, gone - set(seen)


class InboxWatcher:
    """Feeds complete page files into `queue`; `done(path)` when one is handled."""

    def __init__(self, inbox: Path, clock: Clock, quiet_period: float) -> None:
        self.inbox, self.clock, self.quiet = inbox, clock, quiet_period
        self.queue: asyncio.Queue[Arrival] = asyncio.Queue()
        self._pending: dict[Path, _Pending] = {}
        self._busy: dict[Path, bool] = {}  # path → changed while busy
        self.live = asyncio.Event()  # set once the watch has reported anything

    def offer(self, path: Path, *, complete: bool = False) -> None:
        """A sighting of *path* (from the watch or a scan)."""
        if path in self._busy:
            self._busy[path] = True
            return
        pending = self._pending.get(path)
        if pending is None:
            arrival = Arrival(path, self.clock.now(), time.monotonic())
            pending = self._pending[path] = _Pending(arrival)
        else:
            pending.touched = True
        if complete:
            self._ready(path)
        elif pending.task is None:
            pending.task = asyncio.get_running_loop().create_task(self._settle(path))

    def forget(self, path: Path) -> None:
        pending = self._pending.pop(path, None)
        if pending is not None and pending.task is not None:
            pending.task.cancel()

    def _ready(self, path: Path) -> None:
        pending = self._pending.pop(path, None)
        sig = signature(path)
        if pending is None or sig is None:
            return
        if pending.task is not None and pending.task is not asyncio.current_task():
            pending.task.cancel()
        pending.arrival.signature = sig
        self._busy[path] = False
        self.queue.put_nowait(pending.arrival)

    async def _settle(self, path: Path) -> None:
        """Hand *path* on once it has been still for the quiet period."""
        while (pending := self._pending.get(path)) is not None:
            before = signature(path)
            pending.touched = False
            await asyncio.sleep(self.quiet)
            if before is None or signature(path) is None:
                self._pending.pop(path, None)
                return
            if before == signature(path) and not pending.touched:
                self._ready(path)
                return

    def done(self, path: Path) -> None:
        """Handling of *path* is over; look again if it changed meanwhile."""
        changed = self._busy.pop(path, False)
        if changed and path.exists():
            self.offer(path)

    @property
    def busy(self) -> int:
        return len(self._pending) + len(self._busy)

    def scan(self, under: Path | None = None) -> int:
        """Offer every candidate under the inbox (the safety net); how many were new."""
        n = 0
        for root, dirs, files in os.walk(under or self.inbox):
            dirs[:] = [d for d in dirs if not d.startswith(".")]
            for name in files:
                path = Path(root) / name
                if is_candidate(path) and path not in self._pending and path not in self._busy:
                    self.offer(path)
                    n += 1
        return n

    async def watch(self, stop: asyncio.Event) -> None:
        """Offer files as the filesystem reports them, until *stop* is set."""
        self.inbox.mkdir(parents=True, exist_ok=True)
        async for batch in awatch(self.inbox, stop_event=stop, watch_filter=None,
                                  debounce=400, step=20, recursive=True):
            self.live.set()
            fresh, gone = classify(batch)
            for path in gone:
                self.forget(path)
            for path, complete in fresh.items():
                self.offer(path, complete=complete)
            # A new folder: files put in it before its watch was set up send no event.
            for change, raw in batch:
                if change == Change.added and not is_candidate(Path(raw)) and Path(raw).is_dir():
                    self.scan(Path(raw))

    async def wait_live(self, timeout: float = 5.0) -> bool:
        """Touch a hidden probe file until the watch reports it: events are flowing."""
        probe = self.inbox / ".publisher-watch-probe"
        deadline = time.monotonic() + timeout
        try:
            while not self.live.is_set() and time.monotonic() < deadline:
                probe.write_bytes(b"")
                with contextlib.suppress(TimeoutError):
                    await asyncio.wait_for(self.live.wait(), 0.05)
        finally:
            probe.unlink(missing_ok=True)
        return self.live.is_set()

    async def close(self) -> None:
        for pending in list(self._pending.values()):
            if pending.task is not None:
                pending.task.cancel()
                with contextlib.suppress(asyncio.CancelledError):
                    await pending.task
        self._pending.clear()
