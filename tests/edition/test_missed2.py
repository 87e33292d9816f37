"""Stories whose heading the page prints in a shape a sentence could take, second part: each
must open its own article, not run into the story above it (thirteenth round, second part,
helper `missed2`)."""

from __future__ import annotations

from edition.helpers import P1, P2, heads, parse

#: the end of the story above, closed by its credit
CREDITED = "这是上一篇报道的最后一段，记者在村里看到乡亲们忙着收割庄稼。"
CREDIT = "（综合本报记者张三和新华社记者李四报道）"


def test_a_question_put_as_shi_de_is_a_headline_not_a_sentence_going_on() -> None:
    # …是怎样炼成的 closes on 的, and nothing waits for a noun after it
    headline = "一座现代化港口是怎样炼成的"
    first = "二十多年前，这里还是一片滩涂。二十多年后，这里已是年吞吐量过亿吨的大港。"
    page = parse("上一篇报道的标题", CREDITED, CREDIT, headline, first, P1, P2)
    assert heads(page) == ["上一篇报道的标题", headline]
    assert page.articles[1].paragraphs == [first, P1, P2]
    assert page.articles[0].paragraphs == [CREDITED, CREDIT]


def test_a_line_ending_in_de_before_its_noun_still_goes_on() -> None:
    # 的 with no 是…的 question before it waits for its noun in the next block
    start = "这是记者在采访中了解到的"
    rest = "情况，乡亲们说今年的收成比去年好得多。"
    a = parse("上一篇报道的标题", P1, start, rest, P2).articles
    assert [x.headline for x in a] == ["上一篇报道的标题"]
    assert a[0].paragraphs == [P1, start + rest, P2]
