"""The send path's limits against a real slow receiver: the total timeout covers the
whole exchange (headers and body), and a reply body is read up to the cap only."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

import pytest
from aiohttp import web

from publisher.errors import PushError
from publisher.push.guard import Guard
from publisher.push.transport import BODY_CAP, make_client, send

from .helpers import free_port

LOOPBACK = ["127.0.0.1/32"]


async def stall_before_headers(_request: web.Request) -> web.StreamResponse:
    await asyncio.sleep(5)
    return web.Response(status=204)


async def stall_in_body(request: web.Request) -> web.StreamResponse:
    resp = web.StreamResponse(status=200, headers={"content-length": "100"})
    await resp.prepare(request)
    await resp.write(b"x" * 10)
    await asyncio.sleep(5)
    return resp


async def big_body(_request: web.Request) -> web.StreamResponse:
    return web.Response(status=503, body=b"y" * 1_000_000, headers={"Retry-After": "120"})


@pytest.fixture
async def slow() -> AsyncIterator[str]:
    app = web.Application()
    app.router.add_post("/headers", stall_before_headers)
    app.router.add_post("/body", stall_in_body)
    app.router.add_post("/big", big_body)
    runner = web.AppRunner(app, access_log=None, shutdown_timeout=0.1)
    await runner.setup()
    port = free_port()
    await web.TCPSite(runner, "127.0.0.1", port).start()
    yield f"http://127.0.0.1:{port}"
    await runner.cleanup()


@pytest.mark.parametrize("path", ["/headers", "/body"])
async def test_the_total_timeout_covers_the_whole_exchange(slow: str, path: str) -> None:
    async with make_client(Guard(LOOPBACK), total_timeout=0.3) as client:
        start = time.monotonic()
        with pytest.raises(PushError, match=r"no answer within 0\.3 s") as caught:
            await send(client, "POST", slow + path, content=b"{}")
        assert time.monotonic() - start < 2
    assert caught.value.key == slow + path


async def test_a_reply_body_is_read_up_to_the_cap(slow: str) -> None:
    async with make_client(Guard(LOOPBACK)) as client:
        reply = await send(client, "POST", slow + "/big", content=b"{}")
    assert reply.status == 503 and reply.body == b"y" * BODY_CAP
    assert reply.headers["retry-after"] == "120"  # the headers, made when asked
