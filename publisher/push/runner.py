"""The delivery loop's entry point for `publisher worker` / `publisher run`."""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING

from publisher.push.config_sync import sync_config
from publisher.push.notify import listen

if TYPE_CHECKING:
    from publisher.runtime import Runtime


async def run_delivery_worker(runtime: Runtime, stop: asyncio.Event, *,
                              idle: float = 1.0, wake: asyncio.Event | None = None) -> None:
    """Sync config/subscribers.toml, then fan out, deliver and distribute until `stop`
    is set. Any number of these may run against one PostgreSQL database."""
    push = runtime.push
    sync_config(push.subscriptions, runtime.settings.subscribers_file)
    wake = wake or asyncio.Event()
    listener = asyncio.create_task(listen(runtime.store.engine, wake, stop))
    try:
        await push.worker().run(stop, idle=idle, wake=wake)
    finally:
        listener.cancel()
        with contextlib.suppress(asyncio.CancelledError):
            await listener
        await push.aclose()
