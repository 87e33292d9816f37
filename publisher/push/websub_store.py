"""WebSub subscriptions: (callback, topic) pairs with a lease, in websub_subscriptions."""

from __future__ import annotations

import datetime as dt

from pydantic import BaseModel
from sqlalchemy import delete, select, update

from publisher.clock import Clock
from publisher.store import SqlStore
from publisher.store import tables as t


class HubSubscription(BaseModel):
    id: int
    callback: str
    topic: str
    secret: str | None
    lease_seconds: int
    expires_at: dt.datetime
    created_at: dt.datetime


class HubSubscriptions:
    def __init__(self, store: SqlStore, clock: Clock) -> None:
        self.store, self.clock = store, clock

    def upsert(self, callback: str, topic: str, lease_seconds: int, secret: str | None) -> None:
        """Subscribe, or renew: a re-subscription replaces lease and secret."""
        w = t.websub_subscriptions
        now = self.clock.now()
        values = {"lease_seconds": lease_seconds, "secret": secret,
                  "expires_at": now + dt.timedelta(seconds=lease_seconds)}
        with self.store.tx() as conn:
            res = conn.execute(update(w).where(w.c.callback == callback, w.c.topic == topic)
                               .values(**values))
            if res.rowcount == 0:
                conn.execute(w.insert().values(callback=callback, topic=topic, created_at=now,
                                               **values))

    def remove(self, callback: str, topic: str) -> bool:
        w = t.websub_subscriptions
        with self.store.tx() as conn:
            res = conn.execute(delete(w).where(w.c.callback == callback, w.c.topic == topic))
        return bool(res.rowcount)

    def get(self, callback: str, topic: str) -> HubSubscription | None:
        w = t.websub_subscriptions
        with self.store.read() as conn:
            row = conn.execute(select(w).where(w.c.callback == callback,
                                               w.c.topic == topic)).first()
        return None if row is None else HubSubscription.model_validate(dict(row._mapping))

    def active(self, topic: str | None = None) -> list[HubSubscription]:
        """Unexpired subscriptions (to one topic); expired ones are purged."""
        w = t.websub_subscriptions
        now = self.clock.now()
        q = select(w).where(w.c.expires_at > now).order_by(w.c.id)
        if topic is not None:
            q = q.where(w.c.topic == topic)
        with self.store.tx() as conn:
            conn.execute(delete(w).where(w.c.expires_at <= now))
            return [HubSubscription.model_validate(dict(r._mapping)) for r in conn.execute(q)]
