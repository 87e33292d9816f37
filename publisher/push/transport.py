"""The outbound HTTP client: httpx's API on aiohttp's connection pool, guarded.

httpx's own pool (httpcore) collapsed under concurrency in docs/benchmarks.md;
httpx-aiohttp's transport keeps the httpx API and pools like aiohttp. The
connector resolves through GuardedResolver, and IP literals are checked before
the request is handed on, so no connection is ever opened to a refused address.
Redirects are never followed; proxies from the environment are ignored.
"""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import aiohttp
import httpx
from httpx_aiohttp import AiohttpTransport

from publisher.errors import PushError
from publisher.push.guard import Guard, GuardedResolver

CONNECT_TIMEOUT = 5.0
TOTAL_TIMEOUT = 15.0
BODY_CAP = 4096


class GuardedTransport(httpx.AsyncBaseTransport):
    def __init__(self, guard: Guard, inner: httpx.AsyncBaseTransport) -> None:
        self.guard, self.inner = guard, inner

    async def handle_async_request(self, request: httpx.Request) -> httpx.Response:
        self.guard.check_url(str(request.url))
        return await self.inner.handle_async_request(request)

    async def aclose(self) -> None:
        await self.inner.aclose()


def aiohttp_transport(guard: Guard, max_connections: int = 100) -> AiohttpTransport:
    def session() -> aiohttp.ClientSession:
        connector = aiohttp.TCPConnector(resolver=GuardedResolver(guard),
                                         limit=max_connections, ttl_dns_cache=60)
        return aiohttp.ClientSession(connector=connector, trust_env=False,
                                     auto_decompress=False)

    return AiohttpTransport(client=session)


def make_client(guard: Guard, *, max_connections: int = 100,
                inner: httpx.AsyncBaseTransport | None = None) -> httpx.AsyncClient:
    """The client every push uses; `inner` replaces the aiohttp transport (tests)."""
    transport = GuardedTransport(guard, inner or aiohttp_transport(guard, max_connections))
    return httpx.AsyncClient(
        transport=transport, follow_redirects=False, trust_env=False,
        timeout=httpx.Timeout(TOTAL_TIMEOUT, connect=CONNECT_TIMEOUT),
        headers={"user-agent": "edition-publisher/0.1 (push)"})


@dataclass(frozen=True)
class Reply:
    """What came back: status, headers, the first BODY_CAP bytes, the time taken."""

    status: int
    headers: httpx.Headers
    body: bytes
    duration_ms: int


async def send(client: httpx.AsyncClient, method: str, url: str, *,
               headers: dict[str, str] | None = None, content: bytes | None = None,
               params: dict[str, str] | None = None) -> Reply:
    """One request under the total timeout; the body read up to the cap, never more.

    Any failure to get a response (guard, DNS, connect, timeout) is a PushError
    keyed by the URL; a non-2xx status is a Reply, judged by the caller."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    try:
        async with asyncio.timeout(TOTAL_TIMEOUT):
            target = httpx.URL(url)
            if params:  # appended to the URL's own query, which httpx would replace
                target = target.copy_merge_params(params)
            req = client.build_request(method, target, headers=headers, content=content)
            resp = await client.send(req, stream=True, follow_redirects=False)
            try:
                body = bytearray()
                async for chunk in resp.aiter_raw():
                    body += chunk
                    if len(body) >= BODY_CAP:
                        break
            finally:
                await resp.aclose()
    except TimeoutError as e:
        raise PushError(f"no answer within {TOTAL_TIMEOUT:.0f} s", key=url) from e
    except httpx.HTTPError as e:
        raise PushError(f"{type(e).__name__}: {e}", key=url) from e
    except (aiohttp.ClientError, OSError) as e:
        raise PushError(f"{type(e).__name__}: {e}", key=url) from e
    ms = int((loop.time() - start) * 1000)
    return Reply(resp.status_code, resp.headers, bytes(body[:BODY_CAP]), ms)
