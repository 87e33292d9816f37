"""RSS 2.0 and Atom 1.0 through feedgen's FeedGenerator, plus our extensions.

feedgen writes the channel/feed and item/entry fields; publisher/render/feedext.py
adds what feedgen has no field for (atom:link hub and RFC 5005 links in RSS,
fh:archive/fh:complete, sy: hints) and repairs feedgen 1.0 quirks; dc:creator
comes from feedgen's bundled `dc` extension. Content goes in escaped (`type="html"`,
never CDATA), so `]]>` is harmless. The xml-stylesheet instruction is inserted
after the XML declaration of feedgen's bytes. Determinism: feedgen's defaults that
depend on the clock (updated/lastBuildDate, entry updated) and its generator are
always set from the FeedDoc, so the output depends only on the store.
"""

from __future__ import annotations

import html
from functools import partial
from typing import Any

from feedgen.feed import FeedGenerator

from publisher.render.feedext import (
    TYPES,
    UNTITLED,
    ChannelExtension,
    EntryExtension,
    HistoryExtension,
    history_links,
)
from publisher.render.model import FeedDoc, FeedItem, local

GENERATOR = "edition-publisher"
RSS_DOCS = "https://www.rssboard.org/rss-specification"


def _generator(doc: FeedDoc) -> Any:
    """A FeedGenerator with the fields both formats share."""
    fg = FeedGenerator()
    fg.title(doc.title)
    fg.description(doc.description)  # also atom:subtitle
    fg.generator(GENERATOR)
    fg.updated(local(doc.updated, doc.zone, fraction=True))  # also lastBuildDate
    return fg


def _entry(fg: Any, doc: FeedDoc, item: FeedItem) -> Any:
    """One item/entry with the fields both formats share, in feed order."""
    entry = fg.add_entry(order="append")
    entry.id(item.id)  # also guid isPermaLink="false"
    entry.title(item.title or UNTITLED)
    entry.link(href=item.url, rel="alternate", type="text/html")
    entry.published(local(item.published, doc.zone, fraction=True))  # also pubDate
    entry.updated(local(item.updated, doc.zone, fraction=True))
    scheme = doc.home_url.split("#")[0]
    for sec in item.sections:  # RSS: label as text, scheme as domain
        entry.category(term=sec.slug, label=sec.name, scheme=scheme)
    for tag in item.tags:
        entry.category(term=tag)
    entry.content(item.content_html, type="html")  # escaped text, never CDATA
    return entry


def _with_stylesheet(body: bytes, doc: FeedDoc) -> bytes:
    """The xml-stylesheet instruction right after feedgen's XML declaration."""
    if not doc.stylesheet_url:
        return body
    decl, sep, rest = body.partition(b"?>\n")
    assert decl.startswith(b"<?xml ") and sep, "feedgen output starts with a declaration"
    href = html.escape(doc.stylesheet_url)  # escapes `>`: the URL cannot end the PI
    return decl + sep + f'<?xml-stylesheet type="text/xsl" href="{href}"?>\n'.encode() + rest


def render_rss(doc: FeedDoc) -> bytes:
    fg = _generator(doc)
    fg.load_extension("dc", atom=False, rss=True)
    fg.register_extension("channel", partial(ChannelExtension, doc), None, atom=False)
    fg.register_extension("history", partial(HistoryExtension, doc), EntryExtension)
    fg.link(href=doc.self_urls["rss"], rel="self", type=TYPES["rss"])  # atom:link self
    fg.link(href=doc.home_url, rel="alternate")  # the last link is RSS <link>
    fg.language(doc.language.lower())
    fg.docs(RSS_DOCS)
    fg.ttl(doc.ttl)
    for item in doc.items:
        entry = _entry(fg, doc, item)
        if item.summary:  # RSS readers treat description as HTML: escape the plain text
            entry.summary(html.escape(item.summary, quote=False))
        entry.dc.dc_creator(item.authors)
    body: bytes = fg.rss_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return _with_stylesheet(body, doc)


def render_atom(doc: FeedDoc) -> bytes:
    fg = _generator(doc)
    fg.register_extension("history", partial(HistoryExtension, doc), EntryExtension)
    fg.id(doc.feed_id)
    fg.language(doc.language)  # xml:lang
    fg.author(name=doc.publication.name)
    fg.link(href=doc.home_url, rel="alternate", type="text/html")
    fg.link(href=doc.self_urls["atom"], rel="self", type=TYPES["atom"])
    fg.link(href=doc.hub_url, rel="hub")
    for rel, href in history_links(doc, "atom"):
        fg.link(href=href, rel=rel, type=TYPES["atom"])
    if doc.section is not None:
        fg.category(term=doc.section.slug, label=doc.section.name,
                    scheme=doc.home_url.split("#")[0])
    for item in doc.items:
        entry = _entry(fg, doc, item)
        for name in item.authors:
            entry.author(name=name)
        if item.summary:
            entry.summary(item.summary, type="text")
    body: bytes = fg.atom_str(pretty=True, encoding="UTF-8", xml_declaration=True)
    return _with_stylesheet(body, doc)
