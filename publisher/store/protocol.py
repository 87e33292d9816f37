"""What the rest of the publisher needs from storage, and the records it trades."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from typing import Protocol

from pydantic import BaseModel, Field

from publisher.models import Article, Event, StoredArticle


class StoredPage(BaseModel):
    number: int
    name: str | None = None
    file: str | None = None
    sha256: str
    content: bytes


class EditionRecord(BaseModel):
    publication: str
    date: dt.date
    name: str
    publish_at: dt.datetime
    published_at: dt.datetime | None = None
    updated_at: dt.datetime
    page_count: int = 0
    article_count: int = 0


class FileRecord(BaseModel):
    path: str
    sha256: str | None = None
    status: str  # ingested | unchanged | quarantined
    error: str | None = None
    received_at: dt.datetime
    processed_at: dt.datetime


class EditionCommit(BaseModel):
    """Everything one ingest or release writes, applied in one transaction."""

    publication: str
    date: dt.date
    name: str
    publish_at: dt.datetime
    now: dt.datetime
    page: StoredPage | None = None
    articles: list[Article] = Field(default_factory=list, description="the whole edition")
    withdrawn: list[str] = Field(default_factory=list, description="keys withdrawn now")
    updated: list[str] = Field(default_factory=list, description="keys whose content changed")
    release: bool = Field(default=False, description="the edition goes public now")
    article_time: dt.datetime | None = Field(
        default=None, description="published_at of articles going public in this commit "
        "(default: publish_at with the release, else now)")
    events: list[Event] = Field(default_factory=list)
    file: FileRecord | None = None


class Store(Protocol):
    """Storage of editions, pages, articles and the event outbox."""

    def migrate(self) -> None: ...

    def close(self) -> None: ...

    def edition(self, publication: str, date: dt.date) -> EditionRecord | None: ...

    def editions(
        self, publication: str | None = None, *, published_only: bool = False, limit: int = 100
    ) -> list[EditionRecord]: ...

    def edition_dates(self, publication: str, *, published_only: bool = True) -> list[dt.date]:
        ...

    def pages(self, publication: str, date: dt.date) -> list[StoredPage]: ...

    def page_sha(self, publication: str, date: dt.date, number: int) -> str | None: ...

    def edition_articles(self, publication: str, date: dt.date) -> list[StoredArticle]: ...

    def apply(self, commit: EditionCommit) -> None: ...

    def due_editions(self, now: dt.datetime) -> list[EditionRecord]: ...

    def recent_articles(self, publication: str, limit: int) -> list[StoredArticle]: ...

    def article(self, publication: str, date: dt.date, key: str) -> StoredArticle | None: ...

    def last_change(self, publication: str | None = None) -> dt.datetime | None: ...

    @property
    def writes(self) -> int:
        """Changes with every transaction this process commits (a local write happened)."""
        ...

    def record_file(self, record: FileRecord, events: Sequence[Event] = ()) -> None:
        """Record a file (and its events, e.g. ingest.failed) in one transaction."""
        ...

    def embargoed(self) -> list[EditionRecord]:
        """Editions stored but not yet released, soonest first."""
        ...

    def emit_once(self, event: Event) -> bool:
        """Write *event* unless an event with its id exists; True when written."""
        ...

    def outbox_size(self) -> int:
        """Events not yet dispatched to deliveries."""
        ...

    def file_counts(self) -> dict[str, int]: ...

    def event_counts(self) -> dict[str, int]: ...

    def files(self, status: str | None = None, limit: int = 50) -> list[FileRecord]: ...

    def events_after(self, seq: int, limit: int = 100) -> list[tuple[int, Event]]: ...

    def event_count(self) -> int: ...
