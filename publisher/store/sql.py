"""The one Store implementation: SQLAlchemy 2 Core on SQLite or PostgreSQL."""

from __future__ import annotations

import datetime as dt
import itertools
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event, func, select, text, update
from sqlalchemy.exc import IntegrityError, SQLAlchemyError

from publisher.errors import StoreError
from publisher.ingest.changes import content_hash
from publisher.models import Article, Event, StoredArticle
from publisher.store import tables as t
from publisher.store.migrate import upgrade
from publisher.store.protocol import EditionCommit, EditionRecord, FileRecord, StoredPage


def make_engine(url: str) -> Engine:
    if url.startswith("sqlite"):
        path = url.split("///", 1)[-1]
        if path and path != ":memory:":
            Path(path).parent.mkdir(parents=True, exist_ok=True)
        engine = create_engine(url, connect_args={"timeout": 30})

        @event.listens_for(engine, "connect")
        def _pragmas(dbapi_conn: Any, _record: Any) -> None:
            cur = dbapi_conn.cursor()
            cur.execute("PRAGMA journal_mode=WAL")
            cur.execute("PRAGMA foreign_keys=ON")
            cur.execute("PRAGMA synchronous=NORMAL")
            cur.close()

        return engine
    if url.startswith("postgresql://"):
        url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
    return create_engine(url, pool_pre_ping=True)


# The PostgreSQL notification channel on which new outbox events are announced.
EVENTS_CHANNEL = "publisher_events"


def event_from_row(r: Any, id_column: str = "id") -> Event:
    """An Event from a row holding the events table's columns."""
    return Event(id=getattr(r, id_column), type=r.type, timestamp=r.timestamp,
                 publication=r.publication, section=r.section, data=r.data)


def _first_line(e: Exception) -> str:
    text = str(e).strip()
    return text.splitlines()[0] if text else type(e).__name__


class SqlStore:
    def __init__(self, url: str) -> None:
        self.url = url
        self._write_count = itertools.count(1)
        self._written = 0
        try:
            self.engine = make_engine(url)
        except (SQLAlchemyError, ValueError) as e:
            raise StoreError(f"cannot open database: {_first_line(e)}",
                             key=url.split("@")[-1]) from e

    @property
    def writes(self) -> int:
        return self._written

    @contextmanager
    def tx(self) -> Iterator[Connection]:
        try:
            with self.engine.begin() as conn:
                yield conn
        except SQLAlchemyError as e:
            raise StoreError(_first_line(e), key=self.engine.url.database) from e
        finally:
            # After the commit: a reader that saw the old count re-reads last_change.
            # next() on a count is atomic, so two committing threads never share a value.
            self._written = next(self._write_count)

    @contextmanager
    def read(self) -> Iterator[Connection]:
        try:
            with self.engine.connect() as conn:
                yield conn
        except SQLAlchemyError as e:
            raise StoreError(_first_line(e), key=self.engine.url.database) from e

    def migrate(self) -> None:
        try:
            upgrade(self.engine)
        except SQLAlchemyError as e:
            # one line, and never the password
            where = self.engine.url.render_as_string(hide_password=True)
            raise StoreError(f"cannot prepare the database: {_first_line(e)}", key=where) from e

    def close(self) -> None:
        self.engine.dispose()

    # editions and pages -------------------------------------------------

    def _edition_row(self, conn: Connection, publication: str, date: dt.date) -> Any:
        q = select(t.editions).where(
            t.editions.c.publication == publication, t.editions.c.date == date
        )
        return conn.execute(q).first()

    def _record(self, conn: Connection, row: Any) -> EditionRecord:
        n_pages = conn.scalar(select(func.count()).where(t.pages.c.edition_id == row.id))
        n_arts = conn.scalar(
            select(func.count()).where(
                t.articles.c.edition_id == row.id, t.articles.c.withdrawn.is_(False)
            )
        )
        return EditionRecord(
            publication=row.publication, date=row.date, name=row.name,
            publish_at=row.publish_at, published_at=row.published_at,
            updated_at=row.updated_at, page_count=n_pages or 0, article_count=n_arts or 0,
        )

    def edition(self, publication: str, date: dt.date) -> EditionRecord | None:
        with self.read() as conn:
            row = self._edition_row(conn, publication, date)
            return None if row is None else self._record(conn, row)

    def editions(
        self, publication: str | None = None, *, published_only: bool = False, limit: int = 100
    ) -> list[EditionRecord]:
        q = select(t.editions).order_by(t.editions.c.date.desc(), t.editions.c.publication)
        if publication:
            q = q.where(t.editions.c.publication == publication)
        if published_only:
            q = q.where(t.editions.c.published_at.is_not(None))
        with self.read() as conn:
            return [self._record(conn, r) for r in conn.execute(q.limit(limit))]

    def edition_dates(self, publication: str, *, published_only: bool = True) -> list[dt.date]:
        """Edition dates, newest first: one query, for archive links."""
        e = t.editions
        q = select(e.c.date).where(e.c.publication == publication).order_by(e.c.date.desc())
        if published_only:
            q = q.where(e.c.published_at.is_not(None))
        with self.read() as conn:
            return list(conn.scalars(q))

    def due_editions(self, now: dt.datetime) -> list[EditionRecord]:
        q = select(t.editions).where(
            t.editions.c.published_at.is_(None), t.editions.c.publish_at <= now
        )
        with self.read() as conn:
            return [self._record(conn, r) for r in conn.execute(q)]

    def pages(self, publication: str, date: dt.date) -> list[StoredPage]:
        q = (
            select(t.pages)
            .join(t.editions, t.pages.c.edition_id == t.editions.c.id)
            .where(t.editions.c.publication == publication, t.editions.c.date == date)
            .order_by(t.pages.c.number)
        )
        with self.read() as conn:
            return [
                StoredPage(number=r.number, name=r.name, file=r.file, sha256=r.sha256,
                           content=r.content)
                for r in conn.execute(q)
            ]

    def page_sha(self, publication: str, date: dt.date, number: int) -> str | None:
        q = (
            select(t.pages.c.sha256)
            .join(t.editions, t.pages.c.edition_id == t.editions.c.id)
            .where(t.editions.c.publication == publication, t.editions.c.date == date,
                   t.pages.c.number == number)
        )
        with self.read() as conn:
            return conn.scalar(q)

    # articles -------------------------------------------------------------

    @staticmethod
    def _stored(row: Any) -> StoredArticle:
        return StoredArticle(
            publication=row.publication, edition_date=row.edition_date,
            article=Article.model_validate(row.data),
            published_at=row.published_at or row.created_at, updated_at=row.updated_at,
            withdrawn=row.withdrawn, position=row.position,
        )

    def edition_articles(self, publication: str, date: dt.date) -> list[StoredArticle]:
        q = (
            select(t.articles)
            .where(t.articles.c.publication == publication, t.articles.c.edition_date == date)
            .order_by(t.articles.c.position)
        )
        with self.read() as conn:
            return [self._stored(r) for r in conn.execute(q)]

    def recent_articles(self, publication: str, limit: int) -> list[StoredArticle]:
        a = t.articles
        q = (
            select(a)
            .where(a.c.publication == publication, a.c.withdrawn.is_(False),
                   a.c.published_at.is_not(None))
            .order_by(a.c.published_at.desc(), a.c.edition_date.desc(), a.c.position)
            .limit(limit)
        )
        with self.read() as conn:
            return [self._stored(r) for r in conn.execute(q)]

    def article(self, publication: str, date: dt.date, key: str) -> StoredArticle | None:
        a = t.articles
        q = select(a).where(a.c.publication == publication, a.c.edition_date == date,
                            a.c.key == key)
        with self.read() as conn:
            row = conn.execute(q).first()
            return None if row is None else self._stored(row)

    def last_change(self, publication: str | None = None) -> dt.datetime | None:
        q = select(func.max(t.editions.c.updated_at))
        if publication:
            q = q.where(t.editions.c.publication == publication)
        with self.read() as conn:
            value = conn.scalar(q)
        result: dt.datetime | None = t.UTCDateTime().process_result_value(
            value, self.engine.dialect)
        return result

    # the one write path ----------------------------------------------------

    def apply(self, commit: EditionCommit) -> None:
        with self.tx() as conn:
            edition_id = self._upsert_edition(conn, commit)
            if commit.page is not None:
                self._upsert_page(conn, edition_id, commit)
            self._write_articles(conn, edition_id, commit)
            if commit.events:
                self._add_events(conn, commit.events)
            if commit.file is not None:
                conn.execute(t.ingest_files.insert().values(**commit.file.model_dump()))

    def _upsert_edition(self, conn: Connection, c: EditionCommit) -> int:
        row = self._edition_row(conn, c.publication, c.date)
        values: dict[str, Any] = {"name": c.name, "publish_at": c.publish_at, "updated_at": c.now}
        if c.release:
            values["published_at"] = c.now
        if row is None:
            res = conn.execute(t.editions.insert().values(
                publication=c.publication, date=c.date, created_at=c.now, **values))
            return int(res.inserted_primary_key[0])  # type: ignore[index]
        if row.published_at is not None:
            values.pop("published_at", None)
        conn.execute(update(t.editions).where(t.editions.c.id == row.id).values(**values))
        return int(row.id)

    def _upsert_page(self, conn: Connection, edition_id: int, c: EditionCommit) -> None:
        assert c.page is not None
        p = t.pages
        values = {"name": c.page.name, "file": c.page.file, "sha256": c.page.sha256,
                  "content": c.page.content, "ingested_at": c.now}
        res = conn.execute(update(p).where(p.c.edition_id == edition_id,
                                           p.c.number == c.page.number).values(**values))
        if res.rowcount == 0:
            conn.execute(p.insert().values(edition_id=edition_id, number=c.page.number, **values))

    def _write_articles(self, conn: Connection, edition_id: int, c: EditionCommit) -> None:
        a = t.articles
        published = self._edition_row(conn, c.publication, c.date).published_at
        existing = {r.key: r for r in conn.execute(
            select(a.c.key, a.c.content_hash, a.c.published_at, a.c.withdrawn)
            .where(a.c.edition_id == edition_id))}
        updated = set(c.updated)
        for pos, art in enumerate(c.articles):
            data = art.model_dump(mode="json")
            h = content_hash(art)
            old = existing.get(art.id)
            if old is None:
                conn.execute(a.insert().values(
                    edition_id=edition_id, publication=c.publication, edition_date=c.date,
                    key=art.id, position=pos, data=data, content_hash=h, created_at=c.now,
                    updated_at=c.now, withdrawn=False,
                    published_at=self._first_publish(c, published)))
                continue
            values: dict[str, Any] = {"position": pos, "data": data, "content_hash": h,
                                      "withdrawn": False}
            if art.id in updated or old.withdrawn:
                values["updated_at"] = c.now
            if old.published_at is None and published is not None:
                values["published_at"] = self._first_publish(c, published)
            conn.execute(update(a).where(a.c.edition_id == edition_id, a.c.key == art.id)
                         .values(**values))
        if c.withdrawn:
            conn.execute(update(a).where(a.c.edition_id == edition_id, a.c.key.in_(c.withdrawn))
                         .values(withdrawn=True, updated_at=c.now))

    @staticmethod
    def _first_publish(c: EditionCommit, published: dt.datetime | None) -> dt.datetime | None:
        """When an article first goes public, as ingest decided (ingest.changes)."""
        if published is None:
            return None
        if c.article_time is not None:
            return c.article_time
        return c.publish_at if c.release else c.now

    # outbox and files --------------------------------------------------------

    def append_events(self, events: list[Event]) -> None:
        """Events with no change of articles beside them, in a transaction of their own."""
        with self.tx() as conn:
            self._add_events(conn, events)

    @staticmethod
    def _add_events(conn: Connection, evs: list[Event]) -> None:
        conn.execute(t.events.insert(), [
            {"id": e.id, "type": e.type, "timestamp": e.timestamp, "publication": e.publication,
             "section": e.section, "data": e.data} for e in evs])
        if conn.dialect.name == "postgresql":
            # delivered at commit, to every worker LISTENing (publisher.push.notify)
            conn.execute(text(f"NOTIFY {EVENTS_CHANNEL}"))

    def events_after(self, seq: int, limit: int = 100) -> list[tuple[int, Event]]:
        q = select(t.events).where(t.events.c.seq > seq).order_by(t.events.c.seq).limit(limit)
        with self.read() as conn:
            return [(r.seq, event_from_row(r)) for r in conn.execute(q)]

    def event_count(self) -> int:
        with self.read() as conn:
            return int(conn.scalar(select(func.count()).select_from(t.events)) or 0)

    def record_file(self, record: FileRecord, events: Sequence[Event] = ()) -> None:
        with self.tx() as conn:
            conn.execute(t.ingest_files.insert().values(**record.model_dump()))
            if events:
                self._add_events(conn, list(events))

    def embargoed(self) -> list[EditionRecord]:
        q = (select(t.editions).where(t.editions.c.published_at.is_(None))
             .order_by(t.editions.c.publish_at))
        with self.read() as conn:
            return [self._record(conn, r) for r in conn.execute(q)]

    def emit_once(self, event: Event) -> bool:
        try:
            with self.engine.begin() as conn:
                if conn.scalar(select(t.events.c.seq).where(t.events.c.id == event.id)):
                    return False
                self._add_events(conn, [event])
        except IntegrityError:  # another worker wrote it first
            return False
        except SQLAlchemyError as e:
            raise StoreError(_first_line(e), key=event.id) from e
        return True

    def outbox_size(self) -> int:
        q = select(func.count()).select_from(t.events).where(t.events.c.dispatched_at.is_(None))
        with self.read() as conn:
            return int(conn.scalar(q) or 0)

    def _counts(self, column: Any) -> dict[str, int]:
        with self.read() as conn:
            return {str(k): int(n) for k, n in conn.execute(
                select(column, func.count()).group_by(column))}

    def file_counts(self) -> dict[str, int]:
        return self._counts(t.ingest_files.c.status)

    def event_counts(self) -> dict[str, int]:
        return self._counts(t.events.c.type)

    def files(self, status: str | None = None, limit: int = 50) -> list[FileRecord]:
        f = t.ingest_files
        q = select(f).order_by(f.c.id.desc()).limit(limit)
        if status:
            q = q.where(f.c.status == status)
        with self.read() as conn:
            return [FileRecord(path=r.path, sha256=r.sha256, status=r.status, error=r.error,
                               received_at=r.received_at, processed_at=r.processed_at)
                    for r in conn.execute(q)]
