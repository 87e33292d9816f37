"""Compilations under an editor's note: a book list signed item by item, readers' questions each
answered by a signed essay; they stay one article until a story of its own comes."""

from __future__ import annotations

from edition.helpers import P1, P2, P3, heads, only, parse

NOTE = "在读书日到来之际，我们邀请几位作者回答小读者的提问，与大家分享读书的乐趣。"
Q1 = "我是某市实验小学三年级的学生，我很喜欢看书，请问怎样才能读得更好？"
Q2 = "我是某县中学初二的学生，平时爱读历史书，请问读书的乐趣在哪里？"
BOOK1 = "《山河故人》：张三著；某某出版社出版"
BOOK2 = "《星空笔记》：李四著，王五译；某某文艺出版社出版"
LIST_NOTE = "世界读书日即将到来，本版推出首期书单，十位荐书人推荐了他们心中的好书，与读者共享。"


def test_a_readers_question_after_an_essay_s_credit_stays_in_the_package() -> None:
    page = parse("静心阅读 快乐成长（读书日特别报道）", NOTE, "——编 者",
                 "小读者提问：", Q1, "阅读需要想象", "施一公", P1, "（作者为某大学校长）",
                 "小读者提问：", Q2, "读书是种子等待春天", "王计兵", P2, "（作者为诗人）",
                 "读书要多些沉潜（快评）", "本报记者 张明", P3)
    assert heads(page) == ["静心阅读 快乐成长（读书日特别报道）", "读书要多些沉潜（快评）"]
    package = page.articles[0]
    assert (package.kicker, package.subheadline) == (None, None)
    assert package.paragraphs == [NOTE, "——编 者", "小读者提问：", Q1, "阅读需要想象", "施一公", P1,
                                  "（作者为某大学校长）", "小读者提问：", Q2, "读书是种子等待春天",
                                  "王计兵", P2, "（作者为诗人）"]
    assert page.articles[1].paragraphs == [P3]


def test_a_book_list_s_items_stay_in_it_and_its_note_opens_no_story() -> None:
    page = parse("前文的标题", P3, "首期主题——", "读书的力量（书单）",
                 BOOK1, P1, "——赵六（某出版社社长）", BOOK2, P2, "——钱七（某大学教授）",
                 LIST_NOTE, "——编 者",
                 "为什么今人爱读苏东坡", "肖启明", P3, "（作者为某书局执行董事）")
    assert heads(page) == ["前文的标题", "读书的力量（书单）"]
    books = page.articles[1]
    # the first item under the headline is no subheadline: the list's first intertitle
    assert (books.kicker, books.subheadline) == ("首期主题——", None)
    assert books.paragraphs == [BOOK1, P1, "——赵六（某出版社社长）", BOOK2, P2,
                                "——钱七（某大学教授）", LIST_NOTE, "——编 者",
                                "为什么今人爱读苏东坡", "肖启明", P3, "（作者为某书局执行董事）"]


def test_a_page_of_parts_under_one_headline_is_one_article() -> None:
    lead = "本报北京6月1日电（记者张明）这是另一篇消息的导语，讲述了会议的主要内容。"
    page = parse("凝聚品牌之力 服务人民生活（品牌日）", "某电力集团助力绿色低碳发展",
                 "提升品牌价值 彰显社会责任", "本报记者 石惟嘉", P1,
                 "某银行支持企业探索出海新路径", "强化联动机制 服务对外开放", "本报记者 吴 姗", P2,
                 "某乳业集团构建全球创新体系", "加快数智转型 践行绿色发展", "本报记者 侯琳良", P3,
                 "另一件新闻登上版面", lead)
    assert heads(page) == ["凝聚品牌之力 服务人民生活（品牌日）", "另一件新闻登上版面"]
    parts = page.articles[0]
    assert (parts.kicker, parts.subheadline) == (None, None)
    assert parts.paragraphs == [
        "某电力集团助力绿色低碳发展", "提升品牌价值 彰显社会责任", "本报记者 石惟嘉", P1,
        "某银行支持企业探索出海新路径", "强化联动机制 服务对外开放", "本报记者 吴 姗", P2,
        "某乳业集团构建全球创新体系", "加快数智转型 践行绿色发展", "本报记者 侯琳良", P3]


def test_a_poet_credited_under_the_poem_s_source_is_no_headline() -> None:
    poem = "黄师塔前江水东，春光懒困倚微风。桃花一簇开无主，可爱深红爱浅红？"
    page = parse("西藏林芝桃花旅游文化节吸引八方宾客", "雪域桃源花灼灼（一朵花读懂一座城）",
                 "本报记者 卢 涛", poem, "——《江畔独步寻花·其五》", "唐·杜甫", P1,
                 "刚柔并济 热情好客", P2)
    story = only(page)
    assert (story.kicker, story.headline, story.subheadline) == (
        "西藏林芝桃花旅游文化节吸引八方宾客", "雪域桃源花灼灼（一朵花读懂一座城）", None)
    assert story.paragraphs == [poem, "——《江畔独步寻花·其五》", "唐·杜甫", P1,
                                "刚柔并济 热情好客", P2]
