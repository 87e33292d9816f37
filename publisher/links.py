"""Every URL the publisher hands out, built in one place from the base URL."""

from __future__ import annotations

import datetime as dt

from publisher.identity import tag_uri

FORMATS = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}


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

    def home(self, publication: str, section: str | None = None) -> str:
        return f"{self.base}/{publication}/" + (f"{section}/" if section else "")

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
