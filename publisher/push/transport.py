"""The outbound HTTP client: httpx's API on aiohttp's connection pool, guarded.

httpx's own pool (httpcore) collapsed under concurrency in docs/benchmarks.md;
httpx-aiohttp's transport keeps the httpx API and pools like aiohttp. The
connector resolves through GuardedResolver, and IP literals are checked before
the request is handed on, so no connection is ever opened to a refused address.
Redirects are never followed; proxies from the environment are ignored.

`send()` on a client from `make_client()` (no `inner`) goes to that aiohttp
session directly, with the same guard check, headers, timeouts and body cap:
httpx's request and response layers cost more than aiohttp itself, and a
one-event-to-1,000-endpoints fan-out spent half its time there (docs/benchmarks.md).
"""

from __future__ import annotations

import asyncio
import contextlib
import functools
from collections.abc import Iterator
from dataclasses import dataclass

import aiohttp
import httpx
import yarl
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


class PushClient(httpx.AsyncClient):
    """An httpx client that also knows its guard, its total timeout and, unless
    `inner` replaced it, the aiohttp transport under it, so `send()` can skip
    httpx's layers."""

    def __init__(self, guard: Guard, aiohttp_inner: AiohttpTransport | None,
                 transport: httpx.AsyncBaseTransport, *, total_timeout: float = TOTAL_TIMEOUT,
                 connect_timeout: float = CONNECT_TIMEOUT) -> None:
        super().__init__(
            transport=transport, follow_redirects=False, trust_env=False,
            timeout=httpx.Timeout(total_timeout, connect=connect_timeout),
            headers={"user-agent": "edition-publisher/0.1 (push)"})
        self.guard, self.aiohttp_inner = guard, aiohttp_inner
        self.total_timeout = total_timeout
        # aiohttp's total covers connecting, sending, the reply's headers and reading
        # its body until the connection is released: the whole of a send
        self.aiohttp_timeout = aiohttp.ClientTimeout(total=total_timeout,
                                                     sock_connect=connect_timeout)
        # what httpx would send by default (accept, accept-encoding, connection,
        # user-agent), lower-cased so a request's own headers replace them
        self.base_headers = {k.lower(): v for k, v in self.headers.items()}

    def session(self) -> aiohttp.ClientSession | None:
        """The aiohttp session under the httpx transport (one pool for both paths)."""
        inner = self.aiohttp_inner
        if inner is None:
            return None
        if not isinstance(inner.client, aiohttp.ClientSession):  # as the transport does
            inner.client = inner.get_client()
        session: aiohttp.ClientSession = inner.client
        return session


def make_client(guard: Guard, *, max_connections: int = 100,
                inner: httpx.AsyncBaseTransport | None = None,
                total_timeout: float = TOTAL_TIMEOUT,
                connect_timeout: float = CONNECT_TIMEOUT) -> httpx.AsyncClient:
    """The client every push uses; `inner` replaces the aiohttp transport (tests)."""
    timeouts = {"total_timeout": total_timeout, "connect_timeout": connect_timeout}
    if inner is not None:
        return PushClient(guard, None, GuardedTransport(guard, inner), **timeouts)
    direct = aiohttp_transport(guard, max_connections)
    return PushClient(guard, direct, GuardedTransport(guard, direct), **timeouts)


@contextlib.contextmanager
def _failures_as_push_errors(url: str, total: float) -> Iterator[None]:
    """Both send paths: no response (timeout, a malformed URL, DNS, connect) is a
    PushError keyed by the URL. The guard's own refusals are PushErrors already."""
    try:
        yield
    except TimeoutError as e:
        raise PushError(f"no answer within {total:g} s", key=url) from e
    except (httpx.HTTPError, aiohttp.ClientError, OSError) as e:
        raise PushError(f"{type(e).__name__}: {e}", key=url) from e


@dataclass(frozen=True)
class Reply:
    """What came back: status, headers, the first BODY_CAP bytes, the time taken."""

    status: int
    raw_headers: httpx.Headers | list[tuple[bytes, bytes]]
    body: bytes
    duration_ms: int

    @functools.cached_property
    def headers(self) -> httpx.Headers:
        """Made when asked: a 2xx reply's headers are mostly never read."""
        raw = self.raw_headers
        return raw if isinstance(raw, httpx.Headers) else httpx.Headers(raw)


async def send(client: httpx.AsyncClient, method: str, url: str, *,
               headers: dict[str, str] | None = None, content: bytes | None = None,
               params: dict[str, str] | None = None) -> Reply:
    """One request under the total timeout; the body read up to the cap, never more.

    Any failure to get a response (guard, DNS, connect, timeout) is a PushError
    keyed by the URL; a non-2xx status is a Reply, judged by the caller."""
    if isinstance(client, PushClient) and (session := client.session()) is not None:
        return await _send_aiohttp(client, session, method, url, headers, content, params)
    loop = asyncio.get_running_loop()
    start = loop.time()
    total = client.total_timeout if isinstance(client, PushClient) else TOTAL_TIMEOUT
    with _failures_as_push_errors(url, total):
        async with asyncio.timeout(total):
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
    ms = int((loop.time() - start) * 1000)
    return Reply(resp.status_code, resp.headers, bytes(body[:BODY_CAP]), ms)


@functools.lru_cache(maxsize=4096)
def _parsed(url: str) -> yarl.URL:
    """aiohttp would parse the URL on every request; webhooks go to the same few."""
    return yarl.URL(url)


async def _send_aiohttp(client: PushClient, session: aiohttp.ClientSession, method: str,
                        url: str, headers: dict[str, str] | None, content: bytes | None,
                        params: dict[str, str] | None) -> Reply:
    """send() straight on the aiohttp session: what the httpx path does, without it."""
    loop = asyncio.get_running_loop()
    start = loop.time()
    with _failures_as_push_errors(url, client.total_timeout):
        client.guard.check_url(url)  # literals refused before any connection
        target = (yarl.URL(str(httpx.URL(url).copy_merge_params(params))) if params
                  else _parsed(url))
        sent = {**client.base_headers, **{k.lower(): v for k, v in (headers or {}).items()}}
        async with session.request(method, target, headers=sent, data=content or None,
                                   allow_redirects=False, auto_decompress=False,
                                   compress=False, timeout=client.aiohttp_timeout) as resp:
            body = bytearray()
            while len(body) < BODY_CAP:
                chunk = await resp.content.read(BODY_CAP - len(body))
                if not chunk:
                    break
                body += chunk
            status, raw = resp.status, resp.raw_headers
    ms = int((loop.time() - start) * 1000)
    return Reply(status, list(raw), bytes(body), ms)
