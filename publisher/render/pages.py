"""HTML pages (Jinja2, autoescaped): index, edition, article; the OPML list; the XSL."""

from __future__ import annotations

import datetime as dt
from importlib.resources import files
from typing import Any
from xml.sax.saxutils import quoteattr

from jinja2 import Environment, PackageLoader, select_autoescape

from publisher.links import Links
from publisher.models import Publication, StoredArticle
from publisher.render.text import clean_article
from publisher.sections import sections_for
from publisher.store import EditionRecord

LABELS = {"rss": "RSS", "atom": "Atom", "json": "JSON Feed"}
TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml",
         "json": "application/feed+json"}


class PageRenderer:
    def __init__(self, links: Links) -> None:
        self.links = links
        self.env = Environment(loader=PackageLoader("publisher.render", "templates"),
                               autoescape=select_autoescape(["html"]), trim_blocks=True,
                               lstrip_blocks=True)

    def _feeds(self, pub: Publication, section: str | None, title: str) -> list[dict[str, str]]:
        return [{"href": self.links.feed(pub.slug, section, fmt), "label": LABELS[fmt],
                 "type": TYPES[fmt], "title": f"{title} ({LABELS[fmt]})"} for fmt in LABELS]

    def _groups(self, p: Publication) -> list[tuple[str | None, str]]:
        return [(None, p.name)] + [(s.slug, f"{p.name}·{s.name}") for s in p.sections]

    def index(self, pubs: list[Publication],
              editions: dict[str, list[EditionRecord]]) -> bytes:
        data: list[dict[str, Any]] = []
        alternates: list[dict[str, str]] = []
        for p in pubs:
            feeds = self._feeds(p, None, p.name)
            secs: list[dict[str, Any]] = [
                {"name": s.name, "anchor": f"{p.slug}-{s.slug}",
                 "feeds": self._feeds(p, s.slug, f"{p.name}·{s.name}"),
                 "rule": _rule(s.pages, s.keywords)} for s in p.sections]
            alternates += feeds + [f for s in secs for f in s["feeds"]]
            eds = [{"date": e.date.isoformat(), "href": self.links.edition(p.slug, e.date),
                    "count": e.article_count} for e in editions.get(p.slug, [])]
            data.append({"name": p.name, "anchor": p.slug, "description": p.description,
                         "feeds": feeds, "sections": secs, "editions": eds})
        return self._render("index.html", publications=data, alternates=alternates,
                            opml=self.links.opml())

    def edition(self, pub: Publication, date: dt.date, arts: list[StoredArticle]) -> bytes:
        pages: dict[int, dict[str, Any]] = {}
        for s in arts:
            a = clean_article(s.article)
            page = pages.setdefault(a.page, {"number": a.page, "name": a.page_name,
                                             "articles": []})
            page["name"] = page["name"] or a.page_name
            page["articles"].append({"a": a, "href": self.links.article(pub.slug, date, a.id)})
        return self._render("edition.html", name=pub.name, date=date.isoformat(),
                            pages=[pages[k] for k in sorted(pages)], lang=pub.language,
                            index=self.links.index(), alternates=self._feeds(pub, None, pub.name))

    def article(self, pub: Publication, stored: StoredArticle) -> bytes:
        a = clean_article(stored.article)
        secs = sections_for(stored.article, pub)
        return self._render(
            "article.html", a=a, name=pub.name, date=stored.edition_date.isoformat(),
            lang=pub.language, sections=[s.name for s in secs],
            edition_href=self.links.edition(pub.slug, stored.edition_date),
            alternates=self._feeds(pub, None, pub.name)
            + [f for s in secs for f in self._feeds(pub, s.slug, f"{pub.name}·{s.name}")])

    def _render(self, template: str, **ctx: Any) -> bytes:
        return self.env.get_template(template).render(**ctx).encode("utf-8")

    def stylesheet(self) -> bytes:
        return (files("publisher.render") / "templates" / "feed.xsl").read_bytes()

    def opml(self, pubs: list[Publication]) -> bytes:
        lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<opml version="2.0">',
                 "<head>", "<title>报纸订阅源</title>",
                 "<docs>http://opml.org/spec2.opml</docs>", "</head>", "<body>"]
        for p in pubs:
            lines.append(f"<outline text={quoteattr(p.name)} title={quoteattr(p.name)}>")
            for sec, title in self._groups(p):
                lines.append(f"<outline text={quoteattr(title)} title={quoteattr(title)}>")
                for fmt in LABELS:
                    label = quoteattr(f"{title} ({LABELS[fmt]})")
                    lines.append(
                        f'<outline type="rss" text={label} title={label}'
                        f" xmlUrl={quoteattr(self.links.feed(p.slug, sec, fmt))}"
                        f" htmlUrl={quoteattr(self.links.home(p.slug, sec))}/>")
                lines.append("</outline>")
            lines.append("</outline>")
        lines += ["</body>", "</opml>", ""]
        return "\n".join(lines).encode("utf-8")


def _rule(pages: tuple[int, ...], keywords: tuple[str, ...]) -> str:
    parts = []
    if pages:
        parts.append("第" + "、".join(str(n) for n in pages) + "版")
    if keywords:
        parts.append("关键词：" + "、".join(keywords))
    return "；".join(parts)
