"""Render stage: feeds (RSS, Atom, JSON Feed) and HTML pages from the store."""

from __future__ import annotations

from collections.abc import Callable
from typing import NamedTuple

from publisher.render.jsonfeed import render_json
from publisher.render.model import FeedDoc, build_feed
from publisher.render.xmlfeeds import render_atom, render_rss


class Format(NamedTuple):
    render: Callable[[FeedDoc], bytes]
    media_type: str


FORMATS: dict[str, Format] = {
    "rss": Format(render_rss, "application/rss+xml; charset=utf-8"),
    "atom": Format(render_atom, "application/atom+xml; charset=utf-8"),
    "json": Format(render_json, "application/feed+json; charset=utf-8"),
}

__all__ = ["FORMATS", "FeedDoc", "Format", "build_feed"]
