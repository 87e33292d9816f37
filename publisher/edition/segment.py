"""Units of a page (joined paragraphs, headings, leads, bylines) grouped into articles.

Every run of heading-like units either opens a new article (its lines split into
kicker, headline and subheadline) or becomes intertitles of the current one; see
runs.py for the evidence used.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Mapping
from functools import partial

from publisher.edition import patterns as P
from publisher.edition.cohesion import Vocabulary, echoes, names_part, restated
from publisher.edition.compiled import parts_page
from publisher.edition.header import Header, split_header, sub_ok
from publisher.edition.join import heading_like
from publisher.edition.openings import opens_story, summary_over_lead
from publisher.edition.pairs import asked, marked_text, quote_pair, signed_quotes
from publisher.edition.runs import (
    Context,
    Shape,
    caption_follows,
    comma_line,
    off_series,
    same_series,
    series_text,
    shape,
    starts_article,
    tagged,
)
from publisher.edition.spans import find_runs, region_end, run_end, strong
from publisher.edition.stitch import FirstPart
from publisher.edition.units import Draft, Unit, head_key

__all__ = ["Draft", "Unit", "segment", "starts_article"]

#: the share of the story's rare vocabulary the text after a one-line run must print again
#: for the run to be inside the story (new stories after it measured at most 0.13)
COHESIVE = 0.15
#: below this share the text after it is another story's (intertitles measured at least 0.03)
LOOSE = 0.03
#: the story so far and the text after the run must be this long (and half as long) for
#: the share to outweigh a package's or a signed feature's hold
MEASURED = 400
#: an editor's note opens a package: it is signed within this many paragraphs of the headline
NOTE_SPAN = 5
#: a label under a headline runs to four characters (人物小传); a subheadline says more
LABEL_MAX = 4


def segment(units: list[Unit], known: Mapping[str, int] | None = None,
            earlier: Mapping[str, FirstPart] | None = None) -> list[Draft]:
    """Group units into article drafts, in page order.

    `known`: headlines (spaces removed) that the edition prints again over a （上接第N版）
    continuation of a story from this page, and the page of that continuation; a heading
    with that text opens its story, and the story runs to its （下转…） to that page: no
    heading before the jump opens another story unless a lead follows it.
    `earlier`: headlines of this page's continuation parts and the shapes of the intertitles
    their first part prints on the page they jump from: those are siblings too (see
    stitch.FirstPart: whether it is a package).
    """
    known = known or {}
    earlier = earlier or {}
    hold = -1  # the index of the jump that ends the known story being read
    drafts: list[Draft] = []
    cur: Draft | None = None
    runs = find_runs(units)
    lines = {a: [u.text for u in units[a:b]] for a, b in runs}
    # a bare number (1, 2 … over an interview's questions) is no heading: nobody's sibling
    shapes = {a: shape(lines[a]) for a, b in runs
              if not strong(units, a, b) and not (b == a + 1 and P.ORDINAL.match(units[a].text))}
    starts = [a for a, _ in runs]
    # a phrase over a quotation: siblings whether or not the quotation has a comma
    quoted = {a: shape(lines[a], whole=True) for a in shapes if quote_pair(lines[a])}
    # a run's lines together: a series of pairs is even as pairs (侗族大歌 / “让更多人…”), its
    # short labels alone may run four characters, then eight
    whole = {a: series_text(texts) for a, texts in lines.items()}
    vocabulary = Vocabulary([u.text for u in units])
    # the intertitle a continuation part opens at: a sibling of the part's later ones
    opening: dict[int, Shape] = {}
    cur_start = 0
    i = 0
    while i < len(units):
        unit = units[i]
        if not unit.candidate:
            if cur is None or _past_jump(units, i, cur):
                cur = Draft(Header(headline=""))
                drafts.append(cur)
            if unit.kind == "byline" and not cur.paragraphs and cur.byline is None:
                cur.byline = unit.text
                unit.role = "byline"
            elif unit.kind == "byline" and cur.byline is None:  # signed at the end: kept as printed
                cur.byline = unit.text
                unit.role = "paragraph"
                cur.add(unit)
            elif _opens_continuation_with_heading(unit):
                # a continuation that opens at an intertitle: it and the heading lines straight
                # after it (a two-line intertitle) are the story's, never a new story's headline
                nxt = i + 1
                j = run_end(units, nxt) if nxt < len(units) and units[nxt].candidate else nxt
                for u in units[i:j]:
                    u.role = "intertitle"
                    cur.add(u, intertitle=True)
                opening[id(cur)] = shape([u.text for u in units[i:j]])
                i = j
                continue
            else:
                unit.role = "lead" if unit.kind == "lead" else "paragraph"
                cur.add(unit)
            i += 1
            continue
        j = run_end(units, i)
        mine = shape([u.text for u in units[i:j]])  # as printed, a section heading with it
        at = bisect.bisect_left(starts, i)
        sections = _sections(units, runs, at, mine) if at < len(starts) and starts[at] == i else 0
        if (j - i >= 2 and j < len(units) and units[j].kind == "name"
                and not _sectioned(units, cur_start, i, sections)):
            j -= 1  # the section heading the name signs: the story's first intertitle
        named = j < len(units) and units[j].kind == "name"
        over_section = j + 1 < len(units) and units[j + 1].kind == "name"
        run = [u.text for u in units[i:j]]
        byline = j < len(units) and units[j].kind == "byline"
        k = j + 1 if byline else j
        end, jumps = region_end(units, j)
        lo, hi = bisect.bisect_right(starts, cur_start), bisect.bisect_left(starts, end)
        sibs = [a for a in starts[lo:hi]
                if a != i and (same_series(mine, shapes.get(a), before=a < i)
                               or (i in quoted and quoted.get(a) == quoted[i]))]
        before = [whole[a] for a in sibs if a < i]
        siblings = 0 if off_series(series_text(run), before) else len(sibs)
        part = (earlier.get(head_key(cur.header.headline))
                if cur is not None and cur.continued_from is not None else None)
        first_part = part.shapes if part is not None else None
        if cur is not None and part is not None and part.package:
            cur.package = True  # a package goes on after its jump: its parts come signed
        own = [opening[id(cur)]] if cur is not None and id(cur) in opening else []
        siblings += sum(same_series(mine, o, before=True) for o in [*(first_part or []), *own])
        # an intertitle of the story before it of this shape but for a comma
        kin = any(a < i and (o := shapes.get(a)) is not None and o.kin(mine)
                  for a in starts[lo:hi]) or any(o.kin(mine) for o in first_part or [])
        # a line far off the series of its own numbering before it: a new story's headline
        off = off_series(series_text(run), [whole[a] for a in sibs if a < i and shapes[a] == mine],
                         far=True)
        later = bisect.bisect_right(starts, i)
        stop = starts[later] if later < len(starts) else len(units)
        # the story's own series of intertitles goes on after this run: it is inside the story
        series = {shapes.get(a) for a in starts[lo:later - 1] if cur_start < a < i} - {None, mine}
        resumes = any(shapes.get(a) in series for a in starts[later:hi])
        told = Counter(shapes.get(a) for a in starts[lo:later - 1] if cur_start < a < i)
        closed = (not resumes and not any(a < i for a in sibs)
                  and any(n >= 2 for o, n in told.items() if o is not None and o != mine))
        # a label over it, as over a part before it in the story (or in its first part, on the
        # page it jumps from, a run of its shape)
        labelled = len(run) >= 2 and bool(P.SECTION_LABEL.match(run[0])) and (
            any(P.SECTION_LABEL.match(units[a].text) for a in starts[lo:later - 1]
                if cur_start < a < i)
            or any(same_series(mine, o, before=True) for o in first_part or []))
        ctx = Context(prev=units[i - 1] if i else None, nxt=units[k] if k < len(units) else None,
                      byline=byline, siblings=siblings, jumps=jumps, off=off,
                      two_part=(len(run) == 1 and bool(P.TWO_PART.match(run[0]))
                                and not any(a < i and shapes[a].alike_in_form(mine)
                                            for a in starts[lo:hi] if a in shapes)
                                # a series of them through one story is its intertitles
                                and not any(a > i for a in sibs)),
                      caption=caption_follows(units[k:stop]) and not (jumps and end <= stop),
                      known=any(head_key(t) in known for t in run),
                      resumes=resumes, closed=closed, kin=kin,
                      alien=first_part is not None and not siblings,
                      named=named, over_section=over_section, sections=sections,
                      labelled=labelled, noted=_editor_note(units[k:stop]),
                      voices=len(run) == 1 and signed_quotes(run[0], units[k:stop]),
                      summed=summary_over_lead(units, k),
                      asked=i > 0 and cur is not None and asked(
                          units[i - 1].text, cur.paragraphs, part.questions if part else 0))
        if cur is not None and cur.package and i and units[i - 1].kind == "endnote":
            # label-shaped only (a plain line after a credit is as often the next story's)
            ctx.headed = mine.numbered and not opens_story(ctx.nxt) and any(
                P.EDITOR_NOTE_SIG.match(units[a - 1].text) and shapes.get(a) == mine
                for a in starts[lo:at] if cur_start < a)
        # one-line items only: a kicker and headline pair of the next story shares a term
        # with the story's kicker as often (…一体化技术—— over 广西北海一体化开展…)
        if cur is not None and siblings and len(run) == 1:
            ctx.echo = echoes([*run, *(units[a].text for a in sibs)], _heads(cur.header))
        if cur is not None and len(run) == 1:
            ctx.titled = names_part(run[0], _heads(cur.header))
            ctx.restated = restated(run[0], [u.text for u in units[j:stop]])
        if len(run) <= 2 and cur is not None and cur.paragraphs:
            ctx.measure = partial(_cohesion, vocabulary, cur.paragraphs, units[j:stop])
        held = i < hold and not opens_story(ctx.nxt)
        if not held and starts_article(run, ctx, cur):
            cur_start = i
            labels: list[Unit] = []
            # a page of parts: its first part's heading under the headline (compiled.py)
            parts = byline and at < len(runs) and parts_page(run, units, runs, at, end)
            if parts:
                labels = units[i + 1:i + len(run)]
                del run[1:]
            # a bare section number under the heading ((一)) is the text's first intertitle,
            # so is a book list's first item (《书名》：某某著；某出版社出版)
            while len(run) >= 2 and (P.FRONT_LABEL.match(run[-1]) or P.ORDINAL.match(run[-1])
                                     or P.BOOK_ITEM.match(run[-1]) or _label_under_headline(run)):
                run.pop()
                labels.insert(0, units[i + len(run)])
            followed_by_lead = ctx.nxt is not None and ctx.nxt.kind == "lead"
            quotes: list[Unit] = []
            # a line under a `X——` kicker is the headline it leads to, comma or not
            while (len(run) >= 2 and not followed_by_lead and not run[-2].endswith("—")
                   and (comma_line(run[-1]) or _lead_in(run[-1]))
                   and not _comma_pair(run)):
                run.pop()
                quotes.insert(0, units[i + len(run)])
            # a summary's first words under the headline (■当前和今后…) and the rest of them
            marked = next((n for n in range(1, len(run)) if marked_text(run[n])), len(run))
            quotes[:0] = units[i + marked:i + len(run)]
            del run[marked:]
            header = split_header(run)
            if (header.subheadline and not followed_by_lead and not byline
                    and not over_section and not sub_ok(run[-1])):
                header.subheadline = None if len(run) == 2 or header.kicker is None else (
                    header.subheadline)
                if header.subheadline is None:
                    quotes.insert(0, units[i + len(run) - 1])
                    run.pop()
            cur = Draft(header)
            drafts.append(cur)
            hold = _jump_end(units, j, next((known[h] for t in run
                                             if (h := head_key(t)) in known), None))
            for u in units[i:i + len(run)]:
                u.role = cur.header.role_of(u.text)
            for u in quotes:
                u.role = "paragraph"
                cur.add(u)
            for u in labels:
                u.role = "intertitle"
                cur.add(u, intertitle=True)
            if byline and parts:  # the part's byline, as those of the parts after it
                units[j].role = "paragraph"
                cur.add(units[j])
                cur.package = True
                j += 1
            elif byline:
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


def _cohesion(vocabulary: Vocabulary, told: list[str],
              after: list[Unit]) -> tuple[bool, bool, bool]:
    """Cohesive, loose, measured (see runs.Context) for a run of one or two lines (an
    intertitle pair: 一体谋划共同推进 / 赋能发展双向奔赴) between the story so far (`told`) and
    the stretch after it."""
    before, rest = "".join(told), "".join(u.text for u in after)
    shared = vocabulary.shared(before, rest)
    return (shared >= COHESIVE, shared < LOOSE,
            len(before) >= MEASURED and len(rest) >= MEASURED // 2)


def _sectioned(units: list[Unit], start: int, i: int, sections: int) -> bool:
    """Right under an editor's note, or in a story signed section by section: the lines over a
    section heading and its name are that section's (an object's caption), not a headline."""
    if i and P.EDITOR_NOTE_SIG.match(units[i - 1].text):
        return True
    # a column tag or a `——` subheadline in the run: the next story's headline over its section
    # and the story's other signed sections set as this run (a compilation's one-line section
    # headings under its headline: the next one's headline and first heading are no section)
    return sections > 0 and any(u.kind == "name" for u in units[start:i]) and not any(
        tagged(u.text) or u.text.startswith("—") for u in units[i:run_end(units, i)])


def _heads(header: Header) -> list[str]:
    return [t for t in (header.kicker, header.headline, header.subheadline) if t]


def _sections(units: list[Unit], runs: list[tuple[int, int]], k: int, mine: Shape) -> int:
    """The other sections a name signs next to this run, their headings set as this one
    (山西襄汾陶寺遗址出土圭表 / 都城中的早期“中国” / 何 努 …): items of one story, each closed
    by its writer's credit. Counted up to a heading that opens a story whatever surrounds it (a
    column tag, a lead under it); a column fragment of a section's text is passed over. `k`:
    the run's index in `runs`."""
    if not _signed(units, runs[k], mine):
        return 0
    count = 0
    for step in (-1, 1):
        n = k + step
        while 0 <= n < len(runs) and not _heads_story(units, runs[n]):
            count += _signed(units, runs[n], mine)
            n += step
    return count


def _heads_story(units: list[Unit], run: tuple[int, int]) -> bool:
    a, b = run
    return opens_story(units[b] if b < len(units) else None) or any(
        tagged(u.text) for u in units[a:b])


def _signed(units: list[Unit], run: tuple[int, int], mine: Shape) -> bool:
    a, b = run
    return b < len(units) and units[b].kind == "name" and shape(
        [u.text for u in units[a:b]]) == mine


def _label_under_headline(run: list[str]) -> bool:
    """A line of a few characters closing a heading run under its headline (人物小传 under a
    kicker and headline, or under a tagged headline): a label of the text under it. No
    subheadline is so short (the shortest seen, 栗战书主持, has five)."""
    last = run[-1]
    return (len(last) <= LABEL_MAX and all("\u4e00" <= c <= "\u9fff" for c in last)
            and (len(run) >= 3 or tagged(run[-2])))


def _comma_pair(run: list[str]) -> bool:
    """Two comma lines, the second the shorter and no sentence (传承文化基因，锻造创意新品，
    展示城市形象 / 创新引领，文创产品融入日常生活): a kicker over its headline. A pull quote or
    the text's first words under a headline run longer than it, or close on a stop."""
    return (len(run) == 2 and comma_line(run[0]) and len(run[1]) < len(run[0])
            and not run[1].endswith(("。", "！", "？")))


def _lead_in(text: str) -> bool:
    """A long line ending in a colon under a heading: the text's first sentence, opening a
    list (…决定任免下列驻外大使：), never a heading line (those end so when short: 某某：)."""
    return text.endswith(("：", ":")) and len(text) >= 20 and not text.startswith("—")


def _opens_continuation_with_heading(unit: Unit) -> bool:
    """The first unit after a `（上接…）`, shaped as a heading: the intertitle the part opens at."""
    return (unit.jump_from is not None and unit.kind == "text" and unit.jump_to is None
            and heading_like(unit.text) and not unit.text.startswith("—"))


def _past_jump(units: list[Unit], i: int, cur: Draft) -> bool:
    """A story's part ends at its （下转…）: text after it, under no heading the page printed
    plainly (a kicker run into its headline), belongs to another story."""
    return (i > 0 and units[i - 1].jump_to is not None and units[i].jump_from is None
            and bool(cur.paragraphs) and units[i].kind == "text")


def _jump_end(units: list[Unit], start: int, target: int | None) -> int:
    """Where a known story's first part ends: its （下转…） to the page that repeats it."""
    if target is not None:
        for k in range(start, len(units)):
            if units[k].jump_to == target:
                return k
    return -1


def _editor_note(stretch: list[Unit]) -> bool:
    """An editor's note (signed `——编者`, or opening `编者按：`) in the first few paragraphs
    under the heading, no other signature (`——严锋（复旦大学教授）`, closing a list's item)
    before it."""
    for u in stretch[:NOTE_SPAN]:
        if P.EDITOR_NOTE_SIG.match(u.text):
            return True
        if u.text.startswith("——"):
            return False
    return False
