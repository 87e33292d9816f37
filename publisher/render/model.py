"""The neutral feed model every format renders from: built once, pure."""

from __future__ import annotations

import datetime as dt
import hashlib
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from publisher.enrich.summary import summarize
from publisher.links import Links
from publisher.models import Article, Publication, Section, StoredArticle
from publisher.render.filters import FeedQuery
from publisher.render.text import article_html, article_text, clean, clean_article, plain
from publisher.sections import in_section

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
TTL_MINUTES = 30


class FeedItem(BaseModel):
    id: str
    url: str
    title: str
    summary: str | None = None
    content_html: str
    content_text: str
    authors: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    sections: list[Section] = Field(default_factory=list)
    published: dt.datetime
    updated: dt.datetime
    article: Article
    edition_date: dt.date


class FeedDoc(BaseModel):
    publication: Publication
    section: Section | None = None
    feed_id: str
    title: str
    description: str
    home_url: str
    self_urls: dict[str, str]
    hub_url: str
    stylesheet_url: str | None = None
    language: str
    updated: dt.datetime
    zone: str
    ttl: int = TTL_MINUTES
    items: list[FeedItem] = Field(default_factory=list)
    # RFC 5005: archived feeds; JSON Feed's next_url follows prev_archive
    archive: bool = False
    current_urls: dict[str, str] = Field(default_factory=dict)
    prev_archive: dict[str, str] = Field(default_factory=dict)
    next_archive: dict[str, str] = Field(default_factory=dict)


def order(stored: list[StoredArticle]) -> list[StoredArticle]:
    """Newest first; same time: newest edition, then the paper's own order. Stable."""
    return sorted(stored, key=lambda s: (-s.published_at.timestamp(),
                                         -s.edition_date.toordinal(), s.position, s.article.id))


def select(stored: list[StoredArticle], section: Section | None,
           query: FeedQuery | None = None) -> list[StoredArticle]:
    chosen = [s for s in stored if not s.withdrawn
              and (section is None or in_section(s.article, section))]
    if query is not None:
        chosen = [s for s in chosen if query.matches(s.article)]
    return order(chosen)


def _item(pub: Publication, s: StoredArticle, links: Links) -> FeedItem:
    a = clean_article(s.article)
    tags = [t for t in dict.fromkeys(a.tags) if t]
    return FeedItem(
        id=links.article_id(pub.slug, s.edition_date, a.id),
        url=links.article(pub.slug, s.edition_date, a.id),
        title=a.headline, summary=a.summary or (plain(summarize(a)) if a.paragraphs else None),
        content_html=article_html(a),
        content_text=article_text(a), authors=[x for x in dict.fromkeys(a.authors) if x], tags=tags,
        sections=[x for x in pub.sections if in_section(s.article, x)],
        published=s.published_at,
        updated=max(s.updated_at, s.published_at).replace(microsecond=0) + _jitter(a.id),
        article=a, edition_date=s.edition_date)


def _jitter(key: str) -> dt.timedelta:
    """A stable sub-second offset per article.

    A whole edition goes out at one instant, so its entries would share one
    atom:updated, which aggregators (and the W3C validator) take for duplicates.
    The offset is derived from the article's key: the same on every build.
    """
    digest = hashlib.blake2s(key.encode("utf-8"), digest_size=4).digest()
    return dt.timedelta(microseconds=1 + int.from_bytes(digest, "big") % 999_999)


def _distinct(items: list[FeedItem]) -> list[FeedItem]:
    """Resolve the rare equal `updated` deterministically (by id) with a microsecond."""
    seen: set[dt.datetime] = set()
    bumped: dict[str, dt.datetime] = {}
    for item in sorted(items, key=lambda i: i.id):
        when = item.updated
        while when in seen:
            when += dt.timedelta(microseconds=1)
        seen.add(when)
        bumped[item.id] = when
    return [i if bumped[i.id] == i.updated else i.model_copy(update={"updated": bumped[i.id]})
            for i in items]


def build_feed(publication: Publication, section: Section | None, stored: list[StoredArticle],
               links: Links, limit: int, *, query: FeedQuery | None = None,
               self_urls: dict[str, str] | None = None) -> FeedDoc:
    """Select, order and shape the items of one feed (*stored* is filtered here)."""
    pub = publication
    chosen = select(stored, section, query)
    if query is not None and query.limit is not None:
        limit = query.limit
    items = _distinct([_item(pub, s, links) for s in chosen[:limit]])
    sec = section.slug if section else None
    # Changes only when an item does: never the build time.
    updated = max((i.updated for i in items), default=EPOCH)
    name = clean(pub.name)
    return FeedDoc(
        publication=pub, section=section, feed_id=links.feed_id(pub.slug, sec),
        title=f"{name}·{section.name}" if section else name,
        description=(f"{name}·{section.name}" if section else clean(pub.description or name)),
        home_url=links.home(pub.slug, sec),
        self_urls=self_urls or {f: links.feed(pub.slug, sec, f) for f in ("rss", "atom", "json")},
        hub_url=links.hub(), stylesheet_url=links.stylesheet(), language=pub.language,
        updated=updated, zone=pub.timezone, items=items)


def local(when: dt.datetime, zone: str, fraction: bool = False) -> dt.datetime:
    """*when* in the publication's zone; whole seconds unless *fraction*."""
    out = when.astimezone(ZoneInfo(zone))
    return out if fraction else out.replace(microsecond=0)
