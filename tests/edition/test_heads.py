"""Headings other than intertitle series and bylines: one small page per rule."""

from __future__ import annotations

import pytest

from edition.helpers import P1, P2, heads, only, parse
from edition.test_rules import LIBRARY, VILLAGE


def test_a_dash_line_closing_with_a_date_is_the_subheadline() -> None:
    # a document's date under its title, （2024年12月30日）: no column tag, and a `——` line is
    # never the headline
    doc = "某省委某省人民政府关于加快推进乡村道路建设的意见"
    a = only(parse(doc, "——（2024年12月30日）", P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (None, doc, "（2024年12月30日）")
    assert a.paragraphs == [P1, P2]


def test_a_lone_line_ending_in_a_dash_leads_into_the_text() -> None:
    # `X——` with text straight under it, no heading line: the story's own sentence opening
    # what follows, not a new story's kicker
    lead_in = "我国古代神话有一种独特的精神品质——"
    a = only(parse("山区小镇迎来新变化", P1, lead_in, P2))
    assert a.headline == "山区小镇迎来新变化"
    assert a.paragraphs == [P1, lead_in, P2]


def test_a_section_number_under_the_heading_is_the_first_intertitle() -> None:
    a = only(parse("从古代传说到新时代传奇", "——新时代创新文化观察", "（一）", P1, "（二）", P2))
    assert (a.headline, a.subheadline) == ("从古代传说到新时代传奇", "新时代创新文化观察")
    assert a.paragraphs == ["（一）", P1, "（二）", P2]
    assert a.intertitles == [0, 2]


def test_a_line_closing_with_a_genre_word_under_the_headline_is_its_subheadline() -> None:
    # a commentary's series name printed without its dash (…观察, …述评, …综述)
    a = only(parse("从古代传说到新时代传奇", "新时代创新文化观察", P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (None, "从古代传说到新时代传奇",
                                                     "新时代创新文化观察")


def test_a_question_over_its_column_tag_is_a_headline() -> None:
    # a reader's question closing with `？` before its tag: a headline, not a sentence
    question = "为什么说“信心在当下也在未来”？（读者点题·共同关注）"
    page = parse("山区小镇迎来新变化", P1, "本报记者 张三", question, P2)
    assert heads(page) == ["山区小镇迎来新变化", question]
    assert page.articles[1].paragraphs == [P2]



def assert_kicker_opens_the_next_story(kicker: str, head: str) -> None:
    """A story, then `kicker` over `head`: the second story with its kicker, each its own text."""
    page = parse("山村修路记", *VILLAGE, kicker, head, *LIBRARY)
    assert heads(page) == ["山村修路记", head]
    assert page.articles[1].kicker == kicker
    assert page.articles[0].paragraphs == VILLAGE
    assert page.articles[1].paragraphs == LIBRARY

def test_a_comma_kicker_over_a_headline_whose_text_is_another_story_opens_it() -> None:
    # a comma line over a plain line is an intertitle while the text after it goes on with the
    # story's own words; when it does not (both sides long enough to tell), kicker and headline
    assert_kicker_opens_the_next_story("新馆首日迎客，市民借阅热情高涨", "市图书馆新馆开馆")
    # the story's own words going on after it: its two-line intertitle
    page = parse("山村修路记", *VILLAGE[:3], "修通盘山路，山货出山", "合作社带来新希望",
                 *VILLAGE[3:])
    assert only(page).intertitles == [3, 4]


def test_a_fragment_opening_with_chule_goes_on_in_the_next_block() -> None:
    # 除了… opens a sentence's frame (除了…，…也…), no heading
    a = only(parse("山区小镇迎来新变化", P1, "除了自己做好研究、培养学生们",
                   "严谨的研究习惯，也是他的坚持。"))
    assert a.paragraphs == [P1, "除了自己做好研究、培养学生们严谨的研究习惯，也是他的坚持。"]


def test_a_heading_over_an_editors_note_opens_a_story() -> None:
    # an editor's note signed ——编者 under a heading introduces a series or a package: the
    # heading is its headline, not a sibling of the story's two-line intertitle before it
    note = "本版今起推出系列报道，聚焦钢铁、航空等产业。"
    kicker, head = "创新赋能 结构调整 经营优化", "钢铁业：深度调整显韧性"
    page = parse("山村修路记", VILLAGE[0], "村民筹资修路", "凿出一条盘山公路", VILLAGE[1],
                 kicker, head, note, "——编  者", LIBRARY[0])
    assert heads(page) == ["山村修路记", head]
    assert page.articles[0].paragraphs == [VILLAGE[0], "村民筹资修路", "凿出一条盘山公路",
                                           VILLAGE[1]]
    assert page.articles[1].kicker == kicker
    assert page.articles[1].paragraphs == [note, "——编 者", LIBRARY[0]]


def test_a_list_trailing_off_then_a_clause_is_a_sentence() -> None:
    # `校准、焊接、检验……生产旺季，…`: a sentence's opening, never a heading line, so it is
    # no part of the heading run over it
    first = "校准、焊接、检验……生产旺季，在某市一家科技"
    a = only(parse("安徽马鞍山试点“产业工程师学院”", "带着职称去就业", first,
                   "有限公司车间内，一排排机械手臂上下舞动。", P1))
    assert (a.kicker, a.headline, a.subheadline) == ("安徽马鞍山试点“产业工程师学院”",
                                                     "带着职称去就业", None)
    assert a.paragraphs == [first + "有限公司车间内，一排排机械手臂上下舞动。", P1]


def test_a_comma_headline_under_a_dash_kicker_is_the_headline() -> None:
    # a `X——` kicker needs its headline under it: a comma line there is that headline, not a
    # pull quote left over the text
    kicker, head = "某省某县推广水肥一体化技术——", "精耕细作，黑土层厚度逐年增加"
    page = parse("山村修路记", *VILLAGE, "（本报记者 张三）", kicker, head, *LIBRARY)
    assert heads(page) == ["山村修路记", head]
    assert page.articles[1].kicker == kicker
    assert page.articles[1].paragraphs == LIBRARY


def test_a_comma_inside_a_column_tag_does_not_make_the_headline_a_sentence() -> None:
    # a lone line between paragraphs with a long first clause before its comma reads as a
    # sentence; a comma inside the column tag is the column's, not the line's
    head = "某市数字经济发展动能澎湃（坚定信心，打开改革发展新天地）"
    page = parse("山村修路记", *VILLAGE, head, *LIBRARY)
    assert heads(page) == ["山村修路记", head]
    assert page.articles[0].paragraphs == VILLAGE
    assert page.articles[1].paragraphs == LIBRARY


def test_a_block_opening_with_a_decimal_opens_no_list_item() -> None:
    # `1.4万亿斤` is a number split off by a column break, not the list item `1.` (an item
    # under a heading-like fragment would keep the fragment apart as an intertitle)
    left = "全省粮食生产克服高温干旱、极端洪涝、超强台风等自然灾害影响，产量首次突破"
    right = "1.4万亿斤，比上年增产221.8亿斤，饭碗里装了更多本地粮。"
    a = only(parse("山村修路记", VILLAGE[0], left, right, VILLAGE[1]))
    assert a.paragraphs == [VILLAGE[0], left + right, VILLAGE[1]]
    assert a.intertitles == []


def test_a_two_phrase_line_under_a_plain_line_is_the_headline_under_its_kicker() -> None:
    kicker, head = "某县开展“一表同享”改革试点", "打破数据壁垒 助力基层减负"
    a = only(parse(kicker, head, *LIBRARY))
    assert (a.kicker, a.headline, a.subheadline) == (kicker, head, None)
    assert a.paragraphs == LIBRARY


def test_a_longer_line_opening_with_a_name_under_the_headline_is_its_subheadline() -> None:
    # a report on a speech's echo: the headline quotes the speech, the longer line under it
    # names the speaker and what the speech did
    head, sub = "坚决打好乡村道路建设攻坚战", "王建国同志在全县动员大会上的重要讲话引发热烈反响"
    lead = "本报某县4月1日电（记者张三）" + LIBRARY[0]
    a = only(parse(head, sub, lead, *LIBRARY[1:]))
    assert (a.kicker, a.headline, a.subheadline) == (None, head, sub)
    assert a.paragraphs == [lead, *LIBRARY[1:]]


def test_a_four_character_line_under_kicker_and_headline_is_a_label_of_the_text() -> None:
    # a box's label (人物小传) under the heading: no subheadline is so short
    kicker, head = "市图书馆馆长刘敏深耕公共阅读服务二十余载——", "让读者少跑腿多读书（讲述）"
    a = only(parse(kicker, head, "人物小传", *LIBRARY))
    assert (a.kicker, a.headline, a.subheadline) == (kicker, head, None)
    assert a.paragraphs == ["人物小传", *LIBRARY]


def test_a_short_question_over_a_tagged_headline_is_its_kicker() -> None:
    # the question is no last words of the story before: a column-tagged headline is under it
    assert_kicker_opens_the_next_story("老馆藏书无处安放，新馆读者一座难求？",
                                       "如何让新馆借阅服务更方便（经济聚焦）")


def test_a_credit_line_closes_the_story_above_not_the_next_heading() -> None:
    # 本期统筹：刘静文 / 资料来源：某省某厅 under a story's text: its last paragraph, never the
    # kicker of the story set under it; a heading with a colon says what happened
    first, second = "乡村小路通到了家门口", "城里的书店开进了村"
    for credit in ("本期统筹：刘静文", "资料来源：贵州省文化和旅游厅"):
        page = parse(first, P1, P2, credit, second, P1, P2)
        assert [(a.kicker, a.headline) for a in page.articles] == [(None, first), (None, second)]
        assert page.articles[0].paragraphs == [P1, P2, credit]
    a = only(parse("钢铁业：深度调整显韧性", P1, P2))
    assert (a.kicker, a.headline) == (None, "钢铁业：深度调整显韧性")


def test_a_kicker_of_parallel_phrases_ending_in_a_particle_stays_over_its_headline() -> None:
    # …火了  …多了  …少了: each phrase set apart ends as the line does, so the line is whole;
    # its closing 了 waits for no next block
    kicker = "新型肥料火了  优质种子多了  农药用量少了"
    head = "这家农资店如何做到一天进账二十万元（身边的经济故事）"
    a = only(parse(kicker, head, "本报记者 刘洋", P1, P2))
    spaced = "新型肥料火了 优质种子多了 农药用量少了"
    assert (a.kicker, a.headline, a.subheadline) == (spaced, head, None)
    assert a.paragraphs == [P1, P2]


def test_a_series_number_closing_the_subheadline_is_no_number_split() -> None:
    # `①` is no digit a number goes on from (96. | 5%): the text under it opens with a year
    sub = "进一步巩固经济回升向好基础①"
    text = "2025年一季度，某省生产总值同比增长5.4%，政策效应持续释放。"
    a = only(parse("以改革激发发展活力（评论员观察）", sub, text, P2))
    assert (a.kicker, a.headline, a.subheadline) == (None, "以改革激发发展活力（评论员观察）", sub)
    assert a.paragraphs == [text, P2]


@pytest.mark.parametrize("sub", ["某市某区强化党建引领基层治理见闻", "某省某县某村回访记"])
def test_a_line_closing_with_a_report_word_under_the_headline_is_its_subheadline(sub: str) -> None:
    # what a reporter saw (…见闻) or found on going back (…回访记), printed without its dash
    a = only(parse("山乡巨变看今朝", sub, P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (None, "山乡巨变看今朝", sub)
    assert a.paragraphs == [P1, P2]
