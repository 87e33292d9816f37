"""A delivery worker process for the multi-worker test: runs until the outbox is empty."""

from __future__ import annotations

import asyncio
import sys

from sqlalchemy import func, or_, select

from publisher.clock import SystemClock
from publisher.push.delivery import DeliveryWorker
from publisher.push.guard import Guard
from publisher.push.transport import make_client
from publisher.store import open_store
from publisher.store import tables as t


def remaining(store: object) -> int:
    d, e = t.deliveries, t.events
    with store.read() as conn:  # type: ignore[attr-defined]
        left = conn.scalar(select(func.count()).select_from(d).where(
            or_(d.c.status == "pending", d.c.status == "failed")))
        left += conn.scalar(select(func.count()).select_from(e).where(
            e.c.dispatched_at.is_(None)))
    return int(left or 0)


async def main(url: str) -> None:
    store = open_store(url, migrate=False)
    async with make_client(Guard(["127.0.0.1/32"])) as client:
        worker = DeliveryWorker(store, SystemClock(), client, batch=200, per_endpoint=16)
        idle = sent = 0
        while idle < 3:
            n = await worker.run_once()
            sent += n
            if n == 0:
                idle = idle + 1 if remaining(store) == 0 else 0
                await asyncio.sleep(0.2)
            else:
                idle = 0
    store.close()
    print(sent)


if __name__ == "__main__":
    asyncio.run(main(sys.argv[1]))
