"""The ASGI app: an explicit route list over thin handlers reading rendered bytes.

The feed and page handlers are plain functions: Starlette runs them in its thread
pool, so a cache miss (a database read, a render, a compression) never holds up
the event loop that `publisher run` shares with the worker.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from contextlib import AbstractAsyncContextManager

from fastapi import FastAPI
from starlette.concurrency import run_in_threadpool
from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route
from starlette.types import Receive, Scope, Send

from publisher.errors import PublisherError, RenderError
from publisher.push import api as push_api
from publisher.push.routes import ROUTES as PUSH_ROUTES
from publisher.push.services import PushServices
from publisher.render.filters import QueryError, parse_query
from publisher.render.rendered import Rendered
from publisher.render.service import FeedService
from publisher.web.conditional import respond
from publisher.web.metrics import build_registry, metrics
from publisher.web.ready import ReadyFeeds, send_ready

Lifespan = Callable[[FastAPI], AbstractAsyncContextManager[None]]

FEED_FILES = {"rss.xml": "rss", "atom.xml": "atom", "feed.json": "json"}
FEED_CACHE = "public, max-age=300"
ARCHIVE_CACHE = "public, max-age=3600"
PAGE_CACHE = "public, max-age=60"
XML = "application/xml; charset=utf-8"
CORS = {"Access-Control-Allow-Origin": "*",
        "Access-Control-Expose-Headers": "ETag, Last-Modified, Link"}
PREFLIGHT = {**CORS, "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
             "Access-Control-Allow-Headers": "If-None-Match, If-Modified-Since",
             "Access-Control-Max-Age": "86400"}


def _service(request: Request) -> FeedService:
    service: FeedService = request.app.state.feeds
    return service


def _not_found(reason: str) -> Response:
    return PlainTextResponse(f"404 not found: {reason}\n", status_code=404)


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


def _send_feed(request: Request, rendered: Rendered, fmt: str, self_url: str,
               cache_control: str) -> Response:
    """RSS and Atom go to a browser's address bar as XML, so it applies our XSL (a
    browser shows application/rss+xml as text); readers get the feed's own type."""
    if fmt == "json":
        return respond(request, rendered, cache_control=cache_control,
                       extra=_feed_headers(request, self_url))
    browser = "text/html" in request.headers.get("accept", "")
    return respond(request, rendered, cache_control=cache_control,
                   extra=_feed_headers(request, self_url), vary=("Accept",),
                   media_type=XML if browser else None)


def _feed_headers(request: Request, self_url: str) -> dict[str, str]:
    """Link: rel=hub and rel=self (WebSub) and CORS, on every feed."""
    hub = _service(request).links.hub()
    return {"Link": f'<{hub}>; rel="hub", <{self_url}>; rel="self"', **CORS}


def feed(request: Request) -> Response:
    p = request.path_params
    slug, section, fmt = p["publication"], p.get("section"), FEED_FILES[p["file"]]
    if request.method == "OPTIONS":
        return Response(status_code=204, headers=PREFLIGHT)
    try:
        query = parse_query(request.query_params.multi_items())
    except QueryError as e:
        return PlainTextResponse(f"400 bad request: {e}\n", status_code=400, headers=CORS)
    service = _service(request)
    try:
        rendered, token = service.current_feed(slug, section, fmt, query)
    except RenderError as e:
        return _not_found(str(e))
    self_url = service.links.feed(slug, section, fmt)
    if not query.empty:
        self_url += "?" + query.query_string()
    response = _send_feed(request, rendered, fmt, self_url, FEED_CACHE)
    ready: ReadyFeeds = request.app.state.ready_feeds
    ready.record(request, slug, token, rendered.last_modified, response)
    return response


def archive(request: Request) -> Response:
    p = request.path_params
    slug, section, fmt = p["publication"], p.get("section"), FEED_FILES[p["file"]]
    if request.method == "OPTIONS":
        return Response(status_code=204, headers=PREFLIGHT)
    date = _date(p["date"])
    service = _service(request)
    try:
        rendered = service.archive(slug, section, date, fmt) if date else None
    except RenderError as e:
        return _not_found(str(e))
    if rendered is None:
        return _not_found(f"no published edition {slug}/{p['date']}")
    self_url = service.links.archive(slug, section, date, fmt) if date else ""
    return _send_feed(request, rendered, fmt, self_url, ARCHIVE_CACHE)


def _page(request: Request, rendered: Rendered | None, reason: str) -> Response:
    if rendered is None:
        return _not_found(reason)
    return respond(request, rendered, cache_control=PAGE_CACHE)


def index(request: Request) -> Response:
    return _page(request, _service(request).index(), "")


def opml(request: Request) -> Response:
    return _page(request, _service(request).opml(), "")


def stylesheet(request: Request) -> Response:
    return _page(request, _service(request).stylesheet(), "")


def edition(request: Request) -> Response:
    slug, date = request.path_params["publication"], _date(request.path_params["date"])
    try:
        rendered = _service(request).edition(slug, date) if date else None
    except RenderError as e:
        return _not_found(str(e))
    return _page(request, rendered, f"no published edition {slug}/{request.path_params['date']}")


def article(request: Request) -> Response:
    p = request.path_params
    date = _date(p["date"])
    try:
        rendered = _service(request).article(p["publication"], date, p["key"]) if date else None
    except RenderError as e:
        return _not_found(str(e))
    return _page(request, rendered, f"no article {p['publication']}/{p['date']}/{p['key']}")


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


async def readyz(request: Request) -> Response:
    """Ready: the database answers and, in `publisher run`, the worker has started."""
    try:
        await run_in_threadpool(_service(request).store.last_change)
    except PublisherError as e:
        return JSONResponse({"status": "unavailable", "reason": str(e)}, status_code=503)
    ready: Callable[[], bool] | None = getattr(request.app.state, "ready", None)
    if ready is not None and not ready():
        return JSONResponse({"status": "starting"}, status_code=503)
    return JSONResponse({"status": "ready"})


def matching(pattern: str) -> Convertor[str]:
    """A path convertor for a segment matching *pattern*, passed through as text."""

    class Matching(Convertor[str]):
        regex = pattern

        def convert(self, value: str) -> str:
            return value

        def to_string(self, value: str) -> str:
            return value

    return Matching()


register_url_convertor("feedfile", matching("rss\\.xml|atom\\.xml|feed\\.json"))
register_url_convertor("isodate", matching("[0-9]{4}-[0-9]{2}-[0-9]{2}"))

GET = ["GET", "HEAD"]
FEED = ["GET", "HEAD", "OPTIONS"]
ROUTES: list[BaseRoute] = [
    Route("/", index, methods=GET),
    Route("/healthz", healthz, methods=GET),
    Route("/readyz", readyz, methods=GET),
    Route("/metrics", metrics, methods=GET),
    Route("/opml.xml", opml, methods=GET),
    *PUSH_ROUTES,  # /websub
    Route("/feed.xsl", stylesheet, methods=GET),
    Route("/{publication}/{file:feedfile}", feed, methods=FEED, name="feed"),
    Route("/{publication}/{section}/{file:feedfile}", feed, methods=FEED, name="section_feed"),
    Route("/{publication}/archive/{date:isodate}/{file:feedfile}", archive, methods=FEED,
          name="archive"),
    Route("/{publication}/{section}/archive/{date:isodate}/{file:feedfile}", archive,
          methods=FEED, name="section_archive"),
    Route("/{publication}/{date:isodate}/", edition, methods=GET, name="edition"),
    Route("/{publication}/{date:isodate}/{key}", article, methods=GET, name="article"),
]


class App(FastAPI):
    """FastAPI, with a ready feed sent before its middleware stack and router are entered.

    Skipping the stack is the point (it is most of a request's cost), so a middleware
    added to this app never sees ready feeds: change what the feed handler answers.
    """

    ready_feeds: ReadyFeeds

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        found = self.ready_feeds.find(scope) if scope["type"] == "http" else None
        if found is None:
            await super().__call__(scope, receive, send)
        else:
            await send_ready(send, found)


def create_app(service: FeedService, push: PushServices | None = None, *,
               lifespan: Lifespan | None = None,
               ready: Callable[[], bool] | None = None) -> FastAPI:
    app = App(title="Edition feed publisher", routes=list(ROUTES), docs_url="/docs",
                  redoc_url=None, lifespan=lifespan)
    app.include_router(push_api.router)  # /api/v1 (bearer token)
    app.state.feeds = service
    app.state.push = push
    app.state.metrics = build_registry(service.store)
    app.state.ready = ready
    app.ready_feeds = app.state.ready_feeds = ReadyFeeds(service)
    return app
