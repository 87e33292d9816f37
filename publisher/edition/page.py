"""One page: bytes to Page with its articles and the role of every block."""

from __future__ import annotations

import datetime as dt
import hashlib
import re
from collections.abc import Mapping

from publisher.edition import patterns as P
from publisher.edition.blocks import Block, split_blocks
from publisher.edition.decode import decode_page
from publisher.edition.fields import Credit, cn_number, is_byline, is_lead, parse_byline, parse_lead
from publisher.edition.header import bare_name, credit_line, signing_name
from publisher.edition.join import asking_kicker, heading_like, join_fragments
from publisher.edition.normalize import normalize_text
from publisher.edition.segment import Draft, Unit, segment
from publisher.edition.stitch import FirstPart
from publisher.identity import article_key
from publisher.models import Article, Dateline, Page, Publication

_INCOMPLETE = re.compile(r"^(?:[，、。；：！？）》”’,.;:)]|[\u4e00-\u9fff][、，；：。])")


def _kind(text: str) -> str:
    if is_lead(text):
        return "lead"
    if is_byline(text) or P.SIGNATURE.match(text):
        return "byline"
    if text[:1] in "（(" and text[-1:] in "）)" and not P.ORDINAL.match(text) and len(text) > 3:
        return "endnote"
    if (len(text) <= 60 and P.has_email(text)) or credit_line(text):
        return "endnote"
    return "text"


def _unended(text: str) -> bool:
    """No sentence end anywhere: a heading line, however long, not a paragraph's last part."""
    return not any(c in text for c in P.TERMINAL) and text[-1:] not in "，、；：,;:”）)"


def _strip_jumps(text: str) -> tuple[str, int | None, int | None]:
    jump_to = jump_from = None
    if "版" not in text:
        return text, None, None
    for m in P.JUMP.finditer(text):
        page = cn_number(m.group("page"))
        if P.jumps_on(m):
            jump_to = page
        else:
            jump_from = page
    return P.JUMP.sub("", text).strip(), jump_to, jump_from


def build_units(blocks: list[Block]) -> tuple[list[Unit], list[int]]:
    """Units after joining column breaks, and for every block the unit it went into (-1: none)."""
    pieces: list[Unit] = []
    owner: list[int] = []
    joinable: list[bool] = []
    pending_from: int | None = None
    barrier = True
    for block in blocks:
        if block.role == "jump" or block.role == "text":
            text, jump_to, jump_from = _strip_jumps(block.text)
            if jump_from is not None:
                pending_from = jump_from
            if jump_to is not None and pieces and not text:
                pieces[-1].jump_to = jump_to
            if not text:
                owner.append(len(pieces) - 1 if jump_to is not None and pieces else -1)
                barrier = barrier or jump_to is not None
                continue
            unit = Unit(text, _kind(text), jump_to=jump_to, jump_from=pending_from)
            ok = (not barrier and unit.kind == "text" and pending_from is None
                  and pieces[-1].kind in ("text", "lead") and pieces[-1].jump_to is None)
            pending_from = None
            owner.append(len(pieces))
            pieces.append(unit)
            joinable.append(ok)
            barrier = False
        else:
            owner.append(-1)
            barrier = True
            if block.role == "furniture" and pieces and P.STAFF.match(block.text):
                pieces[-1].closes = True
    for n in range(len(pieces) - 1):  # no sentence end right before a lead: a subheadline
        if pieces[n + 1].kind == "lead" and _unended(pieces[n].text):
            joinable[n] = False
    # each found on the pieces as the finds before it left them
    for find, kind in ((_signed_sections, "name"), (_signed_parts, "name"), (_guests, "guest")):
        for n in find(pieces):
            pieces[n].kind = kind
            joinable[n] = joinable[n + 1] = False
    # the first block under a byline printed below a heading opens the story's text
    opening = frozenset(n for n in range(2, len(pieces)) if pieces[n - 1].kind in ("byline", "name")
                        and pieces[n - 2].kind == "text" and heading_like(pieces[n - 2].text))
    # the page's first block, and the first after a （下转…）: a story starts there
    fresh = frozenset(n for n in range(len(pieces)) if pieces[n].jump_from is None
                      and (n == 0 or pieces[n - 1].jump_to is not None))
    merged = join_fragments([u.text for u in pieces], joinable, opening, fresh)
    units: list[Unit] = []
    remap: dict[int, int] = {}
    for n, (first, text) in enumerate(merged):
        last = merged[n + 1][0] - 1 if n + 1 < len(merged) else len(pieces) - 1
        base = pieces[first]
        tail = pieces[last]
        kind = base.kind if base.kind != "text" or first == last else _kind(text)
        units.append(Unit(text, kind, jump_to=tail.jump_to, jump_from=base.jump_from,
                          closes=tail.closes))
        for k in range(first, last + 1):
            remap[k] = n
    for n in range(len(units) - 1):
        units[n].asks = units[n].kind == "text" and (
            asking_kicker(units[n].text, units[n + 1].text)
            or (_closed_before(units, n) and _exclaims(units[n].text)))
    return units, [remap.get(o, -1) if o >= 0 else -1 for o in owner]


#: an exclaiming headline runs to a line or so (“校园餐”里“捞油水”，严查！)
EXCLAIM_MAX = 30


def _closed_before(units: list[Unit], n: int) -> bool:
    """Nothing before unit n goes on into it: the page's first text, or the text after a
    （下转…）, a closing credit or a staff line; a story starts there."""
    if n == 0:
        return True
    prev = units[n - 1]
    return prev.jump_to is not None or prev.kind == "endnote" or prev.closes


def _exclaims(text: str) -> bool:
    """A short line closing on its one `！` (not inside a quote): where a story starts, its
    headline; a story's text does not open on a bare exclamation."""
    return (len(text) <= EXCLAIM_MAX and text.endswith(("！", "!"))
            and not any(c in text[:-1] for c in P.TERMINAL))


def _signing_place(pieces: list[Unit], n: int) -> bool:
    """Piece n stands where a section's signature does: under a heading line, over prose, no
    jump line between (n is neither the first piece nor the last)."""
    return (pieces[n - 1].kind == "text" and pieces[n - 1].jump_to is None
            and pieces[n].jump_from is None and heading_like(pieces[n - 1].text)
            and _prose(pieces[n + 1].text))


def _signed_sections(pieces: list[Unit]) -> list[int]:
    """Name lines under a section heading (乡村小店有人气 / 庄永明 / text): how a multi-part
    story signs its sections; no story of the layout is signed so over its headline."""
    return [n for n in range(1, len(pieces) - 1)
            if pieces[n].kind == "text" and _signing_place(pieces, n)
            and signing_name(pieces[n].text)]


def _signed_parts(pieces: list[Unit]) -> list[int]:
    """A compilation's parts, each under its heading and signed by who spoke (`北京大学经济学院院长
    张  辉`) or by another outlet's reporter (`《环球人物》记者  毛予菲`): two or more such
    signatures near each other sign sections of one story, as a bare name does. The layout's own
    bylines (本报记者, 新华社记者) and one official's signed article stay bylines."""
    signed = [n for n in range(1, len(pieces) - 1)
              if pieces[n].kind in ("text", "byline") and _signing_place(pieces, n)
              and _part_signature(pieces[n].text)]
    return [n for n in signed if any(m != n and abs(m - n) <= PART_SPAN for m in signed)]


#: sections of a compilation signed so are at most this many pieces apart
PART_SPAN = 60


def _part_signature(text: str) -> bool:
    if P.MEDIA_BYLINE.match(text):
        return True
    by = P.BYLINE.match(text)
    if by is not None:  # another outlet's reporter (人民网记者  章斐然), not the layout's own
        return by.group("src") not in (None, "本报", "新华社")
    m = _TITLE_NAME.match(text)
    # jieba reads some names as words (魏育成: 魏 育成); a post before them names a person
    return m is not None and (
        bare_name(m.group("name")) or bool(P.POST_END.search(m.group("title"))))


def _guests(pieces: list[Unit]) -> list[int]:
    """A roundtable's list of who speaks, one `name  title` line each (对话嘉宾： / 黄  龙  全国
    总工会基层工作部部长 / 李培林  …): text of the story, never a heading run."""
    listed = [p.kind == "text" and _name_title(p.text) for p in pieces]
    return [n for n in range(len(pieces) - 1) if listed[n] and (
        listed[n + 1] or (n and listed[n - 1]) or (n and pieces[n - 1].text.endswith("："))
    )]


#: a speaker's post and name, set apart by spaces (…有限公司总裁  魏育成, …院长  张  辉)
_TITLE_NAME = re.compile(r"^(?P<title>[\u4e00-\u9fff·（）、]{4,40}?)\s+"
                         r"(?P<name>[\u4e00-\u9fff]\s+[\u4e00-\u9fff]|[\u4e00-\u9fff·]{2,4})$")


def _name_title(text: str) -> bool:
    m = _NAME_TITLE.match(text)
    return m is not None and bare_name(m.group("name"))


_NAME_TITLE = re.compile(r"^(?P<name>[\u4e00-\u9fff]\s+[\u4e00-\u9fff]|[\u4e00-\u9fff]{2,4})\s+"
                         r"[\u4e00-\u9fff、·（）]{3,30}$")


def _prose(text: str) -> bool:
    """Text, not a heading: a sentence end, or clauses, or a quote left open (a column break
    may cut it short; a heading closes its quotes)."""
    return (not heading_like(text) or any(c in text for c in "，、；")
            or text.count("“") > text.count("”"))


def _credit(draft: Draft, edition_date: dt.date | None) -> Credit:
    credit = Credit()
    if draft.lead is not None:
        credit = parse_lead(draft.lead, edition_date) or credit
    if draft.byline is not None:
        by = parse_byline(draft.byline)
        if by is not None:
            credit.source = credit.source or by.source
            credit.authors = list(dict.fromkeys(by.authors + credit.authors))
    return credit


def to_article(draft: Draft, number: int, edition_date: dt.date | None,
               page_name: str | None) -> Article:
    credit = _credit(draft, edition_date)
    dateline = None
    if credit.place or credit.date:
        dateline = Dateline(place=credit.place, date=credit.date)
    first = draft.paragraphs[0] if draft.paragraphs else ""
    incomplete = draft.continued_from is None and (
        not draft.header.headline or bool(_INCOMPLETE.match(first) or P.LEAD_REST.match(first)))
    return Article(
        id=article_key(number, draft.header.headline),
        headline=draft.header.headline,
        kicker=draft.header.kicker,
        subheadline=draft.header.subheadline,
        authors=credit.authors,
        source=credit.source,
        dateline=dateline,
        paragraphs=draft.paragraphs,
        intertitles=draft.intertitles,
        page=number,
        pages=[number],
        page_name=page_name,
        continued_on=draft.continued_on,
        continued_from=draft.continued_from,
        incomplete_start=incomplete,
    )


def unique_ids(articles: list[Article]) -> None:
    """Salt article keys only where two articles of one edition would collide."""
    seen: set[str] = set()
    salts: dict[str, int] = {}
    for art in articles:
        base = art.id
        while art.id in seen:
            salts[base] = salts.get(base, 0) + 1
            art.id = article_key(art.page, art.headline, salt=f"#{salts[base]}")
        seen.add(art.id)


def parse_page(
    data: bytes, *, number: int, edition_date: dt.date | None = None,
    publication: Publication | None = None, name: str | None = None, file: str | None = None,
    known: Mapping[str, int] | None = None, earlier: Mapping[str, FirstPart] | None = None,
) -> Page:
    """Parse one page file's bytes into a Page with articles and block roles.

    `known`: headlines of this page's stories that jump, as other pages repeat them over
    （上接第N版） (spaces removed), and the page of that continuation: such a heading opens
    its story, which runs to its （下转…）. `earlier`: headlines of this page's continuation
    parts and the shapes of their first part's intertitles (see segment).
    """
    text = normalize_text(decode_page(data, file=file or f"page {number}"))
    names = frozenset(n for n in (publication.name if publication else None,) if n)
    blocks = split_blocks(text, publication_names=names,
                          masthead=frozenset(publication.masthead) if publication else frozenset())
    blocks = _page_top(blocks, find_paper=not names, page_name=name)
    units, owner = build_units(blocks)
    drafts = segment(units, known, earlier)
    articles = [to_article(d, number, edition_date, name) for d in drafts
                if d.header.headline or d.paragraphs]
    unique_ids(articles)
    roles: list[tuple[str, str]] = []
    last = -2
    for block, o in zip(blocks, owner, strict=True):
        if o < 0:
            roles.append((block.role if block.role != "text" else "jump", block.text))
        else:
            role = units[o].role or "paragraph"
            roles.append((role if o != last else "continuation", block.text))
        last = o
    return Page(number=number, name=name, file=file, sha256=hashlib.sha256(data).hexdigest(),
                articles=articles, roles=roles)


def _page_top(blocks: list[Block], *, find_paper: bool, page_name: str | None) -> list[Block]:
    """Above the first story: a short 报/刊 name (when not configured) is the masthead,
    the page's own name (版名 from edition.toml, 评论, 要闻) is furniture."""
    for block in blocks[:4]:
        if block.role != "text":
            continue
        if find_paper and len(block.text) <= 6 and block.text.endswith(("报", "刊")):
            block.role = "masthead"
        elif page_name and block.text.replace(" ", "") == page_name.replace(" ", ""):
            block.role = "furniture"
        else:
            break
    return blocks
