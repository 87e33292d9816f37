"""Units of a page (joined paragraphs, headings, leads, bylines) grouped into articles.

A run of heading-like units starts a new article when the evidence says so
(a lead or byline follows, the previous article has ended, a column tag, a
subheadline); otherwise the run is an intertitle inside the current article.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from publisher.edition import patterns as P
from publisher.edition.header import Header, split_header
from publisher.edition.join import heading_like


@dataclass
class Unit:
    """A paragraph-level piece of the page after joining column breaks."""

    text: str
    kind: str = "text"  # text | lead | byline | endnote
    jump_to: int | None = None
    jump_from: int | None = None
    role: str = ""

    @property
    def candidate(self) -> bool:
        return self.kind == "text" and heading_like(self.text) and not self.text.startswith("—")


@dataclass
class Draft:
    """An article being assembled from units."""

    header: Header
    paragraphs: list[str] = field(default_factory=list)
    intertitles: list[int] = field(default_factory=list)
    runs: list[int] = field(default_factory=list)
    byline: str | None = None
    lead: str | None = None
    continued_on: int | None = None
    continued_from: int | None = None
    package: bool = False

    def add(self, unit: Unit) -> None:
        if unit.jump_from is not None and not self.paragraphs:
            self.continued_from = unit.jump_from
        if unit.kind == "lead" and not self.paragraphs and self.lead is None:
            self.lead = unit.text
        if unit.text:
            self.paragraphs.append(unit.text)
        if unit.jump_to is not None:
            self.continued_on = unit.jump_to
        if P.EDITOR_NOTE_SIG.match(unit.text):
            self.package = True


def _ended(prev: Unit | None) -> bool:
    """The unit before a heading closes an article: a credit in brackets, a jump, an address."""
    if prev is None:
        return True
    if prev.jump_to is not None or prev.kind == "endnote":
        return True
    return bool(P.EMAIL.search(prev.text))


def _intertitle_shaped(run: list[str]) -> bool:
    for text in run:
        if P.COLUMN_TAG.search(text):
            return False
        if "，" in text or text.endswith(("：", ":")) or P.ORDINAL.match(text):
            return True
        if text[:1] in "【■□●◆" or any(c.isdigit() for c in text[-3:]) and len(text) <= 3:
            return True
    return False


def starts_article(run: list[str], prev: Unit | None, nxt: Unit | None,
                   byline: bool, cur: Draft | None) -> bool:
    """Whether a run of heading-like units opens a new article (else: intertitles)."""
    if cur is None or _ended(prev):
        return True
    if nxt is not None and (nxt.kind == "lead" or nxt.jump_from is not None):
        return True
    if byline and not cur.package:
        return True
    if any(P.COLUMN_TAG.search(t) and not P.ORDINAL.match(t) for t in run):
        return True
    if len(run) >= 2 and any(P.SUB_START.match(t) or P.SUB_END.search(t) for t in run[1:]):
        return True
    if cur.package or _intertitle_shaped(run):
        return False
    if len(run) == 1 and len(run[0]) <= 12 and nxt is not None and P.DATE_START.match(nxt.text):
        return True
    return cur.lead is not None and not cur.intertitles


def segment(units: list[Unit]) -> list[Draft]:
    """Group units into article drafts, in page order."""
    drafts: list[Draft] = []
    cur: Draft | None = None
    i = 0
    while i < len(units):
        unit = units[i]
        if unit.candidate:
            j = i + 1
            while j < len(units) and j - i < 4 and (
                units[j].candidate or (units[j].kind == "text" and units[j].text.startswith("—")
                                       and heading_like(units[j].text))
            ):
                j += 1
            run = [u.text for u in units[i:j]]
            byline = j < len(units) and units[j].kind == "byline"
            nxt = units[j + 1] if byline and j + 1 < len(units) else (
                units[j] if j < len(units) else None)
            prev = units[i - 1] if i else None
            if starts_article(run, prev, nxt, byline, cur):
                cur = Draft(split_header(run))
                drafts.append(cur)
                for u in units[i:j]:
                    u.role = cur.header.role_of(u.text)
                if byline:
                    cur.byline = units[j].text
                    units[j].role = "byline"
                    j += 1
            else:
                assert cur is not None
                cur.runs.append(len(run))
                for u in units[i:j]:
                    cur.intertitles.append(len(cur.paragraphs))
                    u.role = "intertitle"
                    cur.add(u)
            i = j
            continue
        if cur is None:
            cur = Draft(Header(headline=""))
            drafts.append(cur)
        if unit.kind == "byline" and not cur.paragraphs and cur.byline is None:
            cur.byline = unit.text
            unit.role = "byline"
        else:
            unit.role = "lead" if unit.kind == "lead" else "paragraph"
            cur.add(unit)
        i += 1
    return drafts
