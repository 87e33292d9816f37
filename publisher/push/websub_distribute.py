"""WebSub content distribution: the new feed body to every subscriber of its topic.

On feed.updated the current rendered feed is POSTed with the topic's
Content-Type, `Link: <hub>; rel="hub", <topic>; rel="self"` and, when the
subscriber gave a secret, `X-Hub-Signature: sha256=<hex>`. Failures are retried
(5 s, 5 min, 30 min, 2 h, jittered); the pending retry is kept on the
subscription's row, so it survives a restart, and each retry sends the feed as it
is then: a newer update supersedes an older pending one. 410 ends the subscription.
"""

from __future__ import annotations

import asyncio
import random

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


class Distributor:
    def __init__(self, subs: HubSubscriptions, client: httpx.AsyncClient, links: Links,
                 publications: dict[str, Publication], feeds: FeedSource, clock: Clock,
                 rng: random.Random | None = None) -> None:
        self.subs, self.client, self.links = subs, client, links
        self.publications, self.feeds, self.clock = publications, feeds, clock
        self.rng = rng or random.Random()

    async def on_events(self, events: list[Event]) -> None:
        topics = {url for e in events if e.type == "feed.updated"
                  for url in (e.data.get("feeds") or {}).values()}
        subs = [s for topic in sorted(topics) for s in self.subs.active(topic)]
        await asyncio.gather(*(self.deliver(s, 1) for s in subs))

    async def tick(self) -> int:
        """Send the retries that are due; returns how many."""
        due = await asyncio.to_thread(self.subs.claim_due)
        await asyncio.gather(*(self.deliver(s, s.retry_attempt or 2) for s in due))
        return len(due)

    async def deliver(self, sub: HubSubscription, attempt: int) -> Reply | None:
        where = resolve_topic(sub.topic, self.links, self.publications)
        if where is None:
            return None
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
            if sub.retry_at is not None:  # a newer update superseded a pending retry
                await asyncio.to_thread(self.subs.schedule_retry, sub, None, None)
            return reply
        if reply is not None and reply.status == 410:
            self.subs.remove(sub.callback, sub.topic)
            return reply
        delay = backoff(attempt, self.rng) if attempt < MAX_ATTEMPTS else None
        due = None if delay is None else self.clock.now() + delay
        await asyncio.to_thread(self.subs.schedule_retry, sub, due,
                                None if delay is None else attempt + 1)
        return reply
