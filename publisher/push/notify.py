"""Wake the delivery loop when any process writes outbox events (PostgreSQL).

The store NOTIFYs `publisher_events` in the transaction that writes events, so
the notification arrives when they are committed. A standby worker, or a worker
whose ingest is elsewhere, learns of them at once instead of at its next idle
poll. On SQLite there is no other process to hear from: nothing to listen to.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

import psycopg
from sqlalchemy.engine import Engine

from publisher.store.sql import EVENTS_CHANNEL

log = logging.getLogger(__name__)


def dsn(engine: Engine) -> str | None:
    """A libpq connection string for the engine's database, or None if not PostgreSQL."""
    if engine.dialect.name != "postgresql":
        return None
    url = engine.url.set(drivername="postgresql")
    return url.render_as_string(hide_password=False)


async def listen(engine: Engine, wake: asyncio.Event, stop: asyncio.Event,
                 *, retry: float = 2.0) -> None:
    """Until *stop*: set *wake* on every notification; reconnect when the server goes."""
    where = dsn(engine)
    if where is None:
        return
    while not stop.is_set():
        try:
            async with await psycopg.AsyncConnection.connect(where, autocommit=True) as conn:
                await conn.execute(f"LISTEN {EVENTS_CHANNEL}")
                wake.set()  # events may have come while we were not listening
                gen = conn.notifies()
                while not stop.is_set():
                    waiter = asyncio.ensure_future(anext(gen))
                    stopper = asyncio.ensure_future(stop.wait())
                    done, _ = await asyncio.wait({waiter, stopper},
                                                 return_when=asyncio.FIRST_COMPLETED)
                    stopper.cancel()
                    if waiter not in done:
                        waiter.cancel()
                        with contextlib.suppress(asyncio.CancelledError, psycopg.Error):
                            await waiter
                        break
                    waiter.result()
                    wake.set()
        except psycopg.Error as e:
            log.warning("listening for events: %s; again in %.0f s", e, retry)
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), retry)
