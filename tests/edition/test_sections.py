"""Multi-part stories whose sections carry their own heading and the writer's name."""

from __future__ import annotations

from edition.helpers import P1, P2, P3, heads, only, parse

NOTE = "春节假期是消费旺季，本期我们选编两篇来稿，透过身边事管窥消费的升级。"


def test_sections_signed_with_a_bare_name_stay_in_the_story() -> None:
    page = parse("身边新变化 消费迎机遇（大家谈）", NOTE, "——编 者",
                 "春节消费代代新", "王垣升", P1, "（作者为某县融媒体中心工作人员）",
                 "乡村小店有人气", "庄永明", P2, "（作者为某市档案馆副馆长）",
                 "另一件新闻登上版面", P3)
    assert heads(page) == ["身边新变化 消费迎机遇（大家谈）", "另一件新闻登上版面"]
    first = page.articles[0]
    assert first.paragraphs == [NOTE, "——编 者", "春节消费代代新", "王垣升", P1,
                                "（作者为某县融媒体中心工作人员）", "乡村小店有人气", "庄永明", P2,
                                "（作者为某市档案馆副馆长）"]
    assert first.authors == []


def test_headline_over_a_signed_section_keeps_its_subheadline() -> None:
    page = parse("前文的标题", P3, "脚步丈量山河 笔墨记录变迁（新春走基层）",
                 "本报新春走基层活动回眸", "科学育果 产业兴旺", "王锦涛", P1,
                 "敢拼敢干 耕海而作", "王  浩", P2)
    assert heads(page) == ["前文的标题", "脚步丈量山河 笔墨记录变迁（新春走基层）"]
    story = page.articles[1]
    assert story.subheadline == "本报新春走基层活动回眸"
    assert story.paragraphs == ["科学育果 产业兴旺", "王锦涛", P1, "敢拼敢干 耕海而作", "王 浩", P2]


def test_a_name_under_a_headline_is_no_part_of_it() -> None:
    story = only(parse("山区小镇迎来新变化", "张伟", P1))
    assert (story.kicker, story.headline, story.paragraphs) == (None, "山区小镇迎来新变化",
                                                                ["张伟", P1])
