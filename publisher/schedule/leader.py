"""One worker leads: only the leader watches the inbox, ingests and releases.

Two workers ingesting the same page at once would each compute the same diff
and each write its events. On PostgreSQL the leader holds a session-level
advisory lock on a connection of its own; the others wait on standby (their
delivery loops still run: deliveries are claimed with SKIP LOCKED) and take
over when the leader's connection ends. SQLite is one process by design: the
worker there always leads.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging

from sqlalchemy import Connection, Engine, text
from sqlalchemy.exc import SQLAlchemyError

log = logging.getLogger(__name__)

# An arbitrary 64-bit key naming this lock among the database's advisory locks.
LOCK_KEY = 0x6564_6974_696F_6E31  # "edition1"


class Leadership:
    def __init__(self, engine: Engine | None, *, retry: float = 2.0) -> None:
        self.engine = engine
        self.retry = retry
        self._conn: Connection | None = None

    @property
    def shared(self) -> bool:
        return self.engine is not None and self.engine.dialect.name == "postgresql"

    def try_acquire(self) -> bool:
        if self.engine is None or not self.shared or self._conn is not None:
            return True
        conn = self.engine.connect()
        try:
            got = bool(conn.execute(text("SELECT pg_try_advisory_lock(:k)"),
                                    {"k": LOCK_KEY}).scalar())
            conn.commit()
        except SQLAlchemyError:
            conn.close()
            raise
        if got:
            self._conn = conn
        else:
            conn.close()
        return got

    async def acquire(self, stop: asyncio.Event) -> bool:
        """Wait until this process leads (True) or *stop* is set (False)."""
        waited = False
        while not stop.is_set():
            try:
                if await asyncio.to_thread(self.try_acquire):
                    if waited:
                        log.info("this worker now leads ingest")
                    return True
            except SQLAlchemyError as e:
                log.warning("leader lock: %s", e)
            if not waited:
                log.info("another worker leads ingest: standing by")
                waited = True
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(stop.wait(), self.retry)
        return False

    def release(self) -> None:
        if self._conn is not None:
            try:
                self._conn.execute(text("SELECT pg_advisory_unlock(:k)"), {"k": LOCK_KEY})
                self._conn.commit()
            except SQLAlchemyError as e:
                log.warning("leader unlock: %s", e)
            finally:
                self._conn.close()
                self._conn = None
