"""Our scheduling interface; APScheduler 3 lives behind it and nowhere else.

Jobs are coroutine functions run on the caller's asyncio loop. Times given to
`at` are in the injected clock's time: the wrapper maps them onto the real
clock APScheduler runs on, so a test clock that is shifted into the night of
an edition fires its jobs at the right moment.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Awaitable, Callable

from apscheduler.jobstores.base import JobLookupError
from apscheduler.schedulers.asyncio import AsyncIOScheduler
from apscheduler.triggers.date import DateTrigger
from apscheduler.triggers.interval import IntervalTrigger

from publisher.clock import Clock, SystemClock
from publisher.errors import ScheduleError

Job = Callable[[], Awaitable[None]]
log = logging.getLogger(__name__)


class Scheduler:
    """Named jobs: `every` N seconds, once `at` a time, `cancel` by name."""

    def __init__(self, clock: Clock | None = None) -> None:
        self.clock = clock or SystemClock()
        self._sched = AsyncIOScheduler(timezone=dt.UTC, job_defaults={
            "coalesce": True, "max_instances": 1, "misfire_grace_time": None})

    @property
    def running(self) -> bool:
        return bool(self._sched.running)

    def start(self) -> None:
        """Start on the running asyncio loop."""
        try:
            self._sched.start()
        except RuntimeError as e:  # no running loop, or started twice
            raise ScheduleError(f"cannot start the scheduler: {e}", key="scheduler") from e

    def shutdown(self) -> None:
        if self._sched.running:
            self._sched.shutdown(wait=False)

    def _real(self, when: dt.datetime) -> dt.datetime:
        """Clock time → wall time (identical for the system clock)."""
        if when.tzinfo is None:
            raise ScheduleError(f"naive datetime {when!r}", key="scheduler")
        return dt.datetime.now(dt.UTC) + (when - self.clock.now())

    def every(self, name: str, seconds: float, job: Job, *, now: bool = False) -> None:
        """Run *job* every *seconds*; first run at once when *now*."""
        try:
            self._sched.add_job(
                job, IntervalTrigger(seconds=seconds, timezone=dt.UTC), id=name, name=name,
                replace_existing=True,
                next_run_time=dt.datetime.now(dt.UTC) if now else None)
        except (ValueError, TypeError) as e:
            raise ScheduleError(f"cannot schedule every {seconds}s: {e}", key=name) from e

    def at(self, name: str, when: dt.datetime, job: Job) -> None:
        """Run *job* once at *when* (clock time); a time already past runs at once."""
        real = max(self._real(when), dt.datetime.now(dt.UTC))
        try:
            self._sched.add_job(job, DateTrigger(run_date=real, timezone=dt.UTC), id=name,
                                name=name, replace_existing=True)
        except (ValueError, TypeError) as e:
            raise ScheduleError(f"cannot schedule at {when.isoformat()}: {e}", key=name) from e

    def cancel(self, name: str) -> bool:
        try:
            self._sched.remove_job(name)
        except JobLookupError:
            return False
        return True

    def jobs(self) -> dict[str, dt.datetime | None]:
        """Scheduled jobs by name, with their next run in clock time."""
        offset = self.clock.now() - dt.datetime.now(dt.UTC)
        return {j.id: (None if j.next_run_time is None else j.next_run_time + offset)
                for j in self._sched.get_jobs()}


def guarded(name: str, job: Job) -> Job:
    """A job that logs its failure instead of letting it kill the loop."""

    async def run() -> None:
        try:
            await job()
        except Exception:
            log.exception("job %s failed", name)

    return run
