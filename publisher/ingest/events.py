"""Which events an ingest or a release emits: pure, given the diff and the clock."""

from __future__ import annotations

import datetime as dt
import uuid
from typing import Any

from publisher.ingest.changes import EditionDiff
from publisher.links import Links
from publisher.models import Article, Event, EventType, Publication
from publisher.sections import sections_for


def new_event_id() -> str:
    return "evt_" + uuid.uuid4().hex


def article_payload(
    article: Article, publication: Publication, date: dt.date, links: Links
) -> dict[str, Any]:
    data = article.model_dump(mode="json")
    data["key"] = article.id
    data["id"] = links.article_id(publication.slug, date, article.id)
    data["url"] = links.article(publication.slug, date, article.id)
    data["publication"] = publication.slug
    data["edition_date"] = date.isoformat()
    data["sections"] = [s.slug for s in sections_for(article, publication)]
    return data


class EventBuilder:
    def __init__(self, publication: Publication, date: dt.date, links: Links,
                 now: dt.datetime) -> None:
        self.pub, self.date, self.links, self.now = publication, date, links, now
        self.events: list[Event] = []
        self._touched_sections: set[str | None] = set()

    def _add(self, type_: EventType, data: dict[str, Any], section: str | None = None) -> None:
        self.events.append(Event(id=new_event_id(), type=type_, timestamp=self.now,
                                 publication=self.pub.slug, section=section, data=data))

    def _article(self, type_: EventType, art: Article, **extra: Any) -> None:
        payload = article_payload(art, self.pub, self.date, self.links)
        self._add(type_, {"article": payload, **extra})
        self._touched_sections.add(None)
        self._touched_sections.update(payload["sections"])

    def release(self, articles: list[Article]) -> list[Event]:
        self._add("edition.published", {
            "publication": self.pub.slug, "name": self.pub.name, "date": self.date.isoformat(),
            "url": self.links.edition(self.pub.slug, self.date),
            "articles": [self.links.article_id(self.pub.slug, self.date, a.id)
                         for a in articles]})
        for art in articles:
            self._article("article.published", art)
        return self._finish()

    def changes(self, diff: EditionDiff) -> list[Event]:
        for art in diff.new:
            self._article("article.published", art)
        for upd in diff.updated:
            self._article("article.updated", upd.article, changed=upd.changed)
        for art in diff.withdrawn:
            self._article("article.withdrawn", art)
        return self._finish()

    def _finish(self) -> list[Event]:
        for section in sorted(self._touched_sections, key=lambda s: s or ""):
            self._add("feed.updated", {
                "publication": self.pub.slug, "section": section,
                "feeds": {fmt: self.links.feed(self.pub.slug, section, fmt)
                          for fmt in ("rss", "atom", "json")}}, section=section)
        return self.events


def failed_event(path: str, reason: str, now: dt.datetime, *, publication: str | None = None,
                 quarantine: str | None = None) -> Event:
    """ingest.failed: an operator's event, written with the file's record."""
    data: dict[str, Any] = {"file": path, "reason": reason}
    if quarantine is not None:
        data["quarantine"] = quarantine
    return Event(id=new_event_id(), type="ingest.failed", timestamp=now,
                 publication=publication, data=data)


def missing_event(publication: Publication, date: dt.date, now: dt.datetime) -> Event:
    """edition.missing, with an id fixed by the edition so it is written once."""
    return Event(id=f"evt_missing_{publication.slug}_{date.isoformat()}", type="edition.missing",
                 timestamp=now, publication=publication.slug, data={
                     "publication": publication.slug, "name": publication.name,
                     "date": date.isoformat(),
                     "missing_after": (publication.missing_after or dt.time()).isoformat()})
