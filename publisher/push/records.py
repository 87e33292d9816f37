"""Writing what happened: attempts, delivery state, endpoint health, in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, and_, update

from publisher.push.outbox import Job, among
from publisher.push.retry import DISABLE_AFTER, Outcome
from publisher.push.transport import Reply
from publisher.store import SqlStore
from publisher.store import tables as t
from publisher.store.bulk import insert_many, update_many


@dataclass(frozen=True)
class Result:
    job: Job
    at: dt.datetime
    outcome: Outcome
    reply: Reply | None
    error: str | None
    duration_ms: int


def _text(body: bytes) -> str:
    return body.decode("utf-8", errors="replace").replace("\x00", "")


def record(store: SqlStore, results: list[Result], now: dt.datetime) -> None:
    if not results:
        return
    d, s = t.deliveries, t.subscriptions
    attempts = [
        {"delivery_id": r.job.id, "at": r.at, "duration_ms": r.duration_ms,
         "status_code": r.reply.status if r.reply else None, "error": r.error,
         "response": _text(r.reply.body) if r.reply else None} for r in results]
    states = [
        {"id": r.job.id, "status": r.outcome.status, "attempts": r.job.attempts + 1,
         "next_attempt_at": r.outcome.next_attempt_at,
         "last_status": r.reply.status if r.reply else None, "last_error": r.error,
         "delivered_at": r.at if r.outcome.status == "delivered" else None,
         "claimed_until": None}
        for r in results]
    with store.tx() as conn:
        insert_many(conn, t.delivery_attempts, attempts)
        update_many(conn, d, "id", states)
        ok = {r.job.subscription_id for r in results if r.outcome.status == "delivered"}
        bad = {r.job.subscription_id for r in results if r.outcome.status != "delivered"} - ok
        if ok:
            conn.execute(update(s).where(among(conn, s.c.id, ok), s.c.failing_since.is_not(None))
                         .values(failing_since=None))
        if bad:
            conn.execute(update(s).where(among(conn, s.c.id, bad), s.c.failing_since.is_(None))
                         .values(failing_since=now))
            disable(conn, [sid for sid in bad if _failing(conn, sid, now)],
                    f"failing every attempt for {DISABLE_AFTER.days} days")
        gone = {r.job.subscription_id: r.outcome.disable for r in results if r.outcome.disable}
        for sid, reason in gone.items():
            disable(conn, [sid], reason or "disabled")


def _failing(conn: Connection, sid: str, now: dt.datetime) -> bool:
    s = t.subscriptions
    since = conn.execute(s.select().with_only_columns(s.c.failing_since)
                         .where(s.c.id == sid)).scalar()
    return since is not None and now - since >= DISABLE_AFTER


def disable(conn: Connection, ids: list[str], reason: str) -> None:
    """Disable endpoints; their waiting deliveries die (a replay brings them back)."""
    if not ids:
        return
    d, s = t.deliveries, t.subscriptions
    conn.execute(update(s).where(s.c.id.in_(ids), s.c.enabled.is_(True))
                 .values(enabled=False, disabled_reason=reason))
    conn.execute(update(d).where(and_(d.c.subscription_id.in_(ids),
                                      d.c.status.in_(("pending", "failed"))))
                 .values(status="dead", claimed_until=None, next_attempt_at=None,
                         last_error="endpoint disabled: " + reason))
