"""RFC 5005 archived feeds: one archive document per edition, chained by date (pure)."""

from __future__ import annotations

import datetime as dt

from publisher.links import FORMATS, Links
from publisher.models import StoredArticle


def older(dates: list[dt.date], date: dt.date) -> dt.date | None:
    """The newest edition date before *date* (dates: published editions, any order)."""
    return max((d for d in dates if d < date), default=None)


def newer(dates: list[dt.date], date: dt.date) -> dt.date | None:
    return min((d for d in dates if d > date), default=None)


def first_archive(selected: list[StoredArticle], limit: int,
                  dates: list[dt.date]) -> dt.date | None:
    """Where the subscription feed's prev-archive points.

    *selected* is the whole ordered selection of the feed, the first *limit* of it
    shown. The archive of the oldest edition shown if some of that edition did not
    fit; otherwise the edition before it. Walking prev-archive from there reaches
    every published edition, so no item is ever out of reach.
    """
    if not dates:
        return None
    shown = selected[:limit]
    if not shown:
        return max(dates)
    oldest = min(s.edition_date for s in shown)
    if any(s.edition_date >= oldest for s in selected[limit:]):
        return oldest
    return older(dates, oldest)


def urls(links: Links, pub: str, section: str | None, date: dt.date | None) -> dict[str, str]:
    if date is None:
        return {}
    return {fmt: links.archive(pub, section, date, fmt) for fmt in FORMATS}
