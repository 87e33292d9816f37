"""jieba's view of a column break: does a word span it, is it a word on its own.

Word boundaries come from jieba's dictionary directly (the route of cut(HMM=False)),
without the per-call overhead of cut().
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from math import log

_HAN = "[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]+"  # jieba's re_han_default: words never cross others
_HAN_TAIL = re.compile(_HAN + "$")
_HAN_HEAD = re.compile(_HAN)
_CJK_TAIL = re.compile("[\u4e00-\u9fff]+$")
_CJK_HEAD = re.compile("[\u4e00-\u9fff]+")
_ENG = re.compile("[a-zA-Z0-9]")


@lru_cache(maxsize=1)
def jieba_loaded() -> object:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], float]:
    """jieba's prefix dictionary (word -> frequency, 0 for mere prefixes) and log of the total."""
    jb = jieba_loaded()
    dt = jb.dt  # type: ignore[attr-defined]
    return dt.FREQ, log(dt.total)


def word_ends(block: str) -> set[int]:
    """Word boundaries of jieba's cut(block, HMM=False), from its dictionary directly.

    The same maximum-probability route over the word graph as jieba, with its
    merging of single ASCII letters/digits into one word, without the per-call
    overhead of cut().
    """
    freq, logtotal = _dictionary()
    n = len(block)
    dag: list[list[int]] = []
    for k in range(n):
        ends = []
        i, frag = k, block[k]
        while i < n and frag in freq:
            if freq[frag]:
                ends.append(i)
            i += 1
            frag = block[k:i + 1]
        dag.append(ends or [k])
    route: list[tuple[float, int]] = [(0.0, 0)] * (n + 1)
    for idx in range(n - 1, -1, -1):
        route[idx] = max((log(freq.get(block[idx:x + 1]) or 1) - logtotal + route[x + 1][0], x)
                         for x in dag[idx])
    bounds: set[int] = set()
    x = 0
    while x < n:
        y = route[x][1] + 1
        if not (y == x + 1 and _ENG.match(block[x]) and y < n and _ENG.match(block[y])
                and route[y][1] == y):
            bounds.add(y)
        x = y
    return bounds


def word_across(left: str, right: str) -> bool:
    """True when jieba segments a word that spans the break between left and right."""
    a = _HAN_TAIL.search(left[-6:])
    b = _HAN_HEAD.match(right[:6])
    if a is None or b is None:
        return False
    return len(a.group()) not in word_ends(a.group() + b.group())


def echoed_across(left: str, right: str, page: str) -> bool:
    """A string of 4+ CJK characters spanning the break that the page prints elsewhere.

    Names jieba does not know (a village in the kicker, 何 | 家岩村) and set phrases
    of the story recur on the page; the halves of a heading and its story do not.
    """
    a = _CJK_TAIL.search(left[-3:])
    b = _CJK_HEAD.match(right[:3])
    if not page or a is None or b is None:
        return False
    ta, hb = a.group(), b.group()
    return any(ta[-k:] + hb[:4 - k] in page for k in range(1, 4) if k <= len(ta)
               and 4 - k <= len(hb))
