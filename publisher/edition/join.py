"""Join paragraphs that column breaks split, also in the middle of a word.

A block that does not end a sentence is continued by the next block unless it
looks like a heading; for short heading-like blocks jieba decides whether the
two halves form a word across the break (三级党委高 | 度重视).
"""

from __future__ import annotations

import logging
import re
from functools import lru_cache
from math import log

from publisher.edition import patterns as P

_ENDS_PARAGRAPH = set(P.TERMINAL) | set("”’」』）)—：；:;")
_CONTINUES = set("，、,（(《“‘〈「『")
_STARTS_INSIDE = set("，。、；：！？）》”’」』%‰…,.;:!?)")
_FUNCTION_END = set("的了着和与及或在对把被将从向以于等之其所而并且也都就还又再很没这那每各该")
_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("「", "」"), ("『", "』"))
HEADING_MAX = 50
_COUNTERS = set("年月日号时分秒万亿千百个多余%‰倍件人名家项位元度次天周岁米吨")
_HAN = "[\u4E00-\u9FD5a-zA-Z0-9+#&._%\\-]+"  # jieba's re_han_default: words never cross others
_HAN_TAIL = re.compile(_HAN + "$")
_HAN_HEAD = re.compile(_HAN)
_CJK_TAIL = re.compile("[\u4e00-\u9fff]+$")
_CJK_HEAD = re.compile("[\u4e00-\u9fff]+")
_CONNECTIVE = re.compile(
    "^(?:至于|但是|而且|并且|因此|然而|所以|况且|何况|以及|此外|不过|可是|从而|进而)"
)
_ENG = re.compile("[a-zA-Z0-9]")
#: a paragraph never opens with a bound particle (的影响, 了阅读变革)
_MID_SENTENCE = re.compile("^[的了着过得们][\u4e00-\u9fff]")
#: one character and a comma: the end of a clause, never the start of a paragraph (起，…)
_CLAUSE_END = re.compile("^[\u4e00-\u9fff][，、]")
_SENTENCE_START = re.compile(r"^(?:问|答)[：:]|^(?:\d{4}年)?\d{1,2}月\d{1,2}日[^，]{0,6}，")


@lru_cache(maxsize=1)
def _jieba() -> object:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


@lru_cache(maxsize=1)
def _dictionary() -> tuple[dict[str, int], float]:
    """jieba's prefix dictionary (word -> frequency, 0 for mere prefixes) and log of the total."""
    jb = _jieba()
    dt = jb.dt  # type: ignore[attr-defined]
    return dt.FREQ, log(dt.total)


def unbalanced(text: str) -> bool:
    """An opening bracket or quote left open: the text goes on in the next block."""
    return any(a in text and text.count(a) > text.count(b) for a, b in _PAIRS)


def _word_ends(block: str) -> set[int]:
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
    return len(a.group()) not in _word_ends(a.group() + b.group())


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


def heading_like(text: str) -> bool:
    """Short, no sentence end inside: could be a headline, kicker or intertitle."""
    limit = HEADING_MAX * 2 if text.endswith(("）", ")")) else HEADING_MAX
    return (
        len(text) <= limit
        and not _SENTENCE_START.match(text)
        and not any(c in text for c in "。！？!?")
        and text[-1:] not in ("，", "、", ",")
        and not text.rstrip("”’」』").endswith("…")  # trailing off (……”): a sentence
    )


def _starts_mid_sentence(right: str) -> bool:
    """The block opens with a particle that is a word of its own (的 | 影响, not 了解)."""
    return 1 in _word_ends(right[:6])


def should_join(left: str, right: str, *, left_is_start: bool, page: str = "",
                after_text: bool = False) -> bool:
    """Whether `right` continues the paragraph that `left` ends with."""
    if not left or not right:
        return False
    last, first = left[-1], right[0]
    if first in _STARTS_INSIDE or (last == first == "—"):  # also a —— split in two
        return True
    if last in _ENDS_PARAGRAPH:
        return False
    if last in _CONTINUES or unbalanced(left):
        return True
    if (last.isdigit() or last == ".") and (first.isdigit() or first in _COUNTERS):
        return True
    if last in _FUNCTION_END:
        return True
    if left_is_start and heading_like(left):
        if _CONNECTIVE.match(left):  # headings do not open with 至于, 而且, 因此 …
            return True
        clauses = left.split("，")
        if len(clauses) > 1 and (len(clauses[-1]) < 4 or max(map(len, clauses)) > 20):
            return True
        if word_across(left, right):
            return True
        # a lone line between paragraphs, then `起，…`: a column break (a lost first
        # column leaves such an opening too, but under a heading run, not one line)
        if after_text and _CLAUSE_END.match(right):
            return True
        if _MID_SENTENCE.match(right) and _starts_mid_sentence(right):
            return True
        # a heading before a heading stays apart, even when a lead repeats their words
        return not heading_like(right) and echoed_across(left, right, page)
    return True


def join_fragments(texts: list[str], starts_ok: list[bool]) -> list[tuple[int, str]]:
    """Merge consecutive fragments; returns (index of first fragment, merged text)."""
    out: list[tuple[int, str]] = []
    page = "\n".join(texts)
    for i, text in enumerate(texts):
        if out and starts_ok[i]:
            idx, prev = out[-1]
            single = idx == i - 1
            after_text = len(out) >= 2 and not heading_like(out[-2][1])
            if should_join(prev, text, left_is_start=single, page=page, after_text=after_text):
                out[-1] = (idx, prev + text)
                continue
        out.append((i, text))
    return out
