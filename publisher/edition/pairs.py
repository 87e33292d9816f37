"""Heading lines read by their shape alone: a kicker over a headline, a box's label over the
box's title, a question over its answer's heading, a poet's credit under the poem's source."""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from publisher.edition import patterns as P

if TYPE_CHECKING:  # units imports join, which imports this module
    from publisher.edition.units import Unit

#: a kicker over a headline runs a full line or more (江苏溧阳开设沉浸式党课，场地多元、形式多样);
#: a column fragment before a line (近日，小镇来了客人 | 乡村旅游正当时) is shorter
KICKER_LONG = 15
#: the marks a box's label is printed with (■记者手记, 【相关链接】)
BOX_MARKS = "■□●◆【】 "


def kicker_pair(run: list[str]) -> bool:
    """Two lines, the first a full line longer than the second: a kicker over a headline, even
    with a comma in the kicker or two phrases in the headline, and with a comma in the
    headline under a comma kicker (传承文化基因，锻造创意新品，展示城市形象 / 创新引领，文创
    产品融入日常生活). A feature's intertitle pairs set a short phrase over a longer line
    (港口更大气 / 发展高效益 生态高颜值)."""
    return (len(run) == 2 and len(run[0]) > max(len(run[1]), KICKER_LONG - 1)
            and ("，" not in run[1] or "，" in run[0]) and not run[0].endswith("—"))


#: a feature's intertitle label: a short phrase (怎么避坑, 村史载乡愁), shorter than any kicker
LABEL_MAX = 5
_LABEL = re.compile(rf"^[\u4e00-\u9fff]{{2,{LABEL_MAX}}}$")


def label_pair(run: list[str]) -> bool:
    """A short phrase over a line at least as long: a feature's two-line intertitle
    (怎么避坑 / 提防假内容、假流量、不公平合约), not a kicker over a headline (a kicker is a
    full line: 山西省阳城县推进乡村文化记忆工程)."""
    return (len(run) == 2 and bool(_LABEL.match(run[0])) and len(run[1]) >= len(run[0])
            and not run[1].startswith("—"))


def quote_pair(run: list[str]) -> bool:
    """A phrase over a quotation in full (青年朋友的知心人 / “我到任何一个地方都关心青年”): a
    feature's two-line intertitle, set as its siblings are whether or not the quotation has a
    comma (a comma line under a heading is otherwise no part of its shape)."""
    return (len(run) == 2 and run[1].startswith("“") and run[1].endswith("”")
            and "——" not in run[0] and "“" not in run[0])


def box_of_story(run: list[str], *, byline: bool) -> bool:
    """A box's label (相关链接), alone, or marked (■记者手记) over the box's title (and its
    second line: 链接 / “十四五”时期 / 累计向社会输送…) with no byline under it: a box of the
    story, never a story of its own (the corpus prints none)."""
    if len(run) == 1:
        return bool(P.SIDEBAR_LABEL.match(run[0]))
    return len(run) in (2, 3) and not byline and bool(
        P.SIDEBAR_LABEL.match(run[0].lstrip(BOX_MARKS)))


#: a question set as a heading over its answer's heading line (氢能用在哪？ / 既是…)
QUESTION_MAX = 12


def _question(text: str) -> bool:
    return len(text) <= QUESTION_MAX and text.endswith(("？", "?")) and "，" not in text


def questions(told: list[str]) -> int:
    """How many short questions a story prints alone, as lines of their own."""
    return sum(map(_question, told))


def asked(prev: str, told: list[str], before: int = 0) -> bool:
    """A short question over the run, and another printed alone before it in the story (`told`,
    the question included, or `before` in its first part on the page it jumps from): the story
    asks its questions one by one, each over the heading of its answer (成本怎么降？ / 风光发电
    制氢，发展储运技术); no headline is printed under the text's question."""
    return _question(prev) and questions(told) + before >= 2


def marked_text(text: str) -> bool:
    """A line under a headline opening with a box mark and no box label (■当前和今后一个时期
    城市…): the first words of a summary printed over the text, cut by a column break; or one
    of the points a summary lists, each behind its bullet (●我国已与80多个…签署…协定)."""
    return text[:1] in "■□●" and not P.SIDEBAR_LABEL.match(text.lstrip(BOX_MARKS))


_DYNASTY_NAME = re.compile(r"^[\u4e00-\u9fff]{1,2}·[\u4e00-\u9fff]{2,4}$")


def quoted_author(text: str, prev: str) -> bool:
    """A poet or author credited as `朝代·姓名` (唐·杜甫) under the `——《…》` source of the lines
    quoted before it: part of the text, no heading."""
    return prev.startswith("——《") and _DYNASTY_NAME.match(text) is not None


#: a quotation's signature: ——闪送员姚鹏, no sentence in it
_SIGNATURE = re.compile(r"^——[^。！？，]{2,30}$")


def signed_quotes(label: str, stretch: list[Unit]) -> bool:
    """A short label (感言) over quotations, the first signed within three paragraphs."""
    return len(label) <= 6 and any(_SIGNATURE.match(u.text) for u in stretch[1:4])


_OPENS = {"》": "《", "）": "（", ")": "(", "”": "“", "’": "‘", "」": "「", "』": "『"}
_OPENERS = frozenset(_OPENS.values())
_BRACKETS = re.compile("[" + re.escape("".join(_OPENS) + "".join(_OPENERS)) + "]")


def opens_cut(text: str) -> bool:
    """Text closing a bracket or quote inside it that nothing in it opened (人就业三年行动方案
    （2025—2027年）》（以下简…): the text before it was lost, so the heading over it is a story's
    headline over its cut first column, never an intertitle over a paragraph's start."""
    depth: dict[str, int] = {}
    # only the brackets and quotes are walked (a paragraph has a few among hundreds of characters)
    for c in _BRACKETS.findall(text, 1 if text[:1] in _OPENS else 0):  # a closer first: the join's
        if c in _OPENERS:
            depth[c] = depth.get(c, 0) + 1
        elif (o := _OPENS.get(c)) is not None:
            if not depth.get(o):
                return True
            depth[o] -= 1
    return False
