"""feedgen extensions: what RSS 2.0 / Atom 1.0 need beyond feedgen's own fields.

feedgen calls `extend_ns()` for the root's namespace map, `extend_rss(rss)` /
`extend_atom(feed)` with the root element (after the channel/feed fields, before
the items), and the entry classes' `extend_*` with each item/entry element.
feedgen's Atom tree is built without a namespace (its root carries a literal
`xmlns` attribute), so Atom elements are addressed by their local names here.
"""

from __future__ import annotations

from typing import Any

from lxml import etree  # type: ignore[import-untyped]

from publisher.render.model import FeedDoc

ATOM = "http://www.w3.org/2005/Atom"
CONTENT = "http://purl.org/rss/1.0/modules/content/"
SY = "http://purl.org/rss/1.0/modules/syndication/"
FH = "http://purl.org/syndication/history/1.0"
TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml",
         "json": "application/feed+json"}
# feedgen requires a non-empty title; a headline cleaned to nothing is passed as
# this and emptied again by EntryExtension (real titles are whitespace-collapsed).
UNTITLED = " "


def history_links(doc: FeedDoc, fmt: str) -> list[tuple[str, str]]:
    """RFC 5005 links as (rel, href). The archive of the only edition is the feed's
    whole history: marked fh:complete, which allows no current/prev/next link."""
    if history_marker(doc) == "complete":
        return []
    return [(rel, urls[fmt]) for rel, urls in (
        ("current", doc.current_urls), ("prev-archive", doc.prev_archive),
        ("next-archive", doc.next_archive)) if fmt in urls]


def history_marker(doc: FeedDoc) -> str | None:
    """`complete`, `archive` or None: the fh: element of the document."""
    if not doc.archive:
        return None
    return "complete" if not doc.prev_archive and not doc.next_archive else "archive"


def _sub(parent: Any, tag: str, text: str | None = None, **attrs: str) -> Any:
    el = etree.SubElement(parent, tag, attrs)
    if text is not None:
        el.text = text
    return el


class _Extension:
    """The interface feedgen calls (duck-typed: feedgen's BaseExtension is untyped)."""

    def extend_ns(self) -> dict[str, str]:
        return {}

    def extend_rss(self, root: Any) -> Any:
        return root

    def extend_atom(self, root: Any) -> Any:
        return root


class HistoryExtension(_Extension):
    """fh:archive / fh:complete (Atom and RSS); Atom's RFC 5005 links go through
    feedgen's own `link()`, which knows the rels."""

    def __init__(self, doc: FeedDoc) -> None:
        self.doc = doc

    def extend_ns(self) -> dict[str, str]:
        return {"fh": FH} if self.doc.archive else {}

    def _mark(self, parent: Any) -> None:
        marker = history_marker(self.doc)
        if marker:
            _sub(parent, f"{{{FH}}}{marker}")

    def extend_rss(self, root: Any) -> Any:
        self._mark(root[0])
        return root

    def extend_atom(self, root: Any) -> Any:
        self._mark(root)
        return root


class ChannelExtension(_Extension):
    """RSS channel: atom:link hub and the RFC 5005 links (feedgen's RSS writes only
    the self link), sy:updatePeriod/updateFrequency (feedgen's bundled syndication
    extension spells them sy:UpdatePeriod/UpdateFrequency, which no reader knows)."""

    def __init__(self, doc: FeedDoc) -> None:
        self.doc = doc

    def extend_ns(self) -> dict[str, str]:
        return {"sy": SY}

    def extend_rss(self, root: Any) -> Any:
        channel, doc = root[0], self.doc
        _sub(channel, f"{{{ATOM}}}link", rel="hub", href=doc.hub_url)
        for rel, href in history_links(doc, "rss"):
            _sub(channel, f"{{{ATOM}}}link", rel=rel, type=TYPES["rss"], href=href)
        _sub(channel, f"{{{SY}}}updatePeriod", "hourly")
        _sub(channel, f"{{{SY}}}updateFrequency", str(max(1, 60 // doc.ttl)))
        return root


class EntryExtension(_Extension):
    """Per item/entry repairs of feedgen 1.0's output.

    - A title given as UNTITLED is emptied again.
    - RSS without a summary: feedgen puts the content into `description`; it is
      `content:encoded`, as in every other item (description = summary only).
    - Atom: feedgen drops an entry link's rel and type (its loop variable shadows
      the link data); every entry link we give is the article page.
    """

    @staticmethod
    def _title(el: Any) -> None:
        title = el.find("title")
        if title is not None and title.text == UNTITLED:
            title.text = ""

    def extend_rss(self, root: Any) -> Any:
        self._title(root)
        if root.find(f"{{{CONTENT}}}encoded") is None:
            desc = root.find("description")
            if desc is not None:
                desc.tag = f"{{{CONTENT}}}encoded"
        return root

    def extend_atom(self, root: Any) -> Any:
        self._title(root)
        for link in root.findall("link"):
            if link.get("rel") is None:
                link.set("rel", "alternate")
                link.set("type", "text/html")
        return root
