"""Compilations under an editor's note: a book list signed item by item, readers' questions each
answered by a signed essay; they stay one article until a story of its own comes."""

from __future__ import annotations

from pathlib import Path

from edition.helpers import P1, P2, P3, edition_folder, heads, only, page_bytes, parse
from publisher.edition import parse_paths

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


#: a round-up's text: its sections under quoted headings, two of them with a comma
ROUND = ["新春佳节，记者走进多个社区，听社区干部讲述减负以来工作中的新变化，感受基层的新气象。",
         "“以前一到年底，社区干部忙着填表、迎检，如今表格少了，我们有更多时间走进居民家中。”某社区党委书记张明说。",
         "某街道把各类检查合并为一次，社区干部腾出手来办实事，居民的难题解决得更快了。",
         "张明说，社区干部减负以后，大家把心思花在服务居民上，社区里的新春活动办得更热闹了。",
         "网格员李华每天走访独居老人，帮他们买年货、修水管，社区居民都说网格员是贴心人。",
         "“减负不减责任，社区干部把省下来的时间都用在了居民身上。”某街道党工委书记王强说。",
         "过年了，某市南湖公园张灯结彩，一场便民公益集市热闹开场，窗花、对联琳琅满目，寒假托管班报名排起长队。",
         "“希望更多力量向基层倾斜，精准匹配需求，让小马跑出加速度！”展望新年，杨志超很有底气。"]


def test_a_quoted_section_heading_without_the_comma_of_the_others_stays_in_the_round_up() -> None:
    page = parse("务实新风扑面来（走基层）", "——社区干部新春话减负", ROUND[0],
                 "“表格少了，时间多了”", ROUND[1], ROUND[2], ROUND[3],
                 "“干一分实事，有一分收获”", ROUND[4], ROUND[5],
                 "“让社区跑出加速度”", ROUND[6], ROUND[7])
    story = only(page)
    assert (story.kicker, story.headline, story.subheadline) == (
        None, "务实新风扑面来（走基层）", "社区干部新春话减负")
    assert story.paragraphs == [ROUND[0], "“表格少了，时间多了”", *ROUND[1:4],
                                "“干一分实事，有一分收获”", ROUND[4], ROUND[5],
                                "“让社区跑出加速度”", ROUND[6], ROUND[7]]


#: the round-up's text after its jump
GOES_ON = ("网格员李华说，减负以后，社区干部有了更多时间走进居民家中，居民的难题解决得更快，"
           "集市也办得更热闹了。")


def test_the_round_up_s_quoted_section_goes_on_after_its_jump(tmp_path: Path) -> None:
    folder = edition_folder(tmp_path, {
        1: page_bytes("务实新风扑面来（走基层）", "——社区干部新春话减负", ROUND[0],
                      "“表格少了，时间多了”", ROUND[1], ROUND[2], ROUND[3],
                      "“干一分实事，有一分收获”", ROUND[4], ROUND[5] + "（下转第四版）"),
        4: page_bytes("第 4 版", "务实新风扑面来（走基层）", "（上接第一版）", GOES_ON,
                      "“让社区跑出加速度”", ROUND[6], ROUND[7])})
    story, = parse_paths([folder]).articles
    assert (story.kicker, story.headline, story.subheadline, story.pages) == (
        None, "务实新风扑面来（走基层）", "社区干部新春话减负", [1, 4])
    assert story.paragraphs == [ROUND[0], "“表格少了，时间多了”", *ROUND[1:4],
                                "“干一分实事，有一分收获”", ROUND[4], ROUND[5], GOES_ON,
                                "“让社区跑出加速度”", ROUND[6], ROUND[7]]


def test_a_package_s_signed_parts_go_on_after_its_jump_under_its_kicker_and_headline(
        tmp_path: Path) -> None:
    note = "编者按：在“七一”到来之际，本报记者走进基层党组织，看党员干部如何践行正确政绩观。"
    part1 = ["江苏某县践行造福人民的政绩观", "脚踏实地干，破解供水难题", "本报记者 白光迪", P1]
    part2 = ["广东某街道推动构建亲清政商关系", "守住底线干，用心服务企业", "本报记者 姜晓丹"]
    part3 = ["宁夏某市持续整治形式主义为基层减负", "轻装上阵干，更好担当作为", "本报记者 张 文", P1]
    folder = edition_folder(tmp_path, {
        1: page_bytes("以钉钉子精神加强作风建设", "让党旗在基层一线高高飘扬", note, *part1, *part2,
                      P2 + "（下转第二版）"),
        2: page_bytes("第 2 版", "让党旗在基层一线高高飘扬", "（上接第一版）", P3, *part3)})
    story, = parse_paths([folder]).articles
    # the continuation repeats the headline under the kicker (a causative 让 line is the
    # headline, test_heading_fields), and the parts go on after the jump
    assert (story.kicker, story.headline, story.subheadline, story.pages) == (
        "以钉钉子精神加强作风建设", "让党旗在基层一线高高飘扬", None, [1, 2])
    assert story.paragraphs == [note, *part1, *part2, P2, P3, *part3]
