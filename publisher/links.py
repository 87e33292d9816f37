"""Every URL the publisher hands out, built in one place from the base URL."""

from __future__ import annotations

import datetime as dt

from publisher.identity import tag_uri

FORMATS = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}
FEED_ID_DATE = "2026"  # the tag URI date of feed ids: fixed, so ids never change


class Links:
    def __init__(self, base_url: str, tag_authority: str = "publisher.local") -> None:
        self.base = base_url.rstrip("/")
        self.authority = tag_authority

    def index(self) -> str:
        return self.base + "/"

    def feed_path(self, publication: str, section: str | None, fmt: str) -> str:
        middle = f"/{section}" if section else ""
        return f"/{publication}{middle}/{FORMATS[fmt]}"

    def feed(self, publication: str, section: str | None, fmt: str) -> str:
        return self.base + self.feed_path(publication, section, fmt)

    def archive_path(self, publication: str, section: str | None, date: dt.date,
                     fmt: str) -> str:
        """RFC 5005 archive document of one edition: /<pub>[/<section>]/archive/<date>/..."""
        middle = f"/{section}" if section else ""
        return f"/{publication}{middle}/archive/{date.isoformat()}/{FORMATS[fmt]}"

    def archive(self, publication: str, section: str | None, date: dt.date, fmt: str) -> str:
        return self.base + self.archive_path(publication, section, date, fmt)

    def feed_id(self, publication: str, section: str | None) -> str:
        """The Atom feed id: a tag URI that survives a change of host name."""
        return f"tag:{self.authority},{FEED_ID_DATE}:{publication}/{section or ''}"

    def home(self, publication: str, section: str | None = None) -> str:
        # the publication's (or section's) human page is the index with its feeds
        return self.base + "/" + (f"#{publication}-{section}" if section else f"#{publication}")

    def edition(self, publication: str, date: dt.date) -> str:
        return f"{self.base}/{publication}/{date.isoformat()}/"

    def article(self, publication: str, date: dt.date, key: str) -> str:
        return f"{self.base}/{publication}/{date.isoformat()}/{key}"

    def article_id(self, publication: str, date: dt.date, key: str) -> str:
        return tag_uri(self.authority, publication, date, key)

    def hub(self) -> str:
        return self.base + "/websub"

    def opml(self) -> str:
        return self.base + "/opml.xml"

    def stylesheet(self) -> str:
        return self.base + "/feed.xsl"
