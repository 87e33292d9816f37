"""The ASGI app: an explicit route list over thin handlers reading rendered bytes."""

from __future__ import annotations

import datetime as dt

from fastapi import FastAPI
from starlette.convertors import Convertor, register_url_convertor
from starlette.requests import Request
from starlette.responses import JSONResponse, PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from publisher.errors import RenderError
from publisher.push import api as push_api
from publisher.push.routes import ROUTES as PUSH_ROUTES
from publisher.push.services import PushServices
from publisher.render.service import FeedService
from publisher.web.conditional import respond

FEED_FILES = {"rss.xml": "rss", "atom.xml": "atom", "feed.json": "json"}
FEED_CACHE = "public, max-age=300"
PAGE_CACHE = "public, max-age=60"


def _service(request: Request) -> FeedService:
    service: FeedService = request.app.state.feeds
    return service


def _not_found(reason: str) -> Response:
    return PlainTextResponse(f"404 not found: {reason}\n", status_code=404)


def _feed_headers(service: FeedService, slug: str, section: str | None, fmt: str) -> dict[
    str, str
]:
    links = service.links
    headers = {"Link": f'<{links.hub()}>; rel="hub", '
                       f'<{links.feed(slug, section, fmt)}>; rel="self"'}
    if fmt == "json":
        headers["Access-Control-Allow-Origin"] = "*"
    return headers


async def feed(request: Request) -> Response:
    slug = request.path_params["publication"]
    section = request.path_params.get("section")
    fmt = FEED_FILES[request.path_params["file"]]
    service = _service(request)
    try:
        rendered = service.feed(slug, section, fmt)
    except RenderError as e:
        return _not_found(str(e))
    return respond(request, rendered, cache_control=FEED_CACHE,
                   extra=_feed_headers(service, slug, section, fmt))


async def index(request: Request) -> Response:
    return respond(request, _service(request).index(), cache_control=PAGE_CACHE)


async def opml(request: Request) -> Response:
    return respond(request, _service(request).opml(), cache_control=PAGE_CACHE)


def _date(value: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        return None


async def edition(request: Request) -> Response:
    slug, date = request.path_params["publication"], _date(request.path_params["date"])
    try:
        rendered = _service(request).edition(slug, date) if date else None
    except RenderError as e:
        return _not_found(str(e))
    if rendered is None:
        return _not_found(f"no published edition {slug}/{request.path_params['date']}")
    return respond(request, rendered, cache_control=PAGE_CACHE)


async def article(request: Request) -> Response:
    p = request.path_params
    date = _date(p["date"])
    try:
        rendered = _service(request).article(p["publication"], date, p["key"]) if date else None
    except RenderError as e:
        return _not_found(str(e))
    if rendered is None:
        return _not_found(f"no article {p['publication']}/{p['date']}/{p['key']}")
    return respond(request, rendered, cache_control=PAGE_CACHE)


async def healthz(request: Request) -> Response:
    return JSONResponse({"status": "ok"})


class FeedFile(Convertor[str]):
    regex = "rss\\.xml|atom\\.xml|feed\\.json"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


class IsoDate(Convertor[str]):
    regex = "[0-9]{4}-[0-9]{2}-[0-9]{2}"

    def convert(self, value: str) -> str:
        return value

    def to_string(self, value: str) -> str:
        return value


register_url_convertor("feedfile", FeedFile())
register_url_convertor("isodate", IsoDate())

GET = ["GET", "HEAD"]
ROUTES: list[BaseRoute] = [
    Route("/", index, methods=GET),
    Route("/healthz", healthz, methods=GET),
    Route("/opml.xml", opml, methods=GET),
    Route("/{publication}/{file:feedfile}", feed, methods=GET, name="feed"),
    Route("/{publication}/{section}/{file:feedfile}", feed, methods=GET, name="section_feed"),
    Route("/{publication}/{date:isodate}/", edition, methods=GET, name="edition"),
    Route("/{publication}/{date:isodate}/{key}", article, methods=GET, name="article"),
    *PUSH_ROUTES,  # /websub
]


def create_app(service: FeedService, push: PushServices | None = None) -> FastAPI:
    app = FastAPI(title="Edition feed publisher", routes=list(ROUTES), docs_url="/docs",
                  redoc_url=None)
    app.include_router(push_api.router)  # /api/v1 (bearer token)
    app.state.feeds = service
    app.state.push = push
    return app
