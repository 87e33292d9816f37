"""Looking at deliveries and replaying the failed ones (`publisher deliveries`, API)."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel
from sqlalchemy import select, update

from publisher.clock import Clock
from publisher.store import SqlStore
from publisher.store import tables as t

FAILED = ("failed", "dead")


class DeliveryView(BaseModel):
    id: str
    event_id: str
    event_type: str
    subscription_id: str
    url: str
    status: Literal["pending", "delivered", "failed", "dead"]
    attempts: int
    next_attempt_at: dt.datetime | None
    last_status: int | None
    last_error: str | None
    created_at: dt.datetime
    delivered_at: dt.datetime | None


class DeliveryRepo:
    def __init__(self, store: SqlStore, clock: Clock) -> None:
        self.store, self.clock = store, clock

    def find(self, *, since: dt.datetime | None = None, status: str | None = None,
             subscription: str | None = None, limit: int = 100) -> list[DeliveryView]:
        d, s, e = t.deliveries, t.subscriptions, t.events
        q = (select(d, e.c.id.label("event_id"), e.c.type.label("event_type"), s.c.url)
             .join(e, e.c.seq == d.c.event_seq).join(s, s.c.id == d.c.subscription_id)
             .order_by(d.c.created_at.desc(), d.c.id).limit(limit))
        if since is not None:
            q = q.where(d.c.created_at >= since)
        if status:
            q = q.where(d.c.status == status)
        if subscription:
            q = q.where(d.c.subscription_id == subscription)
        with self.store.read() as conn:
            return [DeliveryView.model_validate(dict(r._mapping), from_attributes=False)
                    for r in conn.execute(q)]

    def replay(self, *, since: dt.datetime, subscription: str | None = None) -> list[str]:
        """Failed and dead deliveries created since `since` go out again now, same
        webhook-id, with a fresh retry schedule. Returns their ids."""
        d = t.deliveries
        now = self.clock.now()
        with self.store.tx() as conn:
            q = select(d.c.id).where(d.c.status.in_(FAILED), d.c.created_at >= since)
            if subscription:
                q = q.where(d.c.subscription_id == subscription)
            ids = list(conn.scalars(q.order_by(d.c.created_at, d.c.id)))
            if ids:
                conn.execute(update(d).where(d.c.id.in_(ids)).values(
                    status="pending", attempts=0, next_attempt_at=now, claimed_until=None))
        return ids
