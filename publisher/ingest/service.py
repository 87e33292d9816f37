"""Ingest: one page file in, the edition re-parsed, stored and its events written.

Each page is one transaction: a failure leaves the store as it was before
that page. Batch calls return one result per file.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from pathlib import Path
from typing import Literal
from zoneinfo import ZoneInfo

from pydantic import BaseModel

from publisher.clock import Clock, SystemClock
from publisher.config import EditionInfo, load_edition_info
from publisher.edition import PageSource, parse_sources
from publisher.enrich.enricher import Enricher
from publisher.errors import EditionError, PublisherError, StoreError
from publisher.ingest.changes import EditionDiff, diff_edition, first_published
from publisher.ingest.events import EventBuilder, failed_event
from publisher.ingest.paths import PageAddress, address, expand
from publisher.links import Links
from publisher.models import Article, Publication
from publisher.store import EditionCommit, FileRecord, Store, StoredPage

Status = Literal["ingested", "unchanged", "quarantined"]


class IngestResult(BaseModel):
    path: str
    status: Status
    publication: str | None = None
    date: dt.date | None = None
    page: int | None = None
    new: int = 0
    updated: int = 0
    withdrawn: int = 0
    events: int = 0
    released: bool = False
    error: str | None = None
    publish_at: dt.datetime | None = None


def publish_time(pub: Publication, date: dt.date, info: EditionInfo) -> dt.datetime:
    if info.publish_at is not None:
        when = info.publish_at
        if when.tzinfo is None:
            when = when.replace(tzinfo=ZoneInfo(pub.timezone))
        return when.astimezone(dt.UTC)
    local = dt.datetime.combine(date, pub.publish_time, tzinfo=ZoneInfo(pub.timezone))
    return local.astimezone(dt.UTC)


class Ingestor:
    def __init__(self, store: Store, publications: dict[str, Publication], links: Links,
                 *, clock: Clock | None = None, enricher: Enricher | None = None) -> None:
        self.store = store
        self.publications = publications
        self.links = links
        self.clock = clock or SystemClock()
        self.enricher = enricher or Enricher()

    # entry points ----------------------------------------------------------

    def ingest_paths(self, paths: list[Path]) -> list[IngestResult]:
        results = []
        for path in expand(paths):
            results.append(self.ingest_file(path))
        return results

    def ingest_file(self, path: Path, received_at: dt.datetime | None = None, *,
                    quarantine_to: Path | None = None) -> IngestResult:
        """Ingest one page file. A bad file gives status 'quarantined' and an
        ingest.failed event (naming *quarantine_to*, where the caller moves it);
        a database failure raises StoreError and leaves the store as it was."""
        received = received_at or self.clock.now()
        try:
            addr = address(path)
            data = path.read_bytes()
            return self._ingest(addr, data, received)
        except OSError as e:
            return self._failed(path, EditionError(f"cannot read: {e.strerror}", key=str(path)),
                                received, quarantine_to)
        except StoreError:
            raise
        except PublisherError as e:
            return self._failed(path, e, received, quarantine_to)

    def release_due(self) -> list[IngestResult]:
        """Publish every edition whose embargo has passed."""
        now = self.clock.now()
        out = []
        for rec in self.store.due_editions(now):
            pub = self.publications.get(rec.publication)
            if pub is None:
                continue
            arts = [s.article for s in self.store.edition_articles(rec.publication, rec.date)
                    if not s.withdrawn]
            events = EventBuilder(pub, rec.date, self.links, now).release(arts)
            self.store.apply(EditionCommit(
                publication=rec.publication, date=rec.date, name=rec.name,
                publish_at=rec.publish_at, now=now, articles=arts, release=True, events=events))
            out.append(IngestResult(path=f"{rec.publication}/{rec.date}", status="ingested",
                                    publication=rec.publication, date=rec.date, released=True,
                                    new=len(arts), events=len(events)))
        return out

    # the work ----------------------------------------------------------------

    def _ingest(self, addr: PageAddress, data: bytes, received: dt.datetime) -> IngestResult:
        pub = self.publications.get(addr.publication)
        if pub is None:
            raise EditionError(
                f"unknown publication {addr.publication!r}: add "
                f"config/publications/{addr.publication}.toml", key=str(addr.path))
        if not data.strip():
            raise EditionError("empty file: no page text", key=str(addr.path))
        sha = hashlib.sha256(data).hexdigest()
        base = {"path": str(addr.path), "publication": pub.slug, "date": addr.date,
                "page": addr.number}
        now = self.clock.now()
        if self.store.page_sha(pub.slug, addr.date, addr.number) == sha:
            self.store.record_file(FileRecord(path=str(addr.path), sha256=sha, status="unchanged",
                                              received_at=received, processed_at=now))
            return IngestResult(status="unchanged", **base)
        info = load_edition_info(addr.path.parent)
        name = info.pages.get(addr.number)
        page = StoredPage(number=addr.number, name=name, file=str(addr.path), sha256=sha,
                          content=data)
        pages = {p.number: p for p in self.store.pages(pub.slug, addr.date)}
        pages[addr.number] = page
        articles = self._parse(pub, addr.date, info, list(pages.values()))
        stored = self.store.edition_articles(pub.slug, addr.date)
        diff = diff_edition([s.article for s in stored],
                            {s.article.id for s in stored if s.withdrawn}, articles)
        diff = self._enrich(pub, diff, {s.article.id: s.article for s in stored})
        record = self.store.edition(pub.slug, addr.date)
        publish_at = publish_time(pub, addr.date, info)
        released = record is not None and record.published_at is not None
        release = not released and publish_at <= now
        events = []
        if release:
            events = EventBuilder(pub, addr.date, self.links, now).release(diff.articles)
        elif released:
            events = EventBuilder(pub, addr.date, self.links, now).changes(diff)
        self.store.apply(EditionCommit(
            publication=pub.slug, date=addr.date, name=info.publication or pub.name,
            publish_at=publish_at, now=now, page=page, articles=diff.articles,
            withdrawn=[a.id for a in diff.withdrawn], updated=[u.article.id for u in diff.updated],
            release=release, events=events,
            article_time=first_published(publish_at, now, release=release),
            file=FileRecord(path=str(addr.path), sha256=sha, status="ingested",
                            received_at=received, processed_at=now)))
        return IngestResult(status="ingested", new=len(diff.new), updated=len(diff.updated),
                            withdrawn=len(diff.withdrawn), events=len(events), released=release,
                            publish_at=None if released or release else publish_at, **base)

    def _parse(self, pub: Publication, date: dt.date, info: EditionInfo,
               pages: list[StoredPage]) -> list[Article]:
        """The whole edition from its page bytes; a page that is not text raises
        EditionError naming its file, before anything reaches the store."""
        edition = parse_sources(
            [PageSource(p.number, p.content, info.pages.get(p.number, p.name), p.file)
             for p in pages],
            publication=pub, publication_slug=pub.slug,
            publication_name=info.publication or pub.name, edition_date=date)
        return edition.articles

    def _enrich(self, pub: Publication, diff: EditionDiff,
                stored: dict[str, Article]) -> EditionDiff:
        """Enrich new and changed articles; the rest keep what they had (jieba is slow)."""
        fresh = {a.id for a in diff.new} | {u.article.id for u in diff.updated}
        done: dict[str, Article] = {}
        for art in diff.articles:
            old = stored.get(art.id)
            if art.id in fresh or old is None:
                done[art.id] = self.enricher.enrich(art, pub)
            else:
                done[art.id] = art.model_copy(update={
                    k: getattr(old, k) for k in ("summary", "tags", "people", "places")})
        return EditionDiff(
            articles=[done[a.id] for a in diff.articles],
            new=[done[a.id] for a in diff.new],
            updated=[u.model_copy(update={"article": done[u.article.id]})
                     for u in diff.updated],
            withdrawn=diff.withdrawn, unchanged=[done[a.id] for a in diff.unchanged])

    def _failed(self, path: Path, error: PublisherError, received: dt.datetime,
                quarantine_to: Path | None) -> IngestResult:
        now = self.clock.now()
        event = failed_event(str(path), str(error), now,
                             quarantine=None if quarantine_to is None else str(quarantine_to))
        self.store.record_file(FileRecord(path=str(path), status="quarantined", error=str(error),
                                          received_at=received, processed_at=now), [event])
        return IngestResult(path=str(path), status="quarantined", error=str(error), events=1)
