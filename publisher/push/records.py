"""Writing what happened: attempts, delivery state, endpoint health, in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, and_, bindparam, update

from publisher.push.outbox import Job
from publisher.push.retry import DISABLE_AFTER, Outcome
from publisher.push.transport import Reply
from publisher.store import SqlStore
from publisher.store import tables as t


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
    with store.tx() as conn:
        conn.execute(t.delivery_attempts.insert(), [
            {"delivery_id": r.job.id, "at": r.at, "duration_ms": r.duration_ms,
             "status_code": r.reply.status if r.reply else None, "error": r.error,
             "response": _text(r.reply.body) if r.reply else None} for r in results])
        conn.execute(
            update(d).where(d.c.id == bindparam("b_id")).values(
                status=bindparam("b_status"), attempts=bindparam("b_attempts"),
                next_attempt_at=bindparam("b_next"), claimed_until=None,
                last_status=bindparam("b_code"), last_error=bindparam("b_error"),
                delivered_at=bindparam("b_delivered")),
            [{"b_id": r.job.id, "b_status": r.outcome.status, "b_attempts": r.job.attempts + 1,
              "b_next": r.outcome.next_attempt_at, "b_code": r.reply.status if r.reply else None,
              "b_error": r.error, "b_delivered": r.at if r.outcome.status == "delivered" else None}
             for r in results])
        ok = {r.job.subscription_id for r in results if r.outcome.status == "delivered"}
        bad = {r.job.subscription_id for r in results if r.outcome.status != "delivered"} - ok
        if ok:
            conn.execute(update(s).where(s.c.id.in_(ok), s.c.failing_since.is_not(None))
                         .values(failing_since=None))
        if bad:
            conn.execute(update(s).where(s.c.id.in_(bad), s.c.failing_since.is_(None))
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
