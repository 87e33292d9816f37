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

_CJK = re.compile("[\u4e00-\u9fff]{2,}")
#: how much text on either side is compared
WINDOW = 800


def pairs(text: str) -> set[str]:
    """The text's CJK character pairs (words never cross punctuation or digits)."""
    out: set[str] = set()
    for m in _CJK.finditer(text):
        w = m.group()
        out.update(w[k:k + 2] for k in range(len(w) - 1))
    return out


class Vocabulary:
    """Document frequencies of character pairs over the paragraphs of one page."""

    def __init__(self, texts: Iterable[str]) -> None:
        self.df: Counter[str] = Counter()
        self.n = 0
        for text in texts:
            self.df.update(pairs(text))
            self.n += 1

    def _weight(self, grams: set[str]) -> float:
        return sum(math.log((self.n + 1) / (1 + self.df.get(g, 0))) for g in grams)

    def shared(self, before: str, after: str) -> float:
        """The weighted share of the rarer side's pairs that both sides print (0 to 1)."""
        a, b = pairs(before[-WINDOW:]), pairs(after[:WINDOW])
        if not a or not b:
            return 0.0
        low = min(self._weight(a), self._weight(b))
        return self._weight(a & b) / low if low > 0 else 0.0
