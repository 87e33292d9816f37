"""The neutral feed model every format renders from: built once, pure."""

from __future__ import annotations

import datetime as dt
import html
from zoneinfo import ZoneInfo

from pydantic import BaseModel, Field

from publisher.links import Links
from publisher.models import Article, Publication, Section, StoredArticle
from publisher.sections import in_section


class FeedItem(BaseModel):
    id: str
    url: str
    title: str
    summary: str | None = None
    content_html: str
    content_text: str
    authors: list[str] = Field(default_factory=list)
    tags: list[str] = Field(default_factory=list)
    section_names: list[str] = Field(default_factory=list)
    published: dt.datetime
    updated: dt.datetime
    article: Article
    edition_date: dt.date


class FeedDoc(BaseModel):
    publication: Publication
    section: Section | None = None
    title: str
    description: str
    home_url: str
    self_urls: dict[str, str]
    hub_url: str
    language: str
    updated: dt.datetime
    zone: str
    items: list[FeedItem] = Field(default_factory=list)


def article_html(a: Article) -> str:
    """The full article as HTML: kicker, subheadline and intertitles shown."""
    esc = html.escape
    parts: list[str] = []
    if a.kicker:
        parts.append(f'<p class="kicker">{esc(a.kicker)}</p>')
    if a.subheadline:
        parts.append(f'<p class="subheadline">——{esc(a.subheadline)}</p>')
    if a.authors:
        parts.append(f'<p class="byline">{esc("　".join(a.authors))}</p>')
    inter = set(a.intertitles)
    for i, p in enumerate(a.paragraphs):
        parts.append(f"<h3>{esc(p)}</h3>" if i in inter else f"<p>{esc(p)}</p>")
    return "\n".join(parts)


def article_text(a: Article) -> str:
    head = [x for x in (a.kicker, a.headline, a.subheadline) if x]
    return "\n\n".join([*head, *a.paragraphs])


def build_feed(publication: Publication, section: Section | None, stored: list[StoredArticle],
               links: Links, limit: int) -> FeedDoc:
    """Select, order and shape the items of one feed."""
    pub = publication
    chosen = [s for s in stored if section is None or in_section(s.article, section)]
    # newest first; same time: the paper's own order (edition, then position)
    chosen.sort(key=lambda s: (s.published_at, s.edition_date, -s.position), reverse=True)
    chosen = chosen[:limit]
    names = {s.slug: s.name for s in pub.sections}
    items = []
    for s in chosen:
        a = s.article
        items.append(FeedItem(
            id=links.article_id(pub.slug, s.edition_date, a.id),
            url=links.article(pub.slug, s.edition_date, a.id),
            title=a.headline, summary=a.summary, content_html=article_html(a),
            content_text=article_text(a), authors=a.authors, tags=a.tags,
            section_names=[names[x.slug] for x in pub.sections if in_section(a, x)],
            published=s.published_at, updated=max(s.updated_at, s.published_at),
            article=a, edition_date=s.edition_date))
    sec = section.slug if section else None
    updated = max((i.updated for i in items),
                  default=dt.datetime(2000, 1, 1, tzinfo=dt.UTC))
    return FeedDoc(
        publication=pub, section=section,
        title=f"{pub.name}·{section.name}" if section else pub.name,
        description=(f"{pub.name}{section.name}版" if section else pub.description or pub.name),
        home_url=links.home(pub.slug, sec),
        self_urls={fmt: links.feed(pub.slug, sec, fmt) for fmt in ("rss", "atom", "json")},
        hub_url=links.hub(), language=pub.language, updated=updated, zone=pub.timezone,
        items=items)


def local(when: dt.datetime, zone: str) -> dt.datetime:
    return when.astimezone(ZoneInfo(zone))
