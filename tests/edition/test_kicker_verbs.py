"""A two-line heading whose second line opens with a verb: kicker and headline, or headline
and subheadline; two comma lines; a summary's bulleted points under a headline."""

from __future__ import annotations

import pytest

from edition.helpers import P2, only, parse

LEAD = "本报某市5月10日电（记者张三）这是第一段正文，讲述了社区服务的情况和居民的生活。"


@pytest.mark.parametrize(("first", "second"), [
    # longer than the line over it
    ("省政府常务会议审议通过", "公布《某省公共数据管理办法》"),
    ("增进居民福祉", "发挥社区医院作用助力养老服务发展"),
    # two clauses set apart by a comma
    ("某市探索社区治理新路径", "建立服务清单，凝聚居民力量"),
    # under a line listing three things or more
    ("看得见、摸得着、用得上、留得住", "做好乡村文化服务基本功"),
])
def test_a_verb_led_headline_under_its_kicker(first: str, second: str) -> None:
    a = only(parse(first, second, LEAD, P2))
    assert (a.kicker, a.headline, a.subheadline) == (first, second, None)
    assert a.paragraphs == [LEAD, P2]


def test_a_shorter_verb_led_line_going_on_from_the_headline_is_its_subheadline() -> None:
    a = only(parse("某省新增12家绿色工厂", "新添3家绿色园区", LEAD, P2))
    assert (a.kicker, a.headline, a.subheadline) == (
        None, "某省新增12家绿色工厂", "新添3家绿色园区")
    assert a.paragraphs == [LEAD, P2]


def test_bulleted_points_under_the_headline_are_the_text() -> None:
    points = ["●全省已建成各类文化站点3000多个", "●今年将新建乡村书屋500家"]
    a = only(parse("某地文化服务年会将举办20场活动", "乡村文化服务网越织越密（权威发布）",
                   *points, LEAD, P2))
    assert (a.kicker, a.headline, a.subheadline) == (
        "某地文化服务年会将举办20场活动", "乡村文化服务网越织越密（权威发布）", None)
    assert a.paragraphs == [*points, LEAD, P2]


def test_a_short_comma_headline_under_a_full_comma_kicker_stays_the_headline() -> None:
    # a comma line under a heading is mostly a pull quote or the text's first words; under a
    # full line that is itself a comma line it is the headline (the first column lost under it)
    kicker = "推进节水技术改造，一吨水能多浇两亩地"
    head = "灌溉，不再只靠老天"
    rest = "蓄水池建起来了；田埂上，滴灌带铺到了地头，农民说再也不怕天旱了。"
    a = only(parse(kicker, head, rest, P2))
    assert (a.kicker, a.headline, a.subheadline) == (kicker, head, None)
    assert a.paragraphs == [rest, P2]
