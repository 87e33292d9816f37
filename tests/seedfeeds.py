"""The seed's feeds and pages: page 1 of 桂林日报 2026-04-02 through the real ingest."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from feedkit import ROOT, publications

from publisher.clock import FixedClock
from publisher.ingest.service import Ingestor
from publisher.links import Links
from publisher.render.service import FeedService
from publisher.store import open_store

SEED = ROOT / "seeds" / "guilin-daily" / "2026-04-02" / "01.txt"
BASE = "http://127.0.0.1:8000"
DATE = dt.date(2026, 4, 2)
CLOCK_AT = dt.datetime(2026, 4, 2, 0, 30, tzinfo=dt.UTC)  # 08:30 in Guilin: released


def seed_service(tmp: Path) -> FeedService:
    store = open_store(f"sqlite:///{tmp / 'seed.db'}")
    pubs = publications()
    links = Links(BASE, "publisher.local")
    result = Ingestor(store, pubs, links, clock=FixedClock(CLOCK_AT)).ingest_file(SEED)
    assert result.status == "ingested" and result.released, result
    return FeedService(store, pubs, links)


def seed_documents(svc: FeedService) -> dict[str, bytes]:
    """Every document of the seed, by its URL path."""
    docs: dict[str, bytes] = {}
    pub = svc.publication("guilin-daily")
    for section in [None, *(s.slug for s in pub.sections)]:
        for fmt in ("rss", "atom", "json"):
            docs[svc.links.feed_path(pub.slug, section, fmt)] = svc.feed(pub.slug, section,
                                                                         fmt).body
            archive = svc.archive(pub.slug, section, DATE, fmt)
            assert archive is not None
            docs[svc.links.archive_path(pub.slug, section, DATE, fmt)] = archive.body
    docs["/index.html"] = svc.index().body
    docs["/opml.xml"] = svc.opml().body
    edition = svc.edition(pub.slug, DATE)
    assert edition is not None
    docs[f"/{pub.slug}/{DATE.isoformat()}/index.html"] = edition.body
    return docs
