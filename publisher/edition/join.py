"""Join paragraphs that column breaks split, also in the middle of a word.

A block that does not end a sentence is continued by the next block unless it
looks like a heading; for short heading-like blocks jieba decides whether the
two halves form a word across the break (三级党委高 | 度重视).
"""

from __future__ import annotations

import logging
from functools import lru_cache

from publisher.edition import patterns as P

_ENDS_PARAGRAPH = set(P.TERMINAL) | set("”’」』）)—：；:;")
_CONTINUES = set("，、,（(《“‘〈「『")
_STARTS_INSIDE = set("，。、；：！？）》”’」』%‰…,.;:!?)")
_FUNCTION_END = set("的了着和与及或在对把被将从向以为是等之其所而并且也都就还又再最很没这那每各该个")
_PAIRS = (("《", "》"), ("“", "”"), ("（", "）"), ("(", ")"), ("「", "」"), ("『", "』"))
HEADING_MAX = 50


@lru_cache(maxsize=1)
def _jieba() -> object:
    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    return jieba


def unbalanced(text: str) -> bool:
    """An opening bracket or quote left open: the text goes on in the next block."""
    return any(text.count(a) > text.count(b) for a, b in _PAIRS)


def word_across(left: str, right: str) -> bool:
    """True when jieba segments a word that spans the break between left and right."""
    a, b = left[-6:], right[:6]
    if not a or not b:
        return False
    jb = _jieba()
    pos = 0
    for word in jb.cut(a + b, HMM=False):  # type: ignore[attr-defined]
        if pos < len(a) < pos + len(word):
            return True
        pos += len(word)
    return False


def heading_like(text: str) -> bool:
    """Short, no sentence end inside: could be a headline, kicker or intertitle."""
    return (
        len(text) <= HEADING_MAX
        and not any(c in text for c in "。！？!?")
        and text[-1:] not in ("，", "、", ",")
    )


def should_join(left: str, right: str, *, left_is_start: bool) -> bool:
    """Whether `right` continues the paragraph that `left` ends with."""
    if not left or not right:
        return False
    last, first = left[-1], right[0]
    if first in _STARTS_INSIDE:
        return True
    if last in _ENDS_PARAGRAPH:
        return False
    if last in _CONTINUES or unbalanced(left):
        return True
    if (last.isdigit() or last == ".") and first.isdigit():
        return True
    if last in _FUNCTION_END:
        return True
    if left_is_start and heading_like(left):
        clauses = left.split("，")
        if len(clauses) > 1 and (len(clauses[-1]) < 4 or max(map(len, clauses)) > 20):
            return True
        return word_across(left, right)
    return True


def join_fragments(texts: list[str], starts_ok: list[bool]) -> list[tuple[int, str]]:
    """Merge consecutive fragments; returns (index of first fragment, merged text)."""
    out: list[tuple[int, str]] = []
    for i, text in enumerate(texts):
        if out and starts_ok[i]:
            idx, prev = out[-1]
            single = idx == i - 1
            if should_join(prev, text, left_is_start=single):
                out[-1] = (idx, prev + text)
                continue
        out.append((i, text))
    return out
