"""Wiring: settings to store, publications, links, services. One place, no globals."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from typing import TYPE_CHECKING

from publisher.clock import Clock, SystemClock
from publisher.config import load_publications
from publisher.links import Links
from publisher.models import Publication
from publisher.settings import Settings
from publisher.store import SqlStore, open_store

if TYPE_CHECKING:
    from publisher.ingest.service import Ingestor
    from publisher.push.services import PushServices
    from publisher.render.service import FeedService
    from publisher.schedule.worker import Worker


@dataclass
class Runtime:
    settings: Settings
    clock: Clock = field(default_factory=SystemClock)

    @cached_property
    def publications(self) -> dict[str, Publication]:
        return load_publications(self.settings.publications_dir)

    @cached_property
    def links(self) -> Links:
        return Links(self.settings.base_url, self.settings.tag_authority)

    @cached_property
    def store(self) -> SqlStore:
        return open_store(self.settings.database_url)

    @cached_property
    def feeds(self) -> FeedService:  # imported lazily: jinja, feedgen
        from publisher.render.service import FeedService

        return FeedService(self.store, self.publications, self.links, self.settings.feed_limit)

    @cached_property
    def ingestor(self) -> Ingestor:  # imported lazily: the parser, jieba
        from publisher.ingest.service import Ingestor

        return Ingestor(self.store, self.publications, self.links, clock=self.clock)

    def worker(self, *, seeds: bool = True) -> Worker:
        """The worker (watcher, scan, sweeper, releases) over this runtime's ingestor."""
        from publisher.schedule.leader import Leadership
        from publisher.schedule.worker import Worker

        s = self.settings
        return Worker(self.ingestor, inbox=s.inbox, quarantine=s.quarantine, archive=s.archive,
                      scan_interval=s.scan_interval, quiet_period=s.quiet_period,
                      sweep_interval=s.sweep_interval, seeds=s.seeds if seeds else None,
                      leader=Leadership(self.store.engine))

    @cached_property
    def push(self) -> PushServices:  # subscriptions, deliveries, hub, outbound client
        from publisher.push.services import PushServices

        return PushServices(self.store, self.clock, self.links, self.publications, self.feeds,
                            allow_networks=list(self.settings.allow_networks),
                            admin_token=self.settings.admin_token)
