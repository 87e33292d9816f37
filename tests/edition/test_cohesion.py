"""Lexical cohesion (publisher/edition/cohesion.py): pure, no files."""

from __future__ import annotations

from collections.abc import Iterator

from publisher.edition.cohesion import Vocabulary, pairs

MINE = "桂林漓江沿岸的竹筏码头今年完成改造，漓江竹筏游客数量明显回升。"
MORE = "漓江竹筏码头的船工说，改造后的码头更安全，游客排队时间也短了。"
OTHER = "省农业农村厅发布夏粮收购数据，全省小麦收购量同比增长一成。"
COMMON = "今年以来，各地加快发展，推动工作取得新进展。"


def test_pairs_are_adjacent_cjk_characters_never_across_punctuation_or_digits() -> None:
    assert pairs("漓江竹筏，2026 游客") == {"漓江", "江竹", "竹筏", "游客"}
    assert pairs("GDP 100") == set()


def test_the_story_going_on_shares_more_than_the_next_story() -> None:
    vocab = Vocabulary([MINE, MORE, OTHER, COMMON, COMMON])
    going_on, next_story = vocab.shared(MINE, MORE), vocab.shared(MINE, OTHER)
    assert going_on > 0.15 > 0.03 > next_story
    assert vocab.shared(MINE, "") == 0.0


def test_the_page_is_counted_only_when_first_asked() -> None:
    read: list[str] = []

    def texts() -> Iterator[str]:
        for t in (MINE, MORE, OTHER):
            read.append(t)
            yield t

    vocab = Vocabulary(texts())
    assert read == []
    assert vocab.shared(MINE, OTHER) < 0.03
    assert read == [MINE, MORE, OTHER]
