"""HTML pages (Jinja2, autoescaped): index, edition, article; and the OPML list."""

from __future__ import annotations

import datetime as dt
from typing import Any
from xml.sax.saxutils import quoteattr

from jinja2 import Environment, PackageLoader, select_autoescape

from publisher.links import Links
from publisher.models import Publication, StoredArticle
from publisher.store import EditionRecord

LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml",
         "json": "application/feed+json"}


class PageRenderer:
    def __init__(self, links: Links) -> None:
        self.links = links
        self.env = Environment(loader=PackageLoader("publisher.render", "templates"),
                               autoescape=select_autoescape(["html"]), trim_blocks=False)

    def _feeds(self, pub: Publication, section: str | None, title: str) -> list[dict[str, str]]:
        return [{"href": self.links.feed(pub.slug, section, fmt), "label": LABELS[fmt],
                 "type": TYPES[fmt], "title": f"{title} ({LABELS[fmt]})"} for fmt in LABELS]

    def index(self, pubs: list[Publication],
              editions: dict[str, list[EditionRecord]]) -> bytes:
        data: list[dict[str, Any]] = []
        alternates: list[dict[str, str]] = []
        for p in pubs:
            feeds = self._feeds(p, None, p.name)
            secs: list[dict[str, Any]] = [
                {"name": s.name, "feeds": self._feeds(p, s.slug, f"{p.name}·{s.name}")}
                for s in p.sections]
            alternates += feeds + [f for s in secs for f in s["feeds"]]
            data.append({"name": p.name, "feeds": feeds, "sections": secs, "editions": [
                {"date": e.date.isoformat(), "href": self.links.edition(p.slug, e.date)}
                for e in editions.get(p.slug, [])]})
        return self._render("index.html", publications=data, alternates=alternates,
                            opml=self.links.opml())

    def edition(self, pub: Publication, date: dt.date, arts: list[StoredArticle]) -> bytes:
        pages: dict[int, dict[str, Any]] = {}
        for s in arts:
            a = s.article
            page = pages.setdefault(a.page, {"number": a.page, "name": a.page_name,
                                             "articles": []})
            page["articles"].append({"headline": a.headline,
                                     "href": self.links.article(pub.slug, date, a.id)})
        return self._render("edition.html", name=pub.name, date=date.isoformat(),
                            pages=[pages[k] for k in sorted(pages)], lang=pub.language,
                            alternates=self._feeds(pub, None, pub.name))

    def article(self, pub: Publication, stored: StoredArticle) -> bytes:
        return self._render("article.html", a=stored.article, name=pub.name,
                            date=stored.edition_date.isoformat(), lang=pub.language,
                            edition_href=self.links.edition(pub.slug, stored.edition_date),
                            alternates=self._feeds(pub, None, pub.name))

    def _render(self, template: str, **ctx: Any) -> bytes:
        return self.env.get_template(template).render(**ctx).encode("utf-8")

    def opml(self, pubs: list[Publication]) -> bytes:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
                 "<head><title>报纸订阅源</title></head>", "<body>"]
        for p in pubs:
            lines.append(f"<outline text={quoteattr(p.name)}>")
            groups = [(None, p.name)] + [(s.slug, f"{p.name}·{s.name}") for s in p.sections]
            for sec, title in groups:
                for fmt in ("rss", "atom"):
                    lines.append(
                        f'<outline type="rss" text={quoteattr(f"{title} ({LABELS[fmt]})")}'
                        f" xmlUrl={quoteattr(self.links.feed(p.slug, sec, fmt))}"
                        f" htmlUrl={quoteattr(self.links.home(p.slug, sec))}/>")
            lines.append("</outline>")
        lines += ["</body>", "</opml>", ""]
        return "\n".join(lines).encode("utf-8")
