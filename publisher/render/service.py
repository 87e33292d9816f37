"""Rendered bytes, cached per feed and invalidated when the publication changes."""

from __future__ import annotations

import datetime as dt
import hashlib
import threading
from typing import NamedTuple

from publisher.errors import RenderError
from publisher.links import Links
from publisher.models import Publication
from publisher.render import FORMATS, build_feed
from publisher.render.pages import PageRenderer
from publisher.store import Store

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)


class Rendered(NamedTuple):
    body: bytes
    etag: str
    last_modified: dt.datetime
    media_type: str


def make_rendered(body: bytes, last_modified: dt.datetime | None, media_type: str) -> Rendered:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return Rendered(body, etag, last_modified or EPOCH, media_type)


class FeedService:
    """Builds feeds from the store; the web app and `publisher render` share it."""

    def __init__(self, store: Store, publications: dict[str, Publication], links: Links,
                 limit: int = 50) -> None:
        self.store = store
        self.publications = publications
        self.links = links
        self.limit = limit
        self.pages = PageRenderer(links)
        self._cache: dict[tuple[str, str | None, str], tuple[object, Rendered]] = {}
        self._lock = threading.Lock()

    def publication(self, slug: str) -> Publication:
        pub = self.publications.get(slug)
        if pub is None:
            raise RenderError("no such publication", key=slug)
        return pub

    def feed(self, slug: str, section: str | None, fmt: str) -> Rendered:
        pub = self.publication(slug)
        sec = None
        if section is not None:
            sec = pub.section(section)
            if sec is None:
                raise RenderError("no such section", key=f"{slug}/{section}")
        if fmt not in FORMATS:
            raise RenderError("no such format", key=fmt)
        key = (slug, section, fmt)
        token = self.store.last_change(slug)
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None and hit[0] == token:
            return hit[1]
        stored = self.store.recent_articles(slug, limit=max(self.limit * 20, 500))
        doc = build_feed(pub, sec, stored, self.links, self.limit)
        rendered = make_rendered(FORMATS[fmt].render(doc), doc.updated if doc.items else token,
                                 FORMATS[fmt].media_type)
        with self._lock:
            self._cache[key] = (token, rendered)
        return rendered

    def index(self) -> Rendered:
        pubs = list(self.publications.values())
        eds = {p.slug: self.store.editions(p.slug, published_only=True, limit=14) for p in pubs}
        return make_rendered(self.pages.index(pubs, eds), self.store.last_change(),
                             "text/html; charset=utf-8")

    def opml(self) -> Rendered:
        return make_rendered(self.pages.opml(list(self.publications.values())), None,
                             "text/x-opml; charset=utf-8")

    def edition(self, slug: str, date: dt.date) -> Rendered | None:
        pub = self.publication(slug)
        rec = self.store.edition(slug, date)
        if rec is None or rec.published_at is None:
            return None
        arts = [a for a in self.store.edition_articles(slug, date) if not a.withdrawn]
        return make_rendered(self.pages.edition(pub, date, arts), rec.updated_at,
                             "text/html; charset=utf-8")

    def article(self, slug: str, date: dt.date, key: str) -> Rendered | None:
        pub = self.publication(slug)
        stored = self.store.article(slug, date, key)
        if stored is None or stored.withdrawn or stored.published_at is None:
            return None
        rec = self.store.edition(slug, date)
        if rec is None or rec.published_at is None:
            return None
        return make_rendered(self.pages.article(pub, stored), stored.updated_at,
                             "text/html; charset=utf-8")
