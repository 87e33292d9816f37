"""A story's own series of intertitles, one small page each."""

from __future__ import annotations

from edition.helpers import heads, only, parse

P1 = "这是第一段正文，讲述了工厂的生产情况和工人的生活。"
P2 = "这是第二段正文，记者在现场看到机器轰鸣，一派繁忙景象。"
P3 = "这是第三段正文，村民们在新修的广场上跳起了舞蹈。"
#: a new story's text, none of the words above
NEW = "巴蜀山高，川渝水长。成渝地区双城经济圈建设迎来五周年。"


def test_a_series_of_two_phrase_lines_is_the_story_s_intertitles() -> None:
    titles = ["创新引领 产业活力迸发", "城乡融合 打造营商环境", "善治有为 擦亮幸福底色"]
    page = parse("古城新生", P1, titles[0], P2, P3, titles[1], P1, P2, titles[2], P3, P1)
    story = only(page)
    assert story.headline == "古城新生"
    assert story.paragraphs == [P1, titles[0], P2, P3, titles[1], P1, P2, titles[2], P3, P1]


def test_a_lone_two_phrase_line_is_still_a_new_story_s_headline() -> None:
    page = parse("古城新生", P1, P2, "艰苦卓绝的努力 来之不易的成绩", P3, P1)
    assert heads(page) == ["古城新生", "艰苦卓绝的努力 来之不易的成绩"]


def test_a_long_kicker_with_a_comma_over_a_headline_opens_a_story() -> None:
    kicker = "五年协同共建，打造西部高质量发展重要增长极"
    page = parse("古城新生", P1, P2, kicker, "共同唱好新时代双城记", NEW)
    assert heads(page) == ["古城新生", "共同唱好新时代双城记"]
    assert page.articles[1].kicker == kicker
    assert page.articles[1].paragraphs == [NEW]


def test_a_long_kicker_over_a_two_phrase_headline_opens_a_story_also_over_a_jump() -> None:
    kicker = "全国离退休干部先进集体、上海市杨浦区宣讲团队"
    page = parse("古城新生", P1, P2, kicker, "声聚正能量 为霞尚满天", NEW, "（下转第二版）")
    assert heads(page) == ["古城新生", "声聚正能量 为霞尚满天"]
    assert page.articles[1].kicker == kicker


def test_a_short_phrase_over_a_two_phrase_line_in_a_story_that_jumps_is_an_intertitle() -> None:
    pair = ["港口更大气", "发展高效益 生态高颜值"]
    page = parse("古城新生", P1, P2, *pair, P3, P1, "（下转第二版）")
    assert heads(page) == ["古城新生"]


def test_a_box_label_over_its_title_after_the_story_s_credit_stays_in_the_story() -> None:
    credit = "（朱泉润参与采写）"
    page = parse("古城新生", P1, P2, credit, "■记者手记", "让冷门绝学薪火不断", P3, P1)
    story = only(page)
    assert story.headline == "古城新生"
    assert story.paragraphs == [P1, P2, credit, "■记者手记", "让冷门绝学薪火不断", P3, P1]


def test_a_lone_line_ending_in_a_dash_over_text_is_the_story_s_line() -> None:
    line = "我国古代神话有一种独特的精神品质——"
    myth = "从盘古开天、女娲补天、伏羲画卦、神农尝草，到夸父追日，无不讲述坚韧。"
    story = only(parse("古城新生", P1, P2, line, myth))
    assert story.paragraphs == [P1, P2, line, myth]


def test_a_pair_of_lines_over_the_story_s_own_words_over_a_jump_is_an_intertitle() -> None:
    before = "川渝两地联合建设成渝地区双城经济圈，重庆与成都携手推进产业协作。"
    after = "川渝合作打通产学研，重庆与成都的双城经济圈科研项目拔节生长。"
    pair = ["一体谋划共同推进", "赋能发展双向奔赴"]
    page = parse("共同唱好双城记", before, P1, *pair, after, "（下转第二版）")
    assert heads(page) == ["共同唱好双城记"]
    assert only(page).paragraphs == [before, P1, *pair, after]


def test_a_plain_line_after_eight_untitled_paragraphs_opens_a_story_over_a_jump() -> None:
    body = [P1, P2, P3, P1, P2, P3, P1, P2]
    # the text after the line shares a few of the story's words: neither cohesive nor loose
    grain = ["夏粮收购进度过半，工厂的工人也来帮忙售粮，各地粮库延长开放时间。",
             "粮食部门表示，今年收购价格保持稳定，农民收入有保障。"]
    page = parse("长篇通讯见闻", *body, "全市夏粮收购工作基本完成", *grain, "（下转第二版）")
    assert heads(page) == ["长篇通讯见闻", "全市夏粮收购工作基本完成"]
    assert page.articles[0].paragraphs == body
    # the story has printed an intertitle: eight units are not yet enough
    titled = [P1, P2, P3, "“我们要把工厂办好”", P1, P2, P3, P2]
    a = only(parse("长篇通讯见闻", *titled, "全市夏粮收购工作基本完成", *grain, "（下转第二版）"))
    assert a.intertitles == [3, 8]
