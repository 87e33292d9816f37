"""Runs of heading-like units: where they end, and whether one opens an article.

A run opens a new article on strong evidence (a lead or byline follows, the article
before has ended, a column tag, a subheadline, a front-matter label); a weak run is
an intertitle when it is shaped like one, has siblings of the same shape, sits in a
story that jumps, or is one line in a feature signed at its top (unless a photo
caption follows, or the story so far is a photo's caption), unless the text after it shares
almost none of the story's words (also in a continuation part); otherwise it opens a new
article. A box's label (■记者手记), alone or over the box's title, and one `X——` line with
no line under it stay in the story. A line far off the even series before it, a one-line
two-part headline with no run of its shape before it and no sibling after it, and two plain
lines (kicker and headline, also a longer kicker with a comma or over two phrases) with no
sibling open one whatever else; so does a line of no shape of the story's after ten of its
units (eight when it has none), also over a jump. A story of items stays whole: a package's
sections set alike under their writers' names, a series of comma pairs, one-line items whose
series prints words of the story's headings again (loose as their subjects are).
"""

from __future__ import annotations

import os
import re
import sys
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property
from typing import NamedTuple

from publisher.edition import patterns as P
from publisher.edition.header import sub_start
from publisher.edition.openings import opens_story
from publisher.edition.pairs import (
    BOX_MARKS,
    box_of_story,
    kicker_pair,
    label_pair,
    opens_cut,
    quoted_author,
)
from publisher.edition.units import Draft, Unit

_DEBUG = bool(os.environ.get("PARSER_DEBUG"))
#: a story this long on its page (paragraphs and intertitles) has shown the shapes of its
#: intertitles: a line of none of them opens a new story, also over a jump
LONG = 10
#: as long with no intertitle at all so far: a story set without them (南京江宁：… after one)
PLAIN_LONG = 8


def ended(prev: Unit | None) -> bool:
    """The unit before a heading closes an article: a credit in brackets, a jump, an address,
    a staff line (版式设计：…) after it."""
    if prev is None:
        return True
    if prev.jump_to is not None or prev.kind == "endnote" or prev.closes:
        return True
    if prev.kind == "byline" and prev.role == "paragraph":  # a credit after the text
        return True
    return P.has_email(prev.text)


def tagged(text: str) -> bool:
    return P.column_named(text) and not P.ORDINAL.match(text)


def sidebar_tagged(text: str) -> bool:
    """A heading tagged as a box of the story (（花絮）, （链接）): it stays in the story."""
    m = P.COLUMN_TAG.search(text)
    return m is not None and bool(P.SIDEBAR_TAG.match(m.group("tag"))
                                  or P.SIDEBAR_LABEL.match(m.group("tag")))


def _intertitle_shaped(run: list[str]) -> bool:
    for text in run:
        if tagged(text):
            return False
        if text.endswith(("：", ":")) or P.ORDINAL.match(text) or P.ORDINAL_PREFIX.match(text):
            return True
        if text[:1] in "【■□●◆" or re.search(r"\d[：:]", text):
            return True
    return False


class Shape(NamedTuple):
    """How a run of heading-like lines is set: what a series of intertitles has in common."""

    size: int  # lines, not counting a comma line under it; 0 for a `X——` run
    dash: bool  # its first line ends in `——`
    quote: bool  # one line opening with a quote
    comma: bool  # its first line has a comma
    two_phrases: bool  # one line of two phrases set apart by a space (主动请战 奋勇抗疫)
    numbered: bool  # numbered or label-shaped (`一、`, `冷思考1：`, `■`)
    box: bool  # a box's label over it (■记者手记, 相关链接)

    def kin(self, other: Shape) -> bool:
        """Set alike but for a comma, numbering or a box label."""
        return (self.size, self.dash, self.quote, self.two_phrases) == (
            other.size, other.dash, other.quote, other.two_phrases)

    def alike_but_numbering(self, other: Shape) -> bool:
        return self._replace(numbered=False) == other._replace(numbered=False)

    def alike_in_form(self, other: Shape) -> bool:
        """Same size, `——`, quote and comma: what a two-phrase line is set against."""
        return (self.size, self.dash, self.quote, self.comma) == (
            other.size, other.dash, other.quote, other.comma)


def comma_line(text: str) -> bool:
    """A line with a comma under a heading (not a `——` line, not tagged, not closing on a
    series number: …中国经济这么干①): a pull quote or the text's first words, no heading."""
    return ("，" in text and not text.startswith("—") and not tagged(text)
            and not "\u2460" <= text[-1] <= "\u2473")


def _heading_size(run: list[str]) -> int:
    """The run's lines without the comma lines under them (a pull quote, the text's first words)."""
    size = len(run)
    while size >= 2 and comma_line(run[size - 1]):
        size -= 1
    return size


def series_text(run: list[str]) -> str:
    """The run's heading lines together, without a comma line under them (the text's first
    words cut by a column): what the length of a series of pairs is read from. A `X——` series
    is read from its `X——` lines: the lines under them run as long as they need."""
    if run[0].endswith("—"):
        return run[0]
    return "".join(run[:_heading_size(run)])


def shape(run: list[str], *, whole: bool = False) -> Shape:
    """What a series of intertitles has in common: size, ——, opening quote, comma, a line of
    two phrases set apart by a space (主动请战 奋勇抗疫), numbering, a box's label over it
    (■记者手记, 相关链接: a box of the story, no sibling of its plain intertitles).

    A `X——` intertitle is a series whether or not its second line is heading-short.
    Numbering (`一、`, `冷思考1：`) counts only for runs after this one: see same_series.
    `whole`: every line counts in its size, a comma line under it too (see quoted_pairs).
    """
    first = run[0]
    dash = first.endswith("—")
    size = len(run) if whole else _heading_size(run)
    return Shape(size=0 if dash else size, dash=dash, quote=size == 1 and first.startswith("“"),
                 comma="，" in first, two_phrases=size == 1 and bool(P.TWO_PART.match(first)),
                 numbered=_intertitle_shaped(run),
                 box=bool(P.SIDEBAR_LABEL.match(first.lstrip(BOX_MARKS))))


def same_series(mine: Shape,
                other: Shape | None, *, before: bool) -> bool:
    """Whether another weak run of the story is a sibling of this one.

    Runs before it belong to the current story whatever their numbering; a plain line
    followed by numbered intertitles (`一、总体要求`) may be a new story's headline over them.
    """
    if other is None:
        return False
    return other.alike_but_numbering(mine) if before else other == mine


def off_series(text: str, before: list[str], *, far: bool = False) -> bool:
    """A line that breaks the even shape of the intertitle series before it in the story.

    Intertitles of one series are set alike: when two or more before it have (nearly) the
    same length, a line much longer or shorter is not one of them (a new story's headline).
    `far`: twice as long or half as long, which no story that jumps explains away either.
    """
    if len(before) < 2:
        return False
    sizes = [len(t) for t in before]
    if max(sizes) - min(sizes) > 2:
        return False
    mean = sum(sizes) / len(sizes)
    off = abs(len(text) - mean) > max(3.0, 0.4 * mean)
    return off and (not far or not mean / 2 < len(text) < 2 * mean)


@dataclass
class Context:
    """What surrounds a run of heading-like units."""

    prev: Unit | None
    nxt: Unit | None
    byline: bool
    siblings: int = 0
    jumps: bool = False
    caption: bool = False  # a photo caption follows, and no jump closes it
    #: one line of two phrases set apart, no run of its shape before and no sibling after
    two_part: bool = False
    off: bool = False  # twice or half the length of the even series before it: a new story
    known: bool = False  # the edition repeats it over a （上接…） continuation: a headline
    resumes: bool = False  # the story's intertitles of another shape go on after it
    #: the story printed a series of another shape, none of it goes on after this run and no
    #: run of its own shape came before: a new story's headline over a series of its own
    closed: bool = False
    kin: bool = False  # an intertitle of the story before it has its shape but for a comma
    #: in a continuation part, of no shape its first part's intertitles have (or the first part,
    #: stitch.UNTITLED paragraphs long or more, printed none)
    alien: bool = False
    named: bool = False  # a bare name signs the text under it: a section of a story
    over_section: bool = False  # a section heading and its name follow: the story's headline
    #: a label (快递员张裕：, 河北廊坊：) over it, as over a section before it in the story: the
    #: story's next section, whatever credit closed the one before
    labelled: bool = False
    noted: bool = False  # an editor's note (——编者, 编者按：) follows: a package's headline
    summed: bool = False  # a summary's marked points, then a lead: a story's headline
    #: under a short question (氢能从哪来？) after another in the story: the answer's heading
    asked: bool = False
    #: after a section's credit in a package, label-shaped as the section heading right under
    #: the package's editor's note (小读者提问：): the package's next section, no story
    headed: bool = False
    echo: bool = False  # it or a sibling prints words of the story's headings again
    voices: bool = False  # a short label over quotations signed `——闪送员姚鹏`: the story's box
    titled: bool = False  # it prints words of the story's headings again (three characters)
    restated: bool = False  # one line, the text after it prints every character pair of it
    sections: int = 0  # other runs over a name set as this one, next to it: sections alike
    #: lexical cohesion, measured only when a rule asks: whether the text after it prints the
    #: story's own rare words again (cohesive), almost none of them (loose), and whether both
    #: sides are long enough for `loose` to outweigh a feature's hold (measured)
    measure: Callable[[], tuple[bool, bool, bool]] | None = None

    @cached_property
    def _cohesion(self) -> tuple[bool, bool, bool]:
        return self.measure() if self.measure is not None else (False, False, False)

    @property
    def cohesive(self) -> bool:
        return self._cohesion[0]

    @property
    def loose(self) -> bool:
        return self._cohesion[1]

    @property
    def measured(self) -> bool:
        return self._cohesion[2]


def starts_article(run: list[str], ctx: Context, cur: Draft | None) -> bool:
    """Whether a run of heading-like units opens a new article (else: intertitles)."""
    if cur is None or (not cur.header.headline and not cur.paragraphs):
        return True
    if ctx.over_section:  # the story's headline over its first section, unless the story
        return not (cur.package and ctx.sections)  # is a package with sections set alike
    if ctx.named:  # a name signs the text under it, never a story (its byline has a title)
        return False
    nxt = ctx.nxt
    if box_of_story(run, byline=ctx.byline) and (nxt is None or nxt.kind != "lead"):
        return False  # the story's own box, also after its credit (（某某参与采写）)
    if len(run) == 1 and P.FRONT_LABEL.match(run[0]) and not cur.paragraphs:
        return False  # 核心阅读 under a headline and byline: the story's own front matter
    if P.ORDINAL_PREFIX.match(run[0]) and cur.paragraphs:
        return False  # no headline opens with a list number (二、…, （三）…): a section of the
                      # story, also one opening with its own lead (二、据新华社北京3月20日电)
    if ctx.labelled or (len(run) == 1 and P.BOOK_ITEM.match(run[0]) and cur.paragraphs):
        return False  # a section under its label; a book list's next item (《书名》：…出版)
    if len(run) == 1 and ctx.prev is not None and quoted_author(run[0], ctx.prev.text):
        return False  # 唐·杜甫 under a poem's ——《江畔独步寻花》: who wrote the lines quoted
    if ctx.headed and len(run) == 1 and not tagged(run[0]) and not ctx.byline:
        return False  # a package's next section, headed as its first under the editor's note
    if ended(ctx.prev) or ctx.noted or (nxt is not None and opens_cut("".join(run) + nxt.text)):
        return True  # …, or the text under it closes what it never opened: its start was lost
    if len(run) == 1 and _DOCUMENT.search(run[0]) and not P.column_named(run[0]):
        return True  # a document's title (…关于…的指导意见) over its full text: a story of its own
    if opens_story(nxt) or ctx.known or ctx.summed:
        return True
    if (ctx.byline and ctx.siblings and cur.continued_from is not None
            and run[0].endswith("—")):
        return False  # sub-stories of a package (`X——` over a line, a byline) going on after a jump
    if ctx.byline and not cur.package:
        return True
    if cur.package and ctx.byline and ctx.siblings and not any(tagged(t) for t in run):
        return False  # a package's sub-stories; a column-tagged headline is the next story's
    if len(run) >= 2 and P.FRONT_LABEL.match(run[-1]):
        return True
    if any(tagged(t) for t in run) and (len(run) >= 2 or not sidebar_tagged(run[0])):
        return True
    if len(run) >= 2 and any(sub_start(t) or P.SUB_END.search(t) for t in run[1:]):
        return True
    if _intertitle_shaped(run) or ctx.asked:
        return False
    if len(run) == 1 and "，" in run[0] and ctx.closed and ctx.loose:
        return True  # 鼓岭情缘，… after a story's pairs and 【点评】 lines: its own series follows
    if "，" in run[0] and not kicker_over(run, ctx):
        # a comma intertitle, unless a comma kicker over a headline whose text does not go on
        # with the story's own words
        # (a series of comma pairs through the story is its intertitles: “韵”，… / “新”，…)
        return len(run) == 2 and not ctx.cohesive and ctx.measured and not ctx.siblings
    if len(run) == 1 and run[0].endswith("—"):
        return False  # `X——` over the text, no line under it: the text's own lead-in, no kicker
    if ctx.off:  # far off the series: a new story, also in a signed feature or one that jumps
        return True
    if (len(run) == 2 and _DASH_LABEL.match(run[0]) and cur.paragraphs and not ctx.loose
            and not ctx.caption):
        return False  # 湖州德清—— over a line: the place the story's next part is set in
    if len(run) == 2 and run[0].endswith("—") and not ctx.siblings:
        return True  # `X——` over one line, shaped like no other heading of the story: kicker
    if _DEBUG:
        print(f"weak run {run!r} lead={cur.lead is not None} siblings={ctx.siblings} "
              f"jumps={ctx.jumps}", file=sys.stderr)
    if ctx.cohesive and not ctx.two_part and not ctx.caption:
        return False  # the story goes on with its own names and terms: a fragment or intertitle
    if cur.lead is not None:
        return True
    if ctx.two_part:  # 艰苦卓绝的努力 来之不易的成绩: a headline, also over a jump
        return True
    if label_pair(run) and not ctx.caption and not (ctx.loose and ctx.measured):
        return False  # a short label over a longer line: the story's two-line intertitle
    if (len(run) == 2 and not ctx.siblings and not ctx.resumes
            and (not P.TWO_PART.match(run[1]) or kicker_over(run, ctx))):
        return True  # kicker and headline, also over a jump or in a continuation part
    if ctx.caption:  # a photo item (图为…, 3月20日，…) after the story, whatever the shape
        return True  # of the story's intertitles, also when a later story's text jumps
    if ctx.kin and len(run) == 1 and run[0].startswith("“") and not ctx.loose:
        return False  # a quote set as the story's quoted intertitles but for a comma: the
                      # round-up's next section, also in a continuation part
    if (len(run) == 1 and ctx.jumps and not ctx.siblings and not ctx.resumes and not ctx.kin
            and cur.continued_from is None
            and len(cur.paragraphs) >= (LONG if cur.intertitles else PLAIN_LONG)):
        return True  # a line of no shape of the story's after LONG units of it: a new story
    if ctx.alien and not ctx.resumes:  # the story's intertitles are known from the page it
        return True                     # jumps from, and this line is shaped like none of them
    if (ctx.siblings or ctx.jumps or ctx.resumes) and not ctx.loose:
        return False
    if ctx.siblings and ctx.echo:  # items of the theme the headline names, each of its own
        return False               # subject: loose with the story so far, yet the story's
    if ctx.loose and ctx.measured:  # the text after it is another story's, also in a
        return True                 # continuation part
    if cur.continued_from is not None and ctx.loose and not ctx.siblings:
        return True  # a part too short to measure, its words not going on: the next story
    if cur.continued_from is not None:  # a jumped feature goes on
        return False
    if (len(run) == 1 and (ctx.titled or ctx.voices or ctx.restated) and not ctx.loose
            and not ctx.caption):
        # it prints words of the story's headings again, or the text after it prints it again
        # (drawn from the sentence it heads), or it labels signed remarks: the story's own
        return False
    if cur.package and len(run) == 1:  # a package's sub-stories come with their bylines;
        return False                    # one line is its text
    # one line inside a feature signed at its top is its intertitle, unless a photo caption follows
    # or the story so far is a photo's caption
    return not (len(run) == 1 and cur.byline is not None and not cur.package
                and not any(tagged(t) for t in (cur.header.headline, cur.header.kicker or ""))
                and not _captioned(cur.paragraphs))


def kicker_over(run: list[str], ctx: Context) -> bool:
    """A kicker over a headline (see pairs.kicker_pair), of no series of the story."""
    return kicker_pair(run) and not ctx.siblings and not ctx.resumes


#: a short name over the part of the story it heads (湖州德清——): no kicker, a full line
_DASH_LABEL = re.compile(r"^[\u4e00-\u9fff]{2,5}——$")
#: a document's title: 关于…的意见 / 决定 / 通知 …, printed in full under it
_DOCUMENT = re.compile(r"^[^，。：]{2,30}关于[^，。：]{4,40}的"
                       r"(?:指导)?(?:意见|决定|通知|规定|办法|方案|条例|决议)$")
_CAPTION = re.compile(r"图为|摄）?$")
_CAPTION_DAY = re.compile(r"^(?:\d{4}年)?\d{1,2}月\d{1,2}日[，,]")


def caption_follows(stretch: list[Unit]) -> bool:
    """A photo caption follows the heading (see _captioned)."""
    return _captioned([u.text for u in stretch])


def _captioned(paragraphs: list[str]) -> bool:
    """A photo item: a few paragraphs, 图为…, ending with 摄, or opening with the day (its
    first paragraph: a later paragraph of a story opens with a date as often)."""
    return 0 < len(paragraphs) <= 3 and (any(_CAPTION.search(t) for t in paragraphs)
                                         or bool(_CAPTION_DAY.match(paragraphs[0])))
