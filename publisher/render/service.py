"""Rendered bytes, cached per document and invalidated when the publication changes."""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable

from publisher.errors import RenderError
from publisher.links import Links
from publisher.models import Publication, Section, StoredArticle
from publisher.render import FORMATS, build_feed
from publisher.render.filters import FeedQuery
from publisher.render.history import first_archive, newer, older, urls
from publisher.render.model import EPOCH, FeedDoc, select
from publisher.render.pages import PageRenderer
from publisher.render.rendered import HTML, Rendered, make_rendered
from publisher.store import Store

CacheKey = tuple[str, ...]
MAX_FILTERED = 512
# How long a web process trusts the last change it read when nothing was written in
# this process (writes here are seen at once): another process's ingest shows within
# this time, and a busy feed costs a query per publication this often, not per request.
CHANGE_TTL = 0.5

__all__ = ["FeedService", "Rendered", "make_rendered"]


class FeedService:
    """Builds feeds from the store; the web app and `publisher render` share it."""

    def __init__(self, store: Store, publications: dict[str, Publication], links: Links,
                 limit: int = 50) -> None:
        self.store = store
        self.publications = publications
        self.links = links
        self.limit = limit
        self.pages = PageRenderer(links)
        self._cache: dict[CacheKey, tuple[object, Rendered]] = {}
        self._recent_cache: dict[str, tuple[object, list[StoredArticle]]] = {}
        self._changes: dict[str, tuple[dt.datetime | None, int, float]] = {}
        self._refreshing: set[str] = set()
        self._lock = threading.Lock()

    def publication(self, slug: str) -> Publication:
        pub = self.publications.get(slug)
        if pub is None:
            raise RenderError("no such publication", key=slug)
        return pub

    def _section(self, pub: Publication, section: str | None) -> Section | None:
        if section is None:
            return None
        sec = pub.section(section)
        if sec is None:
            raise RenderError("no such section", key=f"{pub.slug}/{section}")
        return sec

    def fresh_change(self, slug: str) -> tuple[bool, dt.datetime | None]:
        """The publication's last change if it was read recently enough, or is being read
        again right now (the old one meanwhile); (False, None) when it must be read,
        which only change() does (a query, off the loop)."""
        hit = self._changes.get(slug)
        if hit is None or hit[1] != self.store.writes:
            return False, None
        if time.monotonic() - hit[2] <= CHANGE_TTL or slug in self._refreshing:
            return True, hit[0]
        return False, None

    def change(self, slug: str) -> dt.datetime | None:
        """The publication's last change: the token every cached document of it is keyed by."""
        hit = self._changes.get(slug)
        if (hit is not None and hit[1] == self.store.writes
                and time.monotonic() - hit[2] <= CHANGE_TTL):
            return hit[0]
        writes, at = self.store.writes, time.monotonic()  # taken before the query
        # one reader at a time re-reads it; the others go on with the old one
        self._refreshing.add(slug)
        try:
            token = self.store.last_change(slug)
        finally:
            self._refreshing.discard(slug)
        self._changes[slug] = (token, writes, at)
        return token

    def _cached(self, key: CacheKey, token: object, build: Callable[[], Rendered]) -> Rendered:
        with self._lock:
            hit = self._cache.get(key)
        if hit is not None and hit[0] == token:
            return hit[1]
        rendered = build()
        with self._lock:
            if len(self._cache) > MAX_FILTERED * 4:
                self._cache = {k: v for k, v in self._cache.items() if k[0] != "q"}
            self._cache[key] = (token, rendered)
        return rendered

    def _dates(self, slug: str) -> list[dt.date]:
        return self.store.edition_dates(slug)

    def _recent(self, slug: str, token: dt.datetime | None) -> list[StoredArticle]:
        """The publication's recent articles, loaded once per change for every feed of it."""
        with self._lock:
            hit = self._recent_cache.get(slug)
        if hit is not None and hit[0] == token:
            return hit[1]
        stored = self.store.recent_articles(slug, limit=max(self.limit * 20, 500))
        with self._lock:
            self._recent_cache[slug] = (token, stored)
        return stored

    def _bytes(self, doc: FeedDoc, fmt: str, token: dt.datetime | None) -> Rendered:
        if fmt not in FORMATS:
            raise RenderError("no such format", key=fmt)
        last = doc.updated if doc.items else (token or EPOCH)
        return make_rendered(FORMATS[fmt].render(doc), last, FORMATS[fmt].media_type)

    def feed(self, slug: str, section: str | None, fmt: str,
             query: FeedQuery | None = None) -> Rendered:
        """The subscription feed; with a non-empty *query*, the filtered feed."""
        return self.current_feed(slug, section, fmt, query)[0]

    def current_feed(self, slug: str, section: str | None, fmt: str,
                     query: FeedQuery | None = None) -> tuple[Rendered, dt.datetime | None]:
        """The feed and the change token it was built for."""
        pub = self.publication(slug)
        sec = self._section(pub, section)
        if fmt not in FORMATS:
            raise RenderError("no such format", key=fmt)
        query = None if query is None or query.empty else query
        token = self.change(slug)
        kind = "q" if query else "f"
        key = (kind, slug, section or "", fmt, query.query_string() if query else "")
        return self._cached(key, token, lambda: self._feed(pub, sec, fmt, query, token)), token

    def _feed(self, pub: Publication, sec: Section | None, fmt: str,
              query: FeedQuery | None, token: dt.datetime | None) -> Rendered:
        stored = self._recent(pub.slug, token)
        slug, section = pub.slug, (sec.slug if sec else None)
        if query is None:
            doc = build_feed(pub, sec, stored, self.links, self.limit)
            prev = first_archive(select(stored, sec), self.limit, self._dates(slug))
            doc = doc.model_copy(update={"prev_archive": urls(self.links, slug, section, prev)})
        else:
            qs = "?" + query.query_string()
            own = {f: self.links.feed(slug, section, f) + qs for f in FORMATS}
            doc = build_feed(pub, sec, stored, self.links, self.limit, query=query,
                             self_urls=own)
        return self._bytes(doc, fmt, token)

    def archive(self, slug: str, section: str | None, date: dt.date, fmt: str) -> Rendered | None:
        """The RFC 5005 archive document of one published edition (None: no such edition)."""
        pub = self.publication(slug)
        sec = self._section(pub, section)
        if fmt not in FORMATS:
            raise RenderError("no such format", key=fmt)
        token = self.change(slug)
        key = ("a", slug, section or "", fmt, date.isoformat())
        dates = self._dates(slug)
        if date not in dates:
            return None

        def build() -> Rendered:
            stored = self.store.edition_articles(slug, date)
            doc = build_feed(pub, sec, stored, self.links, len(stored) or 1,
                             self_urls=urls(self.links, slug, section, date))
            doc = doc.model_copy(update={
                "archive": True,
                "current_urls": {f: self.links.feed(slug, section, f) for f in FORMATS},
                "prev_archive": urls(self.links, slug, section, older(dates, date)),
                "next_archive": urls(self.links, slug, section, newer(dates, date))})
            return self._bytes(doc, fmt, token)

        return self._cached(key, token, build)

    def index(self) -> Rendered:
        pubs = list(self.publications.values())
        eds = {p.slug: self.store.editions(p.slug, published_only=True, limit=14) for p in pubs}
        return make_rendered(self.pages.index(pubs, eds), self.store.last_change(), HTML)

    def opml(self) -> Rendered:
        return make_rendered(self.pages.opml(list(self.publications.values())), None,
                             "text/x-opml; charset=utf-8")

    def stylesheet(self) -> Rendered:
        return make_rendered(self.pages.stylesheet(), None, "text/xsl; charset=utf-8")

    def edition(self, slug: str, date: dt.date) -> Rendered | None:
        pub = self.publication(slug)
        rec = self.store.edition(slug, date)
        if rec is None or rec.published_at is None:
            return None
        arts = [a for a in self.store.edition_articles(slug, date) if not a.withdrawn]
        return make_rendered(self.pages.edition(pub, date, arts), rec.updated_at, HTML)

    def article(self, slug: str, date: dt.date, key: str) -> Rendered | None:
        pub = self.publication(slug)
        stored = self.store.article(slug, date, key)
        if stored is None or stored.withdrawn:
            return None
        rec = self.store.edition(slug, date)
        if rec is None or rec.published_at is None:
            return None
        return make_rendered(self.pages.article(pub, stored), stored.updated_at, HTML)
