"""Writing what happened: attempts, delivery state, endpoint health, in one transaction."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import Connection, and_, bindparam, text, update

from publisher.push.outbox import Job, among, columns
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


# PostgreSQL: a chunk's attempts and delivery states each as one statement over
# arrays. Through executemany each row costs the worker ~50 µs of CPU in psycopg's
# pipeline per statement, and that CPU is taken from the sends (docs/benchmarks.md).
_PG_ATTEMPTS = text(
    "INSERT INTO delivery_attempts (delivery_id, at, duration_ms, status_code, error, response)"
    " SELECT * FROM unnest(CAST(:delivery_id AS varchar[]), CAST(:at AS timestamptz[]),"
    " CAST(:duration_ms AS integer[]), CAST(:status_code AS integer[]),"
    " CAST(:error AS text[]), CAST(:response AS text[]))")
_PG_DELIVERIES = text(
    "UPDATE deliveries AS d SET status = v.status, attempts = v.attempts,"
    " next_attempt_at = v.next_attempt_at, claimed_until = NULL, last_status = v.last_status,"
    " last_error = v.last_error, delivered_at = v.delivered_at"
    " FROM unnest(CAST(:id AS varchar[]), CAST(:status AS varchar[]),"
    " CAST(:attempts AS integer[]), CAST(:next_attempt_at AS timestamptz[]),"
    " CAST(:last_status AS integer[]), CAST(:last_error AS text[]),"
    " CAST(:delivered_at AS timestamptz[]))"
    " AS v(id, status, attempts, next_attempt_at, last_status, last_error, delivered_at)"
    " WHERE d.id = v.id")


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
         "delivered_at": r.at if r.outcome.status == "delivered" else None}
        for r in results]
    with store.tx() as conn:
        if conn.dialect.name == "postgresql":
            conn.execute(_PG_ATTEMPTS, columns(attempts))
            conn.execute(_PG_DELIVERIES, columns(states))
        else:
            conn.execute(t.delivery_attempts.insert(), attempts)
            conn.execute(
                update(d).where(d.c.id == bindparam("b_id")).values(
                    status=bindparam("b_status"), attempts=bindparam("b_attempts"),
                    next_attempt_at=bindparam("b_next_attempt_at"), claimed_until=None,
                    last_status=bindparam("b_last_status"),
                    last_error=bindparam("b_last_error"),
                    delivered_at=bindparam("b_delivered_at")),
                [{"b_" + k: v for k, v in row.items()} for row in states])
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
