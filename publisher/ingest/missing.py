"""edition.missing: no page of today's edition by the publication's missing_after."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from publisher.ingest.events import missing_event
from publisher.models import Event, Publication
from publisher.store import Store


def overdue_edition(pub: Publication, now: dt.datetime) -> dt.date | None:
    """Today's local date once its missing_after has passed, else None (pure)."""
    if pub.missing_after is None:
        return None
    local = now.astimezone(ZoneInfo(pub.timezone))
    return local.date() if local.time() >= pub.missing_after else None


def check_missing(store: Store, publications: dict[str, Publication],
                  now: dt.datetime) -> list[Event]:
    """Write edition.missing for every overdue edition without a page, once each."""
    written = []
    for pub in publications.values():
        date = overdue_edition(pub, now)
        if date is None or store.edition(pub.slug, date) is not None:
            continue
        event = missing_event(pub, date, now)
        if store.emit_once(event):
            written.append(event)
    return written
