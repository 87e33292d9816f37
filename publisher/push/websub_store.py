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
    retry_at: dt.datetime | None = None
    retry_attempt: int | None = None


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

    def schedule_retry(self, sub: HubSubscription, due: dt.datetime | None,
                       attempt: int | None) -> None:
        """Keep (or, with None, drop) the subscription's pending distribution retry."""
        w = t.websub_subscriptions
        with self.store.tx() as conn:
            conn.execute(update(w).where(w.c.id == sub.id)
                         .values(retry_at=due, retry_attempt=attempt))

    def claim_due(self, lease: dt.timedelta = dt.timedelta(seconds=60)) -> list[HubSubscription]:
        """Retries due now, each claimed by moving it a lease ahead: one worker sends
        it, and if that worker dies before it records the outcome, it comes due again."""
        w = t.websub_subscriptions
        now = self.clock.now()
        claimed: list[HubSubscription] = []
        with self.store.tx() as conn:
            rows = conn.execute(select(w).where(w.c.retry_at <= now, w.c.expires_at > now)
                                .order_by(w.c.id)).all()
            for row in rows:
                res = conn.execute(update(w).where(w.c.id == row.id,
                                                   w.c.retry_at == row.retry_at)
                                   .values(retry_at=now + lease))
                if res.rowcount:
                    claimed.append(HubSubscription.model_validate(dict(row._mapping)))
        return claimed

    def pending_retries(self) -> int:
        w = t.websub_subscriptions
        with self.store.read() as conn:
            return len(conn.execute(select(w.c.id).where(w.c.retry_at.is_not(None))).all())
