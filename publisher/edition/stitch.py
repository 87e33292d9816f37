"""Stitch stories that jump pages: （下转第七版） … its headline again … （上接第一版）."""

from __future__ import annotations

import datetime as dt
from typing import NamedTuple

from publisher.edition import patterns as P
from publisher.edition.fields import is_byline
from publisher.edition.pairs import questions
from publisher.edition.runs import Shape, shape
from publisher.edition.units import head_key
from publisher.models import Article, Edition, Page

#: a first part this long with no intertitle prints none: a line in its continuation part
#: that shares little of its words opens a new story (see runs.Context.alien)
UNTITLED = 6


def _same(a: str, b: str) -> bool:
    return bool(a) and head_key(a) == head_key(b)


def jumped_heads(pages: list[Page]) -> dict[int, dict[str, int]]:
    """Per page, the headlines (spaces removed) that other pages repeat over （上接第N版）, with
    the page of that continuation, where this page read that line as an intertitle, or as the
    headline of an article that does not reach its （下转…） (a wrong split before the jump):
    the page is worth a second reading."""
    heads: dict[int, dict[str, int]] = {}
    for page in pages:
        for art in page.articles:
            if art.continued_from is not None and art.headline:
                heads.setdefault(art.continued_from, {})[head_key(art.headline)] = page.number
    out: dict[int, dict[str, int]] = {}
    for page in pages:
        mine = heads.get(page.number, {})
        if any(role == "intertitle" and head_key(text) in mine for role, text in page.roles) or (
                any(art.continued_on != mine.get(head_key(art.headline), art.continued_on)
                    for art in page.articles)):
            out[page.number] = mine
    return out


class FirstPart(NamedTuple):
    """What a continuation part's first part showed of the story on the page it jumps from."""

    shapes: list[Shape]  # of its intertitles
    package: bool  # parts under an editor's note: their headings and bylines go on after it
    questions: int = 0  # short questions printed alone: its part asks on after the jump


def first_part_shapes(pages: list[Page]) -> dict[int, dict[str, FirstPart]]:
    """Per page, the headlines (spaces removed) of its continuation parts whose first part,
    on the page they jump from, has intertitles, with the shapes of those intertitles: the
    part's own intertitles are their siblings, however few it prints of them itself. A first
    part of UNTITLED paragraphs or more with no intertitle counts too, with no shapes."""
    parts = {(p.number, art.continued_from, head_key(art.headline))
             for p in pages for art in p.articles if art.continued_from is not None}
    out: dict[int, dict[str, FirstPart]] = {}
    for page in pages:
        for art in page.articles:
            if art.continued_on is None or (not art.intertitles and len(art.paragraphs) < UNTITLED):
                continue
            head = next((h for t in _heading_lines(art)
                         if (art.continued_on, page.number, h := head_key(t)) in parts), None)
            if head is None:
                continue
            runs: list[list[str]] = []
            for n, i in enumerate(art.intertitles):
                if n and i == art.intertitles[n - 1] + 1:
                    runs[-1].append(art.paragraphs[i])
                else:
                    runs.append([art.paragraphs[i]])
            out.setdefault(art.continued_on, {})[head] = FirstPart(
                [shape(r) for r in runs], _package(art), questions(art.paragraphs))
    return out


def _heading_lines(art: Article) -> list[str]:
    """The lines a continuation may repeat as its headline: the first part's headline, or
    its kicker, subheadline or first paragraph when this page read the heading's lines one
    off (its kicker as the headline over it: 以钉钉子精神加强作风建设 over
    让党旗在基层一线高高飘扬, read as the text's first paragraph)."""
    first = art.paragraphs[:1] if art.paragraphs and 0 not in art.intertitles else []
    return [t for t in (art.headline, art.kicker, art.subheadline, *first) if t]


def _package(art: Article) -> bool:
    """Parts under an editor's note, a byline under a part's heading: a story alone under its
    note signs no part."""
    marks = set(art.intertitles)
    return any(P.EDITOR_NOTE_SIG.match(t) for t in art.paragraphs) and any(
        n - 1 in marks and is_byline(t) for n, t in enumerate(art.paragraphs))


def _find_head(part: Article, heads: list[Article]) -> Article | None:
    """The first part of a continued article: it jumps to part's page from part.continued_from."""
    cands = [h for h in heads if h.page == part.continued_from and h.continued_on == part.page]
    if not cands:
        return None
    named = [h for h in cands if _same(h.headline, part.headline)]
    if named:
        return named[0]
    return cands[0] if len(cands) == 1 else None


def stitch(articles: list[Article]) -> list[Article]:
    """Merge continuation parts into their first part; reading order kept."""
    out: list[Article] = []
    for art in articles:
        if art.continued_from is not None:
            head = _find_head(art, out)
            if head is not None:
                if not head.headline:
                    _name_from(head, art)
                head.paragraphs.extend(art.paragraphs)
                offset = len(head.paragraphs) - len(art.paragraphs)
                head.intertitles.extend(i + offset for i in art.intertitles)
                head.pages.extend(p for p in art.pages if p not in head.pages)
                head.continued_on = art.continued_on
                if not head.authors:
                    head.authors = art.authors
                continue
        out.append(art)
    return out


def _name_from(head: Article, part: Article) -> None:
    """A first part read with no headline (its kicker ran into it, over text after another
    story's （下转…）) takes the one its continuation repeats, out of its first paragraph."""
    head.headline = part.headline
    first = head.paragraphs[0] if head.paragraphs else ""
    if not part.headline or not first.endswith(part.headline) or 0 in head.intertitles:
        return
    head.kicker = first[:-len(part.headline)].strip() or None
    del head.paragraphs[0]
    head.intertitles = [i - 1 for i in head.intertitles]


def _drop_duplicates(arts: list[Article]) -> list[Article]:
    """The same text printed twice (a continuation repeated on another page) is one article."""
    sets = [set(a.paragraphs) for a in arts]
    keep = []
    for art in arts:
        mine = [p for p in art.paragraphs if len(p) > 8]
        dup = len(mine) >= 2 and any(
            other is not art and len(other.paragraphs) > len(art.paragraphs)
            and sum(p in theirs for p in mine) >= 0.9 * len(mine)
            for other, theirs in zip(arts, sets, strict=True))
        if not dup:
            keep.append(art)
    return keep


def parse_edition(pages: list[Page], *, publication_slug: str, publication_name: str,
                  edition_date: dt.date) -> Edition:
    """An edition from parsed pages: continuations stitched, articles in reading order."""
    ordered = sorted(pages, key=lambda p: p.number)
    articles = [a.model_copy(update={"paragraphs": list(a.paragraphs), "pages": list(a.pages),
                                     "intertitles": list(a.intertitles),
                                     "authors": list(a.authors)})
                for p in ordered for a in p.articles]
    stitched = stitch(articles)
    stitched = _drop_duplicates(stitched)
    present = {p.number for p in ordered}
    for art in stitched:
        if art.continued_on is not None and art.continued_on in present and len(art.pages) > 1:
            art.continued_on = None
    return Edition(publication=publication_slug, publication_name=publication_name,
                   date=edition_date, pages=ordered, articles=stitched)
