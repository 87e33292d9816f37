"""Typed models shared by every pipeline stage.

Datetimes are UTC-aware everywhere; a publication names its own zone and
rendering converts at the edge.
"""

from __future__ import annotations

import datetime as dt
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator


def utc(value: dt.datetime) -> dt.datetime:
    """Return *value* as an aware UTC datetime; naive datetimes are refused."""
    if value.tzinfo is dt.UTC:  # the store's own values: skip the conversion (hot path)
        return value
    if value.tzinfo is None or value.utcoffset() is None:
        raise ValueError(f"naive datetime {value!r}: UTC-aware datetimes only")
    return value.astimezone(dt.UTC)


class Frozen(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class Section(Frozen):
    """A 版面/栏目: selected by page numbers, by topic keywords, or both."""

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    pages: tuple[int, ...] = ()
    keywords: tuple[str, ...] = ()


class Publication(Frozen):
    """One newspaper, from config/publications/<slug>.toml."""

    slug: str = Field(pattern=r"^[a-z0-9][a-z0-9-]*$")
    name: str
    language: str = "zh-CN"
    timezone: str = "Asia/Shanghai"
    publish_time: dt.time = dt.time(6, 0)
    missing_after: dt.time | None = None
    sections: tuple[Section, ...] = ()
    masthead: tuple[str, ...] = ()
    user_dict: tuple[str, ...] = ()
    description: str | None = None

    def section(self, slug: str) -> Section | None:
        return next((s for s in self.sections if s.slug == slug), None)


class Dateline(Frozen):
    place: str | None = None
    date: dt.date | None = None


class Article(BaseModel):
    """One article as an editor sees it; the parse contract's fields plus enrichment."""

    model_config = ConfigDict(extra="forbid")

    id: str
    headline: str
    kicker: str | None = None
    subheadline: str | None = None
    authors: list[str] = Field(default_factory=list)
    source: str | None = None
    dateline: Dateline | None = None
    paragraphs: list[str] = Field(default_factory=list)
    intertitles: list[int] = Field(
        default_factory=list, description="indexes into paragraphs that are 小标题"
    )
    page: int
    pages: list[int] = Field(default_factory=list)
    page_name: str | None = None
    continued_on: int | None = None
    continued_from: int | None = None
    incomplete_start: bool = False
    # enrichment (publisher.enrich); empty until enriched
    summary: str | None = None
    tags: list[str] = Field(default_factory=list)
    people: list[str] = Field(default_factory=list)
    places: list[str] = Field(default_factory=list)

    def content_key(self) -> dict[str, Any]:
        """The fields whose change is an editorial correction (article.updated)."""
        return self.model_dump(
            include={
                "headline", "kicker", "subheadline", "authors", "source",
                "dateline", "paragraphs", "pages", "continued_on",
                "continued_from", "incomplete_start",
            },
            mode="json",
        )


class Page(BaseModel):
    """One printed page of an edition, as parsed from one inbox file."""

    model_config = ConfigDict(extra="forbid")

    number: int
    name: str | None = None
    file: str | None = None
    sha256: str | None = None
    articles: list[Article] = Field(default_factory=list)
    roles: list[tuple[str, str]] = Field(
        default_factory=list, description="(role, text) of every block, for operators"
    )


class Edition(BaseModel):
    """One day's paper: its pages and the articles stitched across them."""

    model_config = ConfigDict(extra="forbid")

    publication: str
    publication_name: str
    date: dt.date
    pages: list[Page] = Field(default_factory=list)
    articles: list[Article] = Field(default_factory=list)
    publish_at: dt.datetime | None = None

    @field_validator("publish_at")
    @classmethod
    def _aware(cls, v: dt.datetime | None) -> dt.datetime | None:
        return None if v is None else utc(v)


class StoredArticle(BaseModel):
    """An article as kept by the store, with its lifecycle timestamps."""

    model_config = ConfigDict(extra="forbid")

    publication: str
    edition_date: dt.date
    article: Article
    published_at: dt.datetime
    updated_at: dt.datetime
    withdrawn: bool = False
    position: int = 0

    @field_validator("published_at", "updated_at")
    @classmethod
    def _aware(cls, v: dt.datetime) -> dt.datetime:
        return utc(v)


EventType = Literal[
    "edition.published",
    "article.published",
    "article.updated",
    "article.withdrawn",
    "feed.updated",
    "ingest.failed",
    "edition.missing",
]


class Event(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    type: EventType
    timestamp: dt.datetime
    publication: str | None = None
    section: str | None = None
    data: dict[str, Any] = Field(default_factory=dict)

    @field_validator("timestamp")
    @classmethod
    def _aware(cls, v: dt.datetime) -> dt.datetime:
        return utc(v)


class Subscription(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    url: str
    secret: str
    event_types: list[str] = Field(default_factory=list)
    publication: str | None = None
    section: str | None = None
    enabled: bool = True


class Delivery(BaseModel):
    model_config = ConfigDict(extra="forbid")

    id: str
    event_id: str
    subscription_id: str
    status: Literal["pending", "delivered", "failed", "dead"] = "pending"
    attempts: int = 0
    next_attempt_at: dt.datetime | None = None
