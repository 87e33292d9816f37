"""A story cut at one of its intertitles: the text after it is still the story's."""

from __future__ import annotations

from edition.helpers import P1, P2, P3, only, parse

#: a feature's two-line intertitles: a short label over a longer line
FIRST = ["村史载乡愁", "所有村落都被录入乡村记忆丛书"]


def test_an_intertitle_whose_line_opens_with_a_word_of_ji_is_no_subheadline() -> None:
    # 记忆馆… opens with 记 of 记忆, not the 记 of a subheadline (——记全国劳模张三)
    second = ["展馆忆往昔", "记忆馆、村史馆传承乡土文化"]
    blocks = [P1, *FIRST, P2, P3, *second, P1, P2, "（下转第二版）"]
    story = only(parse("古城新生", *blocks))
    assert story.headline == "古城新生"
    assert story.paragraphs == [b for b in blocks if not b.startswith("（下转")]
