"""`publisher render`: write the whole URL tree as static files under feeds/."""

from __future__ import annotations

from pathlib import Path

from publisher.links import FORMATS
from publisher.render.service import FeedService


def write_tree(service: FeedService, root: Path) -> list[Path]:
    written: list[Path] = []

    def put(rel: str, body: bytes) -> None:
        path = root / rel.lstrip("/")
        if rel.endswith("/"):
            path = path / "index.html"
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".part")
        tmp.write_bytes(body)
        tmp.replace(path)  # readers never see a half-written file
        written.append(path)

    put("/", service.index().body)
    put("/opml.xml", service.opml().body)
    put("/feed.xsl", service.stylesheet().body)
    for pub in service.publications.values():
        for section in [None, *(s.slug for s in pub.sections)]:
            for fmt in FORMATS:
                put(service.links.feed_path(pub.slug, section, fmt),
                    service.feed(pub.slug, section, fmt).body)
        for rec in service.store.editions(pub.slug, published_only=True, limit=10_000):
            for section in [None, *(s.slug for s in pub.sections)]:
                for fmt in FORMATS:
                    doc = service.archive(pub.slug, section, rec.date, fmt)
                    if doc is not None:
                        put(service.links.archive_path(pub.slug, section, rec.date, fmt),
                            doc.body)
            page = service.edition(pub.slug, rec.date)
            if page is None:
                continue
            put(f"/{pub.slug}/{rec.date.isoformat()}/", page.body)
            for stored in service.store.edition_articles(pub.slug, rec.date):
                art = service.article(pub.slug, rec.date, stored.article.id)
                if art is not None:
                    put(f"/{pub.slug}/{rec.date.isoformat()}/{stored.article.id}.html", art.body)
    return written
