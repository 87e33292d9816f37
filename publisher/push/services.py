"""The push stage's services for one process, built from the runtime's parts."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import httpx

from publisher.clock import Clock
from publisher.links import Links
from publisher.models import Publication
from publisher.push.deliveries import DeliveryRepo
from publisher.push.delivery import DeliveryWorker
from publisher.push.guard import Guard
from publisher.push.subscriptions import SubscriptionRepo
from publisher.push.transport import make_client
from publisher.push.websub import FeedSource, Hub
from publisher.push.websub_distribute import Distributor
from publisher.push.websub_store import HubSubscriptions
from publisher.store import SqlStore


@dataclass
class PushServices:
    store: SqlStore
    clock: Clock
    links: Links
    publications: dict[str, Publication]
    feeds: FeedSource
    allow_networks: list[str] = field(default_factory=list)
    admin_token: str | None = None
    transport: httpx.AsyncBaseTransport | None = None  # tests, benchmarks

    @cached_property
    def guard(self) -> Guard:
        return Guard(self.allow_networks)

    @cached_property
    def client(self) -> httpx.AsyncClient:
        return make_client(self.guard, inner=self.transport)

    @cached_property
    def subscriptions(self) -> SubscriptionRepo:
        return SubscriptionRepo(self.store, self.clock)

    @cached_property
    def deliveries(self) -> DeliveryRepo:
        return DeliveryRepo(self.store, self.clock)

    @cached_property
    def hub_subscriptions(self) -> HubSubscriptions:
        return HubSubscriptions(self.store, self.clock)

    @cached_property
    def hub(self) -> Hub:
        return Hub(self.hub_subscriptions, self.client, self.links, self.publications)

    @cached_property
    def distributor(self) -> Distributor:
        return Distributor(self.hub_subscriptions, self.client, self.links, self.publications,
                           self.feeds, self.clock)

    def worker(self, **kwargs: object) -> DeliveryWorker:
        return DeliveryWorker(self.store, self.clock, self.client,
                              companion=self.distributor, **kwargs)  # type: ignore[arg-type]

    async def aclose(self) -> None:
        if "client" in self.__dict__:
            await self.client.aclose()
