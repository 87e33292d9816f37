"""Push transport benchmark: httpx (default transport) vs httpx on httpx-aiohttp vs
bare aiohttp vs the publisher's guarded client, side by side in one run, POSTing a
webhook-sized JSON body to a loopback receiver (aiohttp.web in its own process).

    PYTHONPATH=. python bench/bench_push.py [--count 5000] [--seconds 15]

Each client gets `count` POSTs (or `seconds`, whichever ends first) at each
concurrency level; the figure is completed POSTs per second.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import sys
import time
from collections.abc import Awaitable, Callable

import aiohttp
import httpx
from aiohttp import web
from httpx_aiohttp import AiohttpTransport

from publisher.push.guard import Guard
from publisher.push.transport import make_client

from benchkit import free_port, machine, wait_for

BODY = json.dumps({"type": "article.published", "timestamp": "2026-04-02T00:30:00Z",
                   "data": {"article": {"headline": "桂林日报" * 10,
                                        "paragraphs": ["本报讯" * 100] * 5}}},
                  ensure_ascii=False).encode()
HEADERS = {"content-type": "application/json", "webhook-id": "msg_bench"}


def serve(port: int) -> None:
    async def hook(request: web.Request) -> web.Response:
        await request.read()
        return web.Response(status=204)

    app = web.Application()
    app.router.add_post("/hook", hook)
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None)


async def drive(post: Callable[[], Awaitable[int]], count: int, concurrency: int,
                seconds: float) -> float:
    done = 0
    deadline = time.monotonic() + seconds

    async def lane() -> None:
        nonlocal done
        while done < count and time.monotonic() < deadline:
            done += 1
            status = await post()
            assert status == 204, status

    start = time.monotonic()
    await asyncio.gather(*(lane() for _ in range(concurrency)))
    return done / (time.monotonic() - start)


async def run_one(kind: str, url: str, count: int, concurrency: int, seconds: float) -> float:
    limits = httpx.Limits(max_connections=concurrency, max_keepalive_connections=concurrency)
    if kind == "aiohttp":
        conn = aiohttp.TCPConnector(limit=concurrency)
        async with aiohttp.ClientSession(connector=conn) as session:
            async def post_a() -> int:
                async with session.post(url, data=BODY, headers=HEADERS) as r:
                    await r.read()
                    return r.status
            return await drive(post_a, count, concurrency, seconds)
    if kind == "httpx":
        client = httpx.AsyncClient(limits=limits)
    elif kind == "httpx+aiohttp":
        client = httpx.AsyncClient(transport=AiohttpTransport(limits=limits))
    else:  # the publisher's own: guarded resolver and literal check, httpx-aiohttp
        client = make_client(Guard(["127.0.0.1/32"]), max_connections=concurrency)
    async with client:
        async def post_h() -> int:
            r = await client.post(url, content=BODY, headers=HEADERS)
            return r.status_code
        return await drive(post_h, count, concurrency, seconds)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--count", type=int, default=5000)
    ap.add_argument("--seconds", type=float, default=15.0)
    ap.add_argument("--concurrency", type=int, nargs="+", default=[8, 64])
    args = ap.parse_args()
    port = free_port()
    server = multiprocessing.Process(target=serve, args=(port,), daemon=True)
    server.start()
    url = f"http://127.0.0.1:{port}/hook"
    wait_for(port)
    about = machine(f"httpx {httpx.__version__}", f"aiohttp {aiohttp.__version__}")
    print(f"machine: {about}; body {len(BODY)} bytes; receiver: aiohttp.web, 1 process")
    print("| client | " + " | ".join(f"{c} conns POST/s" for c in args.concurrency) + " |")
    print("|---|" + "---|" * len(args.concurrency))
    try:
        for kind in ("httpx", "httpx+aiohttp", "aiohttp", "publisher (guarded httpx+aiohttp)"):
            rates = [asyncio.run(run_one(kind, url, args.count, c, args.seconds))
                     for c in args.concurrency]
            print(f"| {kind} | " + " | ".join(f"{r:,.0f}" for r in rates) + " |", flush=True)
    finally:
        server.terminate()
        server.join()
    sys.exit(0)


if __name__ == "__main__":
    main()
