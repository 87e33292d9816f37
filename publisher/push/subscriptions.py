"""Webhook subscriptions: the repository over the `subscriptions` table, and matching."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any, Literal, Protocol

from pydantic import BaseModel, ConfigDict, Field
from sqlalchemy import delete, select, update

from publisher.clock import Clock
from publisher.errors import PushError
from publisher.models import Event, Subscription
from publisher.push.signing import new_secret, secret_key
from publisher.store import SqlStore
from publisher.store import tables as t


class SubscriptionRecord(Subscription):
    """A subscription as stored: the shared model plus its bookkeeping."""

    model_config = ConfigDict(extra="forbid")

    previous_secret: str | None = None
    secret_rotated_at: dt.datetime | None = None
    disabled_reason: str | None = None
    origin: Literal["api", "config"] = "api"
    failing_since: dt.datetime | None = None
    created_at: dt.datetime

    def public(self) -> Subscription:
        return Subscription.model_validate(self.model_dump(include=set(Subscription.model_fields)))


class SubscriptionIn(BaseModel):
    """What an operator gives: everything but the id and secret is optional."""

    model_config = ConfigDict(extra="forbid")

    id: str | None = Field(default=None, pattern=r"^[A-Za-z0-9_.-]{1,64}$")
    url: str
    secret: str | None = None
    event_types: list[str] = Field(default_factory=list)
    publication: str | None = None
    section: str | None = None
    enabled: bool = True


class Filter(Protocol):
    """What matching reads: a Subscription, or a row of those three columns."""

    @property
    def event_types(self) -> list[str]: ...
    @property
    def publication(self) -> str | None: ...
    @property
    def section(self) -> str | None: ...


def matches(sub: Filter, event: Event) -> bool:
    """event_types empty = all; "article.*" matches a family. An event names its
    section directly (feed.updated) or through its article's sections; an event
    with neither (edition.published, ingest.failed) goes to every section filter."""
    if sub.event_types and not any(
        event.type == p or (p.endswith(".*") and event.type.startswith(p[:-1]))
        for p in sub.event_types
    ):
        return False
    if sub.publication and event.publication != sub.publication:
        return False
    if sub.section:
        article = event.data.get("article")
        sections = set(article.get("sections", [])) if isinstance(article, dict) else set()
        if event.section is not None or sections:
            return event.section == sub.section or sub.section in sections
    return True


def _record(row: Any) -> SubscriptionRecord:
    return SubscriptionRecord.model_validate(dict(row._mapping))


class SubscriptionRepo:
    def __init__(self, store: SqlStore, clock: Clock) -> None:
        self.store, self.clock = store, clock

    def add(self, new: SubscriptionIn, *, origin: str = "api") -> SubscriptionRecord:
        secret = new.secret or new_secret()
        secret_key(secret)  # refuse a malformed secret now, not at the first send
        values = new.model_dump(exclude={"id", "secret"})
        sid = new.id or "sub_" + uuid.uuid4().hex[:20]
        with self.store.tx() as conn:
            if conn.scalar(select(t.subscriptions.c.id).where(t.subscriptions.c.id == sid)):
                raise PushError("a subscription with this id exists", key=sid)
            conn.execute(t.subscriptions.insert().values(
                id=sid, secret=secret, origin=origin, created_at=self.clock.now(), **values))
        return self.get(sid)

    def get(self, sid: str) -> SubscriptionRecord:
        with self.store.read() as conn:
            row = conn.execute(select(t.subscriptions).where(t.subscriptions.c.id == sid)).first()
        if row is None:
            raise PushError("no such subscription", key=sid)
        return _record(row)

    def find(self, *, enabled_only: bool = False) -> list[SubscriptionRecord]:
        q = select(t.subscriptions).order_by(t.subscriptions.c.created_at, t.subscriptions.c.id)
        if enabled_only:
            q = q.where(t.subscriptions.c.enabled.is_(True))
        with self.store.read() as conn:
            return [_record(r) for r in conn.execute(q)]

    def update(self, sid: str, **values: Any) -> SubscriptionRecord:
        if values.get("enabled") is True:
            values.setdefault("disabled_reason", None)
            values.setdefault("failing_since", None)
        with self.store.tx() as conn:
            res = conn.execute(update(t.subscriptions).where(t.subscriptions.c.id == sid)
                               .values(**values))
        if res.rowcount == 0:
            raise PushError("no such subscription", key=sid)
        return self.get(sid)

    def remove(self, sid: str) -> None:
        with self.store.tx() as conn:
            res = conn.execute(delete(t.subscriptions).where(t.subscriptions.c.id == sid))
        if res.rowcount == 0:
            raise PushError("no such subscription", key=sid)

    def rotate_secret(self, sid: str, secret: str | None = None) -> SubscriptionRecord:
        """A new secret; the old one keeps signing too for 24 hours."""
        new = secret or new_secret()
        secret_key(new)
        old = self.get(sid)
        return self.update(sid, secret=new, previous_secret=old.secret,
                           secret_rotated_at=self.clock.now())
