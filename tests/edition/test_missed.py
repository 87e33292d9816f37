"""Stories whose heading the page prints in a shape a sentence could take: each must open its
own article, not run into the story above it (thirteenth round, helper `missed`)."""

from __future__ import annotations

from edition.helpers import P1, P2, P3, heads, parse
from publisher.models import Page

#: the end of the story above: a feature's text, no credit under it
TOLD = "这是上一篇报道的最后一段，记者在村里看到乡亲们忙着收割庄稼，田间地头一片丰收景象。"


def _opens_after_a_story(kicker: str, headline: str, *text: str) -> Page:
    """The page of a story and, under it, a kicker and headline over `text`: two articles."""
    page = parse("上一篇报道的标题", TOLD, kicker, headline, *text)
    assert heads(page) == ["上一篇报道的标题", headline]
    b = page.articles[1]
    assert (b.kicker, b.headline, b.subheadline) == (kicker, headline, None)
    assert b.paragraphs == list(text)
    return page


def test_an_interjection_inside_a_tagged_headline_keeps_it_a_headline() -> None:
    kicker = "在山东，农民用“定制”洗衣机，开新能源汽车赶集——"
    headline = "瞧！咱老乡消费也挺“潮”（农村消费观察）"
    _opens_after_a_story(kicker, headline, P1, P2)


def test_a_line_trailing_off_over_a_tagged_headline_is_its_kicker() -> None:
    # the kicker lists what the headline is about and trails off (……); the headline's first
    # clause runs long before its comma, yet the column tag closes it: no sentence goes on
    kicker = "谎称赠送游戏皮肤、诱骗进入“明星粉丝群”……"
    headline = "电诈盯上未成年人，该如何防范（民生一线）"
    quote = "“加我微信，免费领皮肤。”“不听话，小心把你抓到监狱去。”……"
    page = _opens_after_a_story(kicker, headline, quote, P1)
    assert page.articles[0].paragraphs == [TOLD]


def _kicker_over_headline(kicker: str, headline: str) -> None:
    a = parse(kicker, headline, P1, P2).articles
    assert [(x.kicker, x.headline, x.subheadline) for x in a] == [(kicker, headline, None)]
    assert a[0].paragraphs == [P1, P2]


def test_a_shorter_comma_line_under_a_comma_kicker_is_the_headline() -> None:
    # a pull quote under a headline runs longer than it; a kicker over its headline too
    kicker = "传承文化基因，锻造创意新品，展示城市形象"
    headline = "创新引领，文创产品融入日常生活"
    _kicker_over_headline(kicker, headline)


def test_a_list_of_short_phrases_over_a_line_is_its_kicker() -> None:
    kicker = "记住要求、心有榜样、从小做起、接受帮助"
    headline = "做好少年儿童思想政治教育的方法论指引"
    _kicker_over_headline(kicker, headline)


def test_an_exclaiming_line_after_a_jump_is_a_headline() -> None:
    headline = "“校园餐”里“捞油水”，严查！"
    page = parse("上一篇报道的标题", TOLD, "（下转第四版）", headline, P1, P2)
    assert heads(page) == ["上一篇报道的标题", headline]
    assert page.articles[1].paragraphs == [P1, P2]
    assert page.articles[0].paragraphs == [TOLD]


def test_an_exclaiming_line_inside_a_story_stays_its_text() -> None:
    shout = "关键时期要有关键之举！"
    a = parse("上一篇报道的标题", P1, shout, P2).articles
    assert [x.headline for x in a] == ["上一篇报道的标题"]
    assert a[0].paragraphs == [P1, shout, P2]


def test_a_headline_ending_in_a_noun_stays_apart_from_the_text_under_it() -> None:
    # …成就 ends in 就, a function character only as a word of its own
    headline = "在双向奔赴中相互成就"
    note = "西部意味着什么？“到西部去”能收获什么？本期我们选刊3篇来稿，与大家一起分享。"
    page = parse("上一篇报道的标题", TOLD, headline, note, P3)
    assert heads(page) == ["上一篇报道的标题", headline]
    assert page.articles[1].paragraphs == [note, P3]


def test_a_comma_kicker_and_headline_after_a_story_open_the_next_story() -> None:
    # no credit closes the story above; the pair's shape is a kicker's over its headline
    kicker = "传承文化基因，锻造创意新品，展示城市形象"
    headline = "创新引领，文创产品融入日常生活"
    told = [TOLD, "乡亲们说，今年风调雨顺，麦子长得好，合作社的收购价也比去年高了不少。"]
    text = ["河南洛阳，一款冰箱贴卖出几十万件，登上社交平台热搜榜，带动非遗进入寻常百姓生活。",
            "博物馆的设计团队把馆藏文物的纹样印上书签、茶杯和雨伞，年轻游客争相购买。"]
    page = parse("上一篇报道的标题", *told, kicker, headline, *text)
    assert heads(page) == ["上一篇报道的标题", headline]
    b = page.articles[1]
    assert (b.kicker, b.headline, b.subheadline) == (kicker, headline, None)
    assert b.paragraphs == text
    assert page.articles[0].paragraphs == told
