"""A plain-text summary: the lead sentence or two, never cut inside a word or a number.

Pure and cheap: the web path may import it (no jieba here).
"""

from __future__ import annotations

import re

from publisher.models import Article

SUMMARY_MAX = 120
_SENTENCE_END = re.compile(r"(?<=[。！？!?])")
# Leads carry source and dateline; a summary reads better without them.
_LEAD = re.compile(r"^[^，。（(]{0,30}?(?:讯|电)\s*[（(][^）)]{0,40}[）)]\s*")
# Where a long sentence may be cut: after a clause mark, not between digits (1,234).
_CLAUSE = re.compile(r"(?<=[，、；：])|(?<=[,;:])(?!\d)")


def lead_text(article: Article) -> str:
    text = "".join(article.paragraphs[:2])
    text = _LEAD.sub("", text, count=1)
    if article.incomplete_start:  # the first sentence lost its start: skip it
        _first, sep, rest = text.partition("。")
        text = rest if sep and rest else text
    return text


def summarize(article: Article, limit: int = SUMMARY_MAX) -> str:
    """The lead sentence or two (≤ *limit* characters), never cut inside a word or number."""
    text = lead_text(article)
    out = ""
    for sentence in _SENTENCE_END.split(text):
        if not sentence:
            continue
        if len(out) + len(sentence) > limit:
            break
        out += sentence
    if out:
        return out
    # One long first sentence: stop at the last clause break that fits.
    clauses = [c for c in _CLAUSE.split(text) if c]
    for clause in clauses:
        if len(out) + len(clause) > limit - 1:
            break
        out += clause
    return (out.rstrip("，、；：,;:") or _word_safe(text, limit - 1)) + "…"


def _word_safe(text: str, limit: int) -> str:
    """No clause break fits: cut before the last run of letters or digits crossing *limit*."""
    head = text[:limit]
    match = re.search(r"[0-9A-Za-z.,%]+$", head)
    if match and limit < len(text) and re.match(r"[0-9A-Za-z.,%]", text[limit]):
        head = head[:match.start()]
    return head
