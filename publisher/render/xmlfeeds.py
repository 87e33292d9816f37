"""RSS 2.0 and Atom 1.0, built with lxml so every byte is ours and deterministic.

feedgen (the original choice) cannot emit the xml-stylesheet instruction,
RFC 5005 archive markup or sy: hints, and puts `]]>` inside CDATA; see docs/feeds.md.
"""

from __future__ import annotations

import html
from email.utils import format_datetime
from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from publisher.render.model import FeedDoc, FeedItem, local

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
DC = "http://purl.org/dc/elements/1.1/"
SY = "http://purl.org/rss/1.0/modules/syndication/"
FH = "http://purl.org/syndication/history/1.0"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
GENERATOR = "edition-publisher"
TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml",
         "json": "application/feed+json"}


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    el = etree.SubElement(parent, tag, {k.rstrip("_"): v for k, v in attrs.items()})
    if text is not None:
        el.text = text
    return el


def _rfc822(doc: FeedDoc, when: Any) -> str:
    return format_datetime(local(when, doc.zone))


def _rfc3339(doc: FeedDoc, when: Any) -> str:
    return local(when, doc.zone, fraction=True).isoformat()


def _history_links(doc: FeedDoc, parent: Any, fmt: str, tag: str) -> None:
    """RFC 5005 links. The archive of the only edition is the feed's whole history:
    marked fh:complete (which allows no current/prev/next link), not fh:archive."""
    lone = doc.archive and not doc.prev_archive and not doc.next_archive
    if lone:
        _sub(parent, f"{{{FH}}}complete")
        return
    for rel, urls in (("current", doc.current_urls), ("prev-archive", doc.prev_archive),
                      ("next-archive", doc.next_archive)):
        if fmt in urls:
            _sub(parent, tag, rel=rel, type=TYPES[fmt], href=urls[fmt])
    if doc.archive:
        _sub(parent, f"{{{FH}}}archive")


def _serialize(root: Any, doc: FeedDoc) -> bytes:
    if doc.stylesheet_url:
        root.addprevious(etree.PI("xml-stylesheet",
                                  f'type="text/xsl" href="{html.escape(doc.stylesheet_url)}"'))
    out: bytes = etree.tostring(root.getroottree(), xml_declaration=True, encoding="UTF-8",
                                pretty_print=True)
    return out


def _rss_item(doc: FeedDoc, channel: Any, item: FeedItem) -> None:
    el = _sub(channel, "item")
    _sub(el, "title", item.title)
    _sub(el, "link", item.url)
    _sub(el, "guid", item.id, isPermaLink="false")
    _sub(el, "pubDate", _rfc822(doc, item.published))
    for name in item.authors:
        _sub(el, f"{{{DC}}}creator", name)
    for sec in item.sections:
        _sub(el, "category", sec.name, domain=doc.home_url.split("#")[0])
    for tag in item.tags:
        _sub(el, "category", tag)
    if item.summary:  # RSS readers treat description as HTML: escape the plain text
        _sub(el, "description", html.escape(item.summary, quote=False))
    _sub(el, f"{{{CONTENT}}}encoded", item.content_html)


def render_rss(doc: FeedDoc) -> bytes:
    nsmap = {"atom": ATOM, "content": CONTENT, "dc": DC, "sy": SY}
    if doc.archive:
        nsmap["fh"] = FH
    rss = etree.Element("rss", {"version": "2.0"}, nsmap=nsmap)
    ch = _sub(rss, "channel")
    _sub(ch, "title", doc.title)
    _sub(ch, "link", doc.home_url)
    _sub(ch, "description", doc.description)
    _sub(ch, "language", doc.language.lower())
    _sub(ch, f"{{{ATOM}}}link", rel="self", type=TYPES["rss"], href=doc.self_urls["rss"])
    _sub(ch, f"{{{ATOM}}}link", rel="hub", href=doc.hub_url)
    _history_links(doc, ch, "rss", f"{{{ATOM}}}link")
    _sub(ch, "lastBuildDate", _rfc822(doc, doc.updated))
    _sub(ch, "generator", GENERATOR)
    _sub(ch, "docs", "https://www.rssboard.org/rss-specification")
    _sub(ch, "ttl", str(doc.ttl))
    _sub(ch, f"{{{SY}}}updatePeriod", "hourly")
    _sub(ch, f"{{{SY}}}updateFrequency", str(max(1, 60 // doc.ttl)))
    for item in doc.items:
        _rss_item(doc, ch, item)
    return _serialize(rss, doc)


def _atom_entry(doc: FeedDoc, feed: Any, item: FeedItem) -> None:
    A = f"{{{ATOM}}}"
    el = _sub(feed, A + "entry")
    _sub(el, A + "id", item.id)
    _sub(el, A + "title", item.title, type="text")
    _sub(el, A + "updated", _rfc3339(doc, item.updated))
    _sub(el, A + "published", _rfc3339(doc, item.published))
    for name in item.authors:
        _sub(_sub(el, A + "author"), A + "name", name)
    _sub(el, A + "link", rel="alternate", type="text/html", href=item.url)
    scheme = doc.home_url.split("#")[0]
    for sec in item.sections:
        _sub(el, A + "category", term=sec.slug, label=sec.name, scheme=scheme)
    for tag in item.tags:
        _sub(el, A + "category", term=tag)
    if item.summary:
        _sub(el, A + "summary", item.summary, type="text")
    _sub(el, A + "content", item.content_html, type="html")


def render_atom(doc: FeedDoc) -> bytes:
    A = f"{{{ATOM}}}"
    nsmap: dict[str | None, str] = {None: ATOM}
    if doc.archive:
        nsmap["fh"] = FH
    feed = etree.Element(A + "feed", {XML_LANG: doc.language}, nsmap=nsmap)
    _sub(feed, A + "id", doc.feed_id)
    _sub(feed, A + "title", doc.title, type="text")
    _sub(feed, A + "subtitle", doc.description, type="text")
    _sub(feed, A + "updated", _rfc3339(doc, doc.updated))
    _sub(_sub(feed, A + "author"), A + "name", doc.publication.name)
    _sub(feed, A + "link", rel="alternate", type="text/html", href=doc.home_url)
    _sub(feed, A + "link", rel="self", type=TYPES["atom"], href=doc.self_urls["atom"])
    _sub(feed, A + "link", rel="hub", href=doc.hub_url)
    _history_links(doc, feed, "atom", A + "link")
    if doc.section is not None:
        _sub(feed, A + "category", term=doc.section.slug, label=doc.section.name,
             scheme=doc.home_url.split("#")[0])
    _sub(feed, A + "generator", GENERATOR)
    for item in doc.items:
        _atom_entry(doc, feed, item)
    return _serialize(feed, doc)
