"""The HTTP server: granian, embedded in the process's own asyncio loop.

granian's HTTP layer is Rust (hyper), so a request costs Python only the ASGI call:
serving a ready feed it gave about twice uvicorn's requests per second on the same
core (docs/benchmarks.md, Serving). Embedded, it shares the loop `publisher run`
gives the worker, and `publisher serve` is one process (no supervisor forking a
worker), so the process one measures is the one that serves.
"""

from __future__ import annotations

import asyncio
import signal
from collections.abc import Coroutine
from typing import Any, TypeVar

from starlette.types import ASGIApp

T = TypeVar("T")


async def serve(app: ASGIApp, host: str, port: int) -> None:
    """Serve *app* until SIGINT or SIGTERM; open requests are finished first."""
    from granian.constants import Interfaces
    from granian.log import LogLevels
    from granian.server.embed import Server

    server = Server(app, address=host, port=port, interface=Interfaces.ASGI,
                    websockets=False, backlog=1024, log_level=LogLevels.info)
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, server.stop)
    try:
        await server.serve()
    finally:
        for sig in (signal.SIGINT, signal.SIGTERM):
            loop.remove_signal_handler(sig)


def run(main: Coroutine[Any, Any, T]) -> T:
    """asyncio.run, on uvloop where it is installed (not on Windows)."""
    try:
        import uvloop
    except ImportError:
        return asyncio.run(main)
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(main)
