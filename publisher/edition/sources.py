"""Page bytes of one edition to its Edition: the one path every caller takes.

`publisher parse` (files) and ingest (pages kept in the store) both come here, so
what an operator sees parsed is what gets published.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import NamedTuple

from publisher.edition.page import parse_page
from publisher.edition.stitch import FirstPart, first_part_shapes, jumped_heads, parse_edition
from publisher.models import Edition, Page, Publication


class PageSource(NamedTuple):
    number: int
    data: bytes
    name: str | None = None
    file: str | None = None


def parse_sources(sources: list[PageSource], *, publication: Publication | None,
                  publication_slug: str, publication_name: str,
                  edition_date: dt.date) -> Edition:
    """Parse every page, read again the pages where a jumped story's headline was
    taken for an intertitle or where a continuation part's first part has intertitles,
    and stitch continuations. A bad page raises
    EditionError naming its file."""

    def read(s: PageSource, known: Mapping[str, int] | None = None,
             earlier: Mapping[str, FirstPart] | None = None) -> Page:
        return parse_page(s.data, number=s.number, edition_date=edition_date,
                          publication=publication, name=s.name, file=s.file, known=known,
                          earlier=earlier)

    ordered = sorted(sources, key=lambda s: s.number)
    pages = [read(s) for s in ordered]
    again, shapes = jumped_heads(pages), first_part_shapes(pages)
    pages = [read(s, again.get(s.number), shapes.get(s.number))
             if s.number in again or s.number in shapes else page
             for s, page in zip(ordered, pages, strict=True)]
    return parse_edition(pages, publication_slug=publication_slug,
                         publication_name=publication_name, edition_date=edition_date)
