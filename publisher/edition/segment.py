"""Units of a page (joined paragraphs, headings, leads, bylines) grouped into articles.

A run of heading-like units starts a new article when the evidence says so
(a lead or byline follows, the previous article has ended, a column tag, a
subheadline, a front-matter label); otherwise the run is an intertitle inside
the current article, unless what follows it shares little vocabulary with the
article so far (a new story, e.g. a photo caption).
"""

from __future__ import annotations

import bisect
import os
import re
import sys
from dataclasses import dataclass, field
from functools import cached_property

from publisher.edition import patterns as P
from publisher.edition.header import Header, split_header
from publisher.edition.join import heading_like

_DEBUG = bool(os.environ.get("PARSER_DEBUG"))


@dataclass
class Unit:
    """A paragraph-level piece of the page after joining column breaks."""

    text: str
    kind: str = "text"  # text | lead | byline | endnote
    jump_to: int | None = None
    jump_from: int | None = None
    role: str = ""

    @cached_property
    def candidate(self) -> bool:
        return self.kind == "text" and heading_like(self.text) and not self.text.startswith("—")


@dataclass
class Draft:
    """An article being assembled from units."""

    header: Header
    paragraphs: list[str] = field(default_factory=list)
    intertitles: list[int] = field(default_factory=list)
    byline: str | None = None
    lead: str | None = None
    continued_on: int | None = None
    continued_from: int | None = None
    package: bool = False

    def add(self, unit: Unit, *, intertitle: bool = False) -> None:
        if unit.jump_from is not None and not self.paragraphs:
            self.continued_from = unit.jump_from
        if unit.kind == "lead" and not self.paragraphs and self.lead is None:
            self.lead = unit.text
        if intertitle:
            self.intertitles.append(len(self.paragraphs))
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
    if prev.kind == "byline" and prev.role == "paragraph":  # a credit after the text
        return True
    return P.has_email(prev.text)


def _tagged(text: str) -> bool:
    return (text.endswith(("）", ")")) and bool(P.COLUMN_TAG.search(text))
            and not P.ORDINAL.match(text))


def _intertitle_shaped(run: list[str]) -> bool:
    for text in run:
        if _tagged(text):
            return False
        if text.endswith(("：", ":")) or P.ORDINAL.match(text) or P.ORDINAL_PREFIX.match(text):
            return True
        if text[:1] in "【■□●◆" or re.search(r"\d[：:]", text):
            return True
    return False


def shape(run: list[str]) -> tuple[int, bool, bool, bool]:
    """What a series of intertitles has in common: size, ——, opening quote, comma."""
    first = run[0]
    return (len(run), first.endswith("—"), len(run) == 1 and first.startswith("“"),
            "，" in first)


@dataclass
class Context:
    """What surrounds a run of heading-like units."""

    prev: Unit | None
    nxt: Unit | None
    byline: bool
    siblings: int = 0
    jumps: bool = False
    caption: bool = False


def starts_article(run: list[str], ctx: Context, cur: Draft | None) -> bool:
    """Whether a run of heading-like units opens a new article (else: intertitles)."""
    if cur is None or (not cur.header.headline and not cur.paragraphs):
        return True
    nxt = ctx.nxt
    if len(run) == 1 and P.SIDEBAR_LABEL.match(run[0]) and (nxt is None or nxt.kind != "lead"):
        return False
    if _ended(ctx.prev):
        return True
    if nxt is not None and (nxt.kind == "lead" or nxt.jump_from is not None):
        return True
    if ctx.byline and not cur.package:
        return True
    if cur.package and ctx.byline and ctx.siblings:
        return False
    if len(run) >= 2 and P.FRONT_LABEL.match(run[-1]):
        return True
    if any(_tagged(t) for t in run) and (len(run) >= 2 or "，" not in run[0]):
        return True
    if len(run) >= 2 and any(P.SUB_START.match(t) or P.SUB_END.search(t) for t in run[1:]):
        return True
    if _intertitle_shaped(run) or "，" in run[0]:
        return False
    if _DEBUG:
        print(f"weak run {run!r} lead={cur.lead is not None} siblings={ctx.siblings} "
              f"jumps={ctx.jumps}", file=sys.stderr)
    if cur.lead is not None:
        return True
    if ctx.siblings or ctx.jumps:
        return False
    # one line inside a feature signed at its top is its intertitle, unless a photo caption follows
    return not (len(run) == 1 and cur.byline is not None and not cur.package
                and not any(_tagged(t) for t in (cur.header.headline, cur.header.kicker or ""))
                and not ctx.caption)


_CAPTION = re.compile(r"^(?:图为|(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,])|图为|摄）?$")


def _caption(stretch: list[Unit]) -> bool:
    """A photo caption: a few lines, 图为…, opening with the day, ending with 摄."""
    return 0 < len(stretch) <= 3 and any(_CAPTION.search(u.text) for u in stretch)


def _sub_ok(text: str) -> bool:
    """A line after the headline that really is a subheadline, not the story's first words."""
    return bool(text.startswith("—") or P.SUB_START.match(text) or P.SUB_END.search(text))


def _runs(units: list[Unit]) -> list[tuple[int, int]]:
    runs: list[tuple[int, int]] = []
    i = 0
    while i < len(units):
        if units[i].candidate:
            j = _run_end(units, i)
            runs.append((i, j))
            i = j
        else:
            i += 1
    return runs


def _strong(units: list[Unit], a: int, b: int) -> bool:
    """Evidence that a run heads an article whatever surrounds it."""
    nxt = units[b] if b < len(units) else None
    if nxt is not None and (nxt.kind == "lead" or nxt.jump_from is not None):
        return True
    return _ended(units[a - 1] if a else None) or any(_tagged(u.text) for u in units[a:b])


def _region_end(units: list[Unit], start: int) -> tuple[int, bool]:
    """Where the stretch after a heading ends (a lead, credit, jump or tagged heading)."""
    for k in range(start, len(units)):
        u = units[k]
        if u.jump_to is not None:
            return k + 1, True
        if u.kind in ("lead", "endnote") or u.jump_from is not None or (
                u.candidate and _tagged(u.text)):
            return k, False
    return len(units), False


def _run_end(units: list[Unit], i: int) -> int:
    j = i + 1
    while j < len(units) and j - i < 4 and (
        units[j].candidate or (units[j].kind == "text" and units[j].text.startswith("—")
                               and heading_like(units[j].text))
    ):
        j += 1
    # a long subheadline (no sentence end) between a headline and the lead
    if (j + 1 < len(units) and units[j].kind == "text" and units[j + 1].kind == "lead"
            and units[j].text[-1] not in P.TERMINAL + "”"
            and not any(c in units[j].text for c in "。！？")):
        j += 1
    return j


def segment(units: list[Unit]) -> list[Draft]:
    """Group units into article drafts, in page order."""
    drafts: list[Draft] = []
    cur: Draft | None = None
    runs = _runs(units)
    shapes = {a: shape([u.text for u in units[a:b]]) for a, b in runs if not _strong(units, a, b)}
    starts = [a for a, _ in runs]
    cur_start = 0
    i = 0
    while i < len(units):
        unit = units[i]
        if not unit.candidate:
            if cur is None:
                cur = Draft(Header(headline=""))
                drafts.append(cur)
            if unit.kind == "byline" and not cur.paragraphs and cur.byline is None:
                cur.byline = unit.text
                unit.role = "byline"
            elif unit.kind == "byline" and cur.byline is None:  # signed at the end: kept as printed
                cur.byline = unit.text
                unit.role = "paragraph"
                cur.add(unit)
            else:
                unit.role = "lead" if unit.kind == "lead" else "paragraph"
                cur.add(unit)
            i += 1
            continue
        j = _run_end(units, i)
        run = [u.text for u in units[i:j]]
        byline = j < len(units) and units[j].kind == "byline"
        k = j + 1 if byline else j
        end, jumps = _region_end(units, j)
        mine = shape(run)
        lo, hi = bisect.bisect_right(starts, cur_start), bisect.bisect_left(starts, end)
        siblings = sum(1 for a in starts[lo:hi] if a != i and shapes.get(a) == mine)
        later = bisect.bisect_right(starts, i)
        stop = starts[later] if later < len(starts) else len(units)
        ctx = Context(prev=units[i - 1] if i else None, nxt=units[k] if k < len(units) else None,
                      byline=byline, siblings=siblings, jumps=jumps,
                      caption=_caption(units[k:stop]))
        if starts_article(run, ctx, cur):
            cur_start = i
            labels: list[Unit] = []
            while len(run) >= 2 and P.FRONT_LABEL.match(run[-1]):
                run.pop()
                labels.insert(0, units[i + len(run)])
            followed_by_lead = ctx.nxt is not None and ctx.nxt.kind == "lead"
            quotes: list[Unit] = []
            while (len(run) >= 2 and not followed_by_lead and "，" in run[-1]
                   and not run[-1].startswith("—") and not _tagged(run[-1])):
                run.pop()
                quotes.insert(0, units[i + len(run)])
            header = split_header(run)
            if (header.subheadline and not followed_by_lead and not byline
                    and not _sub_ok(run[-1])):
                header.subheadline = None if len(run) == 2 or header.kicker is None else (
                    header.subheadline)
                if header.subheadline is None:
                    quotes.insert(0, units[i + len(run) - 1])
                    run.pop()
            cur = Draft(header)
            drafts.append(cur)
            for u in units[i:i + len(run)]:
                u.role = cur.header.role_of(u.text)
            for u in quotes:
                u.role = "paragraph"
                cur.add(u)
            for u in labels:
                u.role = "intertitle"
                cur.add(u, intertitle=True)
            if byline:
                cur.byline = units[j].text
                units[j].role = "byline"
                j += 1
        else:
            assert cur is not None
            for u in units[i:j]:
                u.role = "intertitle"
                cur.add(u, intertitle=True)
        i = j
    return drafts
