"""The outbox: fan-out of undispatched events into deliveries, and claiming due ones.

Fan-out and claim each run in one transaction. On PostgreSQL both lock with
FOR UPDATE SKIP LOCKED, so several workers share the work; a claim also sets
`claimed_until` (a lease), so a delivery being sent is not claimed again even
after the claiming transaction commits. SQLite runs one process: a plain claim.
"""

from __future__ import annotations

import datetime as dt
import uuid
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    String,
    and_,
    any_,
    bindparam,
    or_,
    select,
    update,
)
from sqlalchemy.dialects.postgresql import ARRAY

from publisher.clock import Clock
from publisher.models import Event
from publisher.push.subscriptions import matches
from publisher.store import SqlStore
from publisher.store import tables as t
from publisher.store.bulk import insert_many
from publisher.store.sql import event_from_row

LEASE = dt.timedelta(seconds=60)
RETRYABLE = ("pending", "failed")


def new_delivery_id() -> str:
    return "msg_" + uuid.uuid4().hex


@dataclass(frozen=True)
class Job:
    """A claimed delivery with what sending it needs."""

    id: str
    attempts: int
    subscription_id: str
    url: str
    secret: str
    previous_secret: str | None
    secret_rotated_at: dt.datetime | None
    event: Event
    claimed_until: dt.datetime


@dataclass(frozen=True)
class FanOut:
    """What a fan-out dispatched, and the deliveries it claimed for its caller."""

    events: list[Event]
    jobs: list[Job]


def among(conn: Connection, column: ColumnElement[str],
          ids: Iterable[str]) -> ColumnElement[bool]:
    """column IN ids; on PostgreSQL = ANY(one array): a claim names 200 deliveries
    and an expanded IN list is rendered parameter by parameter on every execution."""
    if conn.dialect.name == "postgresql":
        return column == any_(bindparam("among", sorted(ids), type_=ARRAY(String), unique=True))
    return column.in_(ids)


def _locking(conn: Connection, q: Any) -> Any:
    return q.with_for_update(skip_locked=True) if conn.dialect.name == "postgresql" else q


class Outbox:
    def __init__(self, store: SqlStore, clock: Clock) -> None:
        self.store, self.clock = store, clock

    def fan_out(self, limit: int = 500, claim: int = 0,
                lease: dt.timedelta = LEASE) -> FanOut:
        """One delivery row per matching enabled subscription for each undispatched
        event, and the events marked dispatched, in one transaction. Returns the
        events dispatched (the caller hands feed.updated ones to the WebSub hub) and,
        up to *claim* of the new deliveries, claimed as they are written: a claim
        that reads back what the fan-out just wrote costs a fan-out to 1,000
        endpoints a third of its database time (docs/benchmarks.md). The rest stay
        pending for any worker."""
        ev = t.events
        now = self.clock.now()
        until = now + lease
        with self.store.tx() as conn:
            q = (select(ev).where(ev.c.dispatched_at.is_(None)).order_by(ev.c.seq)
                 .limit(limit))
            rows = conn.execute(_locking(conn, q)).all()
            if not rows:
                return FanOut([], [])
            # the filter columns and what a send needs, matched as rows: validating
            # whole records was most of a 1,000-subscription fan-out
            sc = t.subscriptions.c
            subs = conn.execute(select(sc.id, sc.event_types, sc.publication, sc.section,
                                       sc.url, sc.secret, sc.previous_secret,
                                       sc.secret_rotated_at)
                                .where(sc.enabled.is_(True))).all()
            events = [(r.seq, event_from_row(r)) for r in rows]
            values: list[dict[str, Any]] = []
            jobs: list[Job] = []
            for seq, e in events:
                for s in subs:
                    if not matches(s, e):
                        continue
                    taken = len(jobs) < claim
                    values.append({"id": new_delivery_id(), "event_seq": seq,
                                   "subscription_id": s.id, "status": "pending",
                                   "attempts": 0, "next_attempt_at": now,
                                   "claimed_until": until if taken else None,
                                   "created_at": now})
                    if taken:
                        jobs.append(Job(values[-1]["id"], 0, s.id, s.url, s.secret,
                                        s.previous_secret, s.secret_rotated_at, e, until))
            insert_many(conn, t.deliveries, values)  # no rows: no statement
            conn.execute(update(ev).where(ev.c.seq.in_([seq for seq, _ in events]))
                         .values(dispatched_at=now))
        return FanOut([e for _, e in events], jobs)

    def claim(self, limit: int = 100, lease: dt.timedelta = LEASE) -> list[Job]:
        d, s, ev = t.deliveries, t.subscriptions, t.events
        now = self.clock.now()
        until = now + lease
        due = and_(d.c.status.in_(RETRYABLE), d.c.next_attempt_at <= now,
                   or_(d.c.claimed_until.is_(None), d.c.claimed_until < now))
        with self.store.tx() as conn:
            q = (select(d.c.id).join(s, s.c.id == d.c.subscription_id)
                 .where(due, s.c.enabled.is_(True)).order_by(d.c.next_attempt_at).limit(limit))
            if conn.dialect.name == "postgresql":
                q = q.with_for_update(of=d, skip_locked=True)
            ids = list(conn.scalars(q))
            if not ids:
                return []
            conn.execute(update(d).where(among(conn, d.c.id, ids))
                         .values(claimed_until=until))
            rows = conn.execute(
                select(d.c.id, d.c.attempts, d.c.subscription_id, d.c.event_seq, s.c.url,
                       s.c.secret, s.c.previous_secret, s.c.secret_rotated_at)
                .join(s, s.c.id == d.c.subscription_id).where(among(conn, d.c.id, ids))).all()
            # one event fans out to many deliveries: read and decode each event once
            seqs = {r.event_seq for r in rows}
            events = {e.seq: event_from_row(e) for e in conn.execute(
                select(ev).where(ev.c.seq.in_(seqs)))}
        return [Job(r.id, r.attempts, r.subscription_id, r.url, r.secret, r.previous_secret,
                    r.secret_rotated_at, events[r.event_seq], until)
                for r in rows]

    def renew(self, job: Job, lease: dt.timedelta = LEASE) -> Job | None:
        """A fresh lease on *job* if it is still ours (its lease unchanged since we
        took it), else None: another worker claimed it once ours ran out."""
        d = t.deliveries
        until = self.clock.now() + lease
        with self.store.tx() as conn:
            taken = conn.execute(update(d).where(d.c.id == job.id,
                                                 d.c.claimed_until == job.claimed_until)
                                 .values(claimed_until=until)).rowcount
        return replace(job, claimed_until=until) if taken == 1 else None
