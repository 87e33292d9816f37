"""schedule stage: the inbox watcher and timed jobs (APScheduler behind our interface)."""

from publisher.schedule.scheduler import Scheduler
from publisher.schedule.watcher import Arrival, InboxWatcher
from publisher.schedule.worker import Worker

__all__ = ["Arrival", "InboxWatcher", "Scheduler", "Worker"]
