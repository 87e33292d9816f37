"""Heading fields of a story that is found (thirteenth round, second part): which line of a
heading is its kicker, headline or subheadline."""

from __future__ import annotations

import pytest

from edition.helpers import P1, P2, only, parse

BYLINE = "本报记者  王  磊"


def test_a_line_opening_on_a_causative_rang_is_the_headline_under_its_kicker() -> None:
    # 让… urges, in a headline's voice; it is no subheadline saying what was done, though it
    # opens with a verb and runs no longer than the line over it
    kicker, head = "以绣花功夫推进老城更新", "让老街区焕发新生机"
    a = only(parse(kicker, head, BYLINE, P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (kicker, head, None)
    assert a.paragraphs == [P1, P2]


@pytest.mark.parametrize(("head", "sub"), [
    ("开局起步  实干争先", "多地开年重点项目建设扫描"),
    ("城乡消费回暖势头强劲", "五一假期各地市场扫描"),
])
def test_a_line_closing_on_saomiao_under_the_headline_is_its_subheadline(head: str,
                                                                       sub: str) -> None:
    # a survey of many places (…扫描) printed without its dash, as …综述, …见闻 are
    a = only(parse(head, sub, BYLINE, P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (None, " ".join(head.split()), sub)
    assert a.paragraphs == [P1, P2]


def test_a_dash_kicker_holding_a_list_trailing_off_stays_over_its_tagged_headline() -> None:
    # a list trailing off, then a clause, reads as a sentence; closing on the kicker's dash
    # straight over a column-tagged headline, it is the kicker
    kicker = "走访入户、排忧解难……开年第一周，多地社区工作者——"
    head = "脚步在基层  服务在身边（基层治理新观察）"
    page = parse("乡村小路通到了家门口", P1, P2, kicker, head, BYLINE, P1, P2)
    assert [(a.kicker, a.headline) for a in page.articles] == [
        (None, "乡村小路通到了家门口"), (kicker, "脚步在基层 服务在身边（基层治理新观察）")]
    assert page.articles[0].paragraphs == [P1, P2]
    assert page.articles[1].paragraphs == [P1, P2]


def test_a_kicker_of_things_and_their_counts_waits_for_no_noun() -> None:
    # 14个 | 问题 waits for its noun; a line of phrases each naming a thing, then its count,
    # is a heading of figures, whole: no word runs on into the headline under it
    kicker = "志愿者5.6万名  服务站点1200个"
    head, sub = "城市志愿服务网络越织越密", "社区服务更加精准贴心"
    a = only(parse(kicker, head, sub, P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == ("志愿者5.6万名 服务站点1200个", head, sub)
    assert a.paragraphs == [P1, P2]


@pytest.mark.parametrize(("head", "sub"), [
    ("浙江古桥保护修缮工作持续推进", "已修缮古桥120座"),
    ("江西整治“村头广告乱象”", "清理拆除沿路的3000多块违规广告牌"),
])
def test_a_figure_under_a_place_and_what_it_did_is_the_subheadline(head: str, sub: str) -> None:
    # the place's work, then what it came to: headline and subheadline, not kicker and
    # headline, however the line under it opens and whatever its length
    a = only(parse(head, sub, BYLINE, P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (None, head, sub)
    assert a.paragraphs == [P1, P2]


def test_a_verb_led_line_quoting_a_catchword_is_the_headline_under_its_kicker() -> None:
    # shorter than the line over it and opening with a verb, but quoting a catchword that
    # line does not: a headline's voice, not a subheadline going on from it
    kicker, head = "湖南长沙助力高校毕业生就业", "就业帮扶“暖人心”"
    a = only(parse(kicker, head, BYLINE, P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (kicker, head, None)
    assert a.paragraphs == [P1, P2]
    # the shorter verb-led line with no catchword still goes on as the subheadline
    head, sub = "某省新增12家绿色工厂", "新添3家绿色园区"
    a = only(parse(head, sub, BYLINE, P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (None, head, sub)


def test_a_comma_line_closing_on_a_series_number_is_the_subheadline() -> None:
    # a comma line under a heading is popped as a pull quote or the text's first words;
    # closing on its number in a series (…这样干②), it is the series' subheadline
    head, sub = "扎实推进乡村全面振兴", "二〇二五年，乡村这样干②"
    a = only(parse(head, sub, P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (None, head, sub)
    assert a.paragraphs == [P1, P2]


def test_a_quotation_over_a_plain_line_is_the_headline() -> None:
    # someone's words quoted whole as the headline, the line under it saying whose
    head, sub = "“这里的发展让人看到了希望”", "外国青年看中国乡村振兴"
    a = only(parse(head, sub, BYLINE, P1, P2))
    assert (a.kicker, a.headline, a.subheadline) == (None, head, sub)
    assert a.paragraphs == [P1, P2]
