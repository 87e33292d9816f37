"""Lexical cohesion: how much of a story's own vocabulary the text after a heading shares.

A story goes on with its names and terms; the next story brings its own. Character
pairs are weighted by how few of the page's paragraphs use them, so that words every
story prints (发展, 疫情) count for little and a story's names count for much.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable
from itertools import repeat

#: every pair of adjacent CJK characters, overlapping (a lookahead match consumes nothing)
_PAIR = re.compile("(?=([\u4e00-\u9fff]{2}))")
#: how much text on either side is compared
WINDOW = 800


#: every run of three CJK characters, overlapping: a word or name of the story's, not a pair
_TRIPLE = re.compile("(?=([\u4e00-\u9fff]{3}))")


def echoes(lines: Iterable[str], heads: Iterable[str]) -> bool:
    """Whether one of the lines prints three characters running of the story's headings
    again (厚植家国情怀 under 砥砺家国情怀  凝聚奋进力量): the headline names its items' theme."""
    told = {t for h in heads for t in _TRIPLE.findall(h)}
    return any(t in told for line in lines for t in _TRIPLE.findall(line))


#: characters of its own an intertitle adds to the headings' words it prints again
OWN = 3


def names_part(line: str, heads: Iterable[str]) -> bool:
    """Whether the line prints words of the story's headings again and adds a subject of its
    own (“绿水青山就是金山银山”理念的孕育、形成和发展): an intertitle. A line of nearly only
    the headline's characters (全市百户最美家庭揭晓 after 全市揭晓百户最美家庭) is the headline
    again."""
    heads = list(heads)
    told = "".join(heads)
    own = {c for c in line if "\u4e00" <= c <= "\u9fff" and c not in told}
    return len(own) >= OWN and echoes([line], heads)


#: character pairs a line must have for its text printing them all again to count (a phrase)
RESTATED = 5


def restated(line: str, after: list[str]) -> bool:
    """Whether the text after a heading line prints every character pair of it again (消费、投资
    持续积蓄向上向好力量 over …消费、投资持续积蓄更强的向上向好力量), past its first paragraph:
    the story's intertitle, drawn from a sentence of the part it heads. A lead's first paragraph
    restates its own headline (…深刻把握新型工业化的新特点新趋势，才能…). One pair in eight may
    be missing (a word put between)."""
    own = pairs(line)
    if len(own) < RESTATED:
        return False
    first = next((n + 1 for n, t in enumerate(after) if t.endswith(_SENTENCE_END)), len(after))
    allowed = len(own) // 8
    return (len(own - pairs("\n".join(after[:first]))) > allowed
            and len(own - pairs("\n".join(after)[:WINDOW])) <= allowed)


#: how a paragraph ends (its first column may run on in the next unit)
_SENTENCE_END = ("。", "！", "？", "”", "）", "…")


def pairs(text: str) -> set[str]:
    """The text's CJK character pairs (words never cross punctuation or digits)."""
    return set(_PAIR.findall(text))


class Vocabulary:
    """Document frequencies of character pairs over the paragraphs of one page."""

    def __init__(self, texts: Iterable[str]) -> None:
        self._texts: Iterable[str] | None = texts  # counted when first needed: many pages
        self.df: Counter[str] = Counter()           # never ask
        self._by_count: list[float] = []

    def _count(self) -> None:
        n = 0
        for text in self._texts or ():
            self.df.update(pairs(text))
            n += 1
        self._texts = None
        # a pair's weight by the number of paragraphs printing it; one that none prints alone
        # (across a join) weighs the most
        self._by_count = [math.log((n + 1) / (1 + c)) for c in range(n + 1)]

    def _weight(self, grams: set[str]) -> float:
        return sum(map(self._by_count.__getitem__, map(self.df.get, grams, repeat(0))))

    def shared(self, before: str, after: str) -> float:
        """The weighted share of the rarer side's pairs that both sides print (0 to 1)."""
        if self._texts is not None:
            self._count()
        a, b = pairs(before[-WINDOW:]), pairs(after[:WINDOW])
        if not a or not b:
            return 0.0
        low = min(self._weight(a), self._weight(b))
        return self._weight(a & b) / low if low > 0 else 0.0
