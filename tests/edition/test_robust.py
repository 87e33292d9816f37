"""Pages that must never break the parser: empty, furniture only, huge, endless, arbitrary."""

from __future__ import annotations

import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from edition.helpers import heads, parse
from publisher.edition import parse_page
from publisher.edition.join import should_join


def test_empty_page() -> None:
    for data in (b"", b"\n\n\n", b"   \r\n\t\r\n"):
        page = parse_page(data, number=3)
        assert page.articles == [] and page.roles == []


def test_page_of_only_furniture() -> None:
    page = parse("2026 年 4 月 2 日  星期四", "第 3 版", "今日 8 版", "责编：张三")
    assert page.articles == []
    assert {r for r, _ in page.roles} == {"furniture"}


def test_one_endless_paragraph() -> None:
    text = "这是一个没有尽头的段落，" * 20000
    page = parse(text)
    assert len(page.articles) == 1
    assert page.articles[0].paragraphs == [text]


def test_five_megabyte_page_parses_in_reasonable_time() -> None:
    lead = "本报讯（记者甲乙）今天，某地举行活动，" + "群众踊跃参加，" * 40 + "。"
    block = "\n\n".join(["某地举行活动", lead, "活动现场气氛热烈，" * 30 + "。"])
    data = ("\n\n".join([block] * 3000)).encode()
    assert len(data) > 5_000_000
    t = time.perf_counter()
    page = parse_page(data, number=1)
    assert time.perf_counter() - t < 30
    assert len(page.articles) == 3000


def test_join_needs_both_sides() -> None:
    assert should_join("", "甲", left_is_start=True) is False


_TEXT = st.characters(exclude_categories=("Cc", "Cs", "Co")) | st.just("\n")
_PIECES = st.sampled_from(["（下转第七版）", "（上接第1版）", "——", "本报讯（记者甲）",
                           "□新华社记者 乙", "某某主持", "（作者为某人）", "内容提要", "。", "，"])


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.text(alphabet=_TEXT, max_size=60) | _PIECES, max_size=30))
def test_parsing_never_raises_on_arbitrary_text(blocks: list[str]) -> None:
    page = parse_page("\n\n".join(blocks).encode("utf-8", "surrogatepass"), number=1)
    assert isinstance(heads(page), list)
