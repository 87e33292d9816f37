"""RSS 2.0 and Atom 1.0 through feedgen."""

from __future__ import annotations

from typing import Any

from feedgen.feed import FeedGenerator

from publisher.render.model import FeedDoc, local


def _generator(doc: FeedDoc, fmt: str) -> Any:
    fg = FeedGenerator()
    fg.load_extension("dc", atom=False, rss=True)
    fg.id(doc.home_url)
    fg.title(doc.title)
    fg.description(doc.description)
    fg.subtitle(doc.description)
    fg.language(doc.language)
    fg.link(href=doc.home_url, rel="alternate", type="text/html")
    fg.link(href=doc.self_urls[fmt], rel="self")
    fg.link(href=doc.hub_url, rel="hub")
    fg.author({"name": doc.publication.name})
    fg.updated(local(doc.updated, doc.zone))
    fg.lastBuildDate(local(doc.updated, doc.zone))
    fg.generator("edition-publisher")
    fg.ttl(60)
    for item in reversed(doc.items):  # feedgen prepends; keep newest first
        fe = fg.add_entry()
        fe.id(item.id)
        fe.guid(item.id, permalink=False)
        fe.title(item.title)
        fe.link(href=item.url, rel="alternate")
        for name in item.authors or [doc.publication.name]:
            fe.author({"name": name})
        if fmt == "rss" and item.authors:
            fe.dc.dc_creator(item.authors)
        fe.published(local(item.published, doc.zone))
        fe.updated(local(item.updated, doc.zone))
        if item.summary:
            fe.summary(item.summary) if fmt == "atom" else fe.description(item.summary)
        fe.content(item.content_html, type="CDATA" if fmt == "rss" else "html")
        for cat in [*item.section_names, *item.tags]:
            fe.category(term=cat)
    return fg


def render_rss(doc: FeedDoc) -> bytes:
    out: bytes = _generator(doc, "rss").rss_str(pretty=True)
    return out


def render_atom(doc: FeedDoc) -> bytes:
    out: bytes = _generator(doc, "atom").atom_str(pretty=True)
    return out
