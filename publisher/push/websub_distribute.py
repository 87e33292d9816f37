"""WebSub content distribution: the new feed body to every subscriber of its topic.

On feed.updated the current rendered feed is POSTed with the topic's
Content-Type, `Link: <hub>; rel="hub", <topic>; rel="self"` and, when the
subscriber gave a secret, `X-Hub-Signature: sha256=<hex>`. Failures are retried
(5 s, 5 min, 30 min, 2 h, jittered) from memory, each retry sending the feed as
it is then: a newer update supersedes an older pending one, and a retry lost
with its process is made good by the next feed.updated. 410 ends the subscription.
"""

from __future__ import annotations

import asyncio
import datetime as dt
import random
from dataclasses import dataclass

import httpx

from publisher.clock import Clock
from publisher.errors import PublisherError
from publisher.links import Links
from publisher.models import Event, Publication
from publisher.push.retry import backoff
from publisher.push.signing import hub_signature
from publisher.push.transport import Reply, send
from publisher.push.websub import FeedSource, resolve_topic
from publisher.push.websub_store import HubSubscription, HubSubscriptions

MAX_ATTEMPTS = 5


@dataclass(frozen=True)
class Retry:
    due: dt.datetime
    attempt: int


class Distributor:
    def __init__(self, subs: HubSubscriptions, client: httpx.AsyncClient, links: Links,
                 publications: dict[str, Publication], feeds: FeedSource, clock: Clock,
                 rng: random.Random | None = None) -> None:
        self.subs, self.client, self.links = subs, client, links
        self.publications, self.feeds, self.clock = publications, feeds, clock
        self.rng = rng or random.Random()
        self.retries: dict[tuple[str, str], Retry] = {}

    async def on_events(self, events: list[Event]) -> None:
        topics = {url for e in events if e.type == "feed.updated"
                  for url in (e.data.get("feeds") or {}).values()}
        subs = [s for topic in sorted(topics) for s in self.subs.active(topic)]
        await asyncio.gather(*(self.deliver(s, 1) for s in subs))

    async def tick(self) -> int:
        """Send the retries that are due; returns how many."""
        now = self.clock.now()
        due = [(key, r) for key, r in self.retries.items() if r.due <= now]
        for key, _ in due:
            del self.retries[key]
        subs = [(self.subs.get(*key), r.attempt) for key, r in due]
        await asyncio.gather(*(self.deliver(s, n) for s, n in subs if s is not None))
        return len(due)

    async def deliver(self, sub: HubSubscription, attempt: int) -> Reply | None:
        where = resolve_topic(sub.topic, self.links, self.publications)
        if where is None:
            return None
        key = (sub.callback, sub.topic)
        self.retries.pop(key, None)
        reply: Reply | None = None
        try:
            rendered = await asyncio.to_thread(self.feeds.feed, *where)
            headers = {"content-type": rendered.media_type,
                       "link": f'<{self.links.hub()}>; rel="hub", <{sub.topic}>; rel="self"'}
            if sub.secret:
                headers["x-hub-signature"] = hub_signature(sub.secret, rendered.body)
            reply = await send(self.client, "POST", sub.callback, headers=headers,
                               content=rendered.body)
        except PublisherError:
            pass  # refused, unreachable or not rendered: retried like a 5xx
        if reply is not None and 200 <= reply.status < 300:
            return reply
        if reply is not None and reply.status == 410:
            self.subs.remove(sub.callback, sub.topic)
            return reply
        delay = backoff(attempt, self.rng) if attempt < MAX_ATTEMPTS else None
        if delay is not None:
            self.retries[key] = Retry(self.clock.now() + delay, attempt + 1)
        return reply
