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


#: a story long enough to measure: its names and terms (职业教育, 院校, 技能人才) run through it
SCHOOL = [
    "围绕技能人才培养，河南构筑完整科学的职业教育体系，打造金专业、金课程、金教材、金师资、"
    "金基地，形成高素质技能人才贯通培养的格局，职业院校的办学水平不断提升。",
    "近日，郑州电力高等专科学校承接的电力技术产业工人培训项目圆满完成，两千余名新入职电力职工"
    "完成入职培训，走向工作岗位。与此同时，该校与多家电力企业共建实训基地，职业院校学生在"
    "实训基地里跟着师傅学技能，毕业即能上岗。",
    "在洛阳，职业院校与装备制造企业共建产业学院，订单班的学生一入学就有了对口岗位；在新乡，"
    "职业院校把课堂搬进车间，技能人才的培养更贴近生产一线。职业教育与产业发展同频共振，"
    "院校专业设置紧跟产业链布局。",
    "据了解，河南省产业链群中，一线技术技能人才七成来自职业院校，为河南产业高质量发展提供了"
    "人才支撑。职业院校每年向社会输送技能人才数十万名，职业教育的吸引力持续增强。",
    "下一步，河南将继续深化产教融合、校企合作，推动职业院校与龙头企业共建专业、共育技能人才，"
    "让更多职业院校毕业生在家门口就业，为职业教育发展高地建设注入新的动力。",
]
def test_a_comma_intertitle_over_the_storys_own_words_stays_in_it() -> None:
    intertitle = "校企共建，技能人才更贴近一线"
    page = parse("河南着力打造职业教育发展高地", *SCHOOL[:2], intertitle, *SCHOOL[2:])
    assert heads(page) == ["河南着力打造职业教育发展高地"]
    assert page.articles[0].paragraphs == [*SCHOOL[:2], intertitle, *SCHOOL[2:]]


def test_a_heading_over_text_that_closes_what_it_never_opened_is_a_headline() -> None:
    # the story's first column was lost: its text opens inside a book title (…方案（…）》),
    # which no paragraph under an intertitle does; the heading is shaped as the story's own
    intertitle = "职业院校办学水平不断提升"
    headline = "国办印发促进残疾人就业方案"
    cut = ("人就业三年行动方案（2025—2027年）》（以下简称《行动方案》），"
           "以持续提升残疾人公共服务质量。")
    page = parse("上一篇报道的标题", SCHOOL[0], intertitle, *SCHOOL[1:3], headline, cut, P1)
    assert heads(page) == ["上一篇报道的标题", headline]
    assert page.articles[0].paragraphs == [SCHOOL[0], intertitle, *SCHOOL[1:3]]
    assert page.articles[1].paragraphs == [cut, P1]


def test_a_heading_over_text_that_opens_with_a_quote_stays_an_intertitle() -> None:
    first, second = "职业院校办学水平不断提升", "校企共建产业学院共育人才"
    quoted = "“学校就在厂边上，学生一入学就有了对口岗位。”一位企业负责人说。"
    page = parse("上一篇报道的标题", SCHOOL[0], first, *SCHOOL[1:3], second, quoted, SCHOOL[3])
    assert heads(page) == ["上一篇报道的标题"]
    assert page.articles[0].paragraphs == [SCHOOL[0], first, *SCHOOL[1:3], second, quoted,
                                           SCHOOL[3]]


def test_a_headline_is_not_joined_to_a_cut_lead_under_it() -> None:
    # 74.96万件 ends on a count, not on a number waiting for its noun: the lead under it opens
    # inside its credit (…电（记 | 者张三）), so the line before it is no start of that text
    kicker = "司法部发布《行政复议工作白皮书（2024）》"
    headline = "去年全国新收行政复议案件74.96万件"
    cut = "者张三）司法部日前发布《行政复议工作白皮书（2024）》。白皮书显示，案件数量稳中有升。"
    page = parse("上一篇报道的标题", *SCHOOL[:3], kicker, headline, cut, P1)
    assert heads(page) == ["上一篇报道的标题", headline]
    b = page.articles[1]
    assert (b.kicker, b.headline, b.subheadline) == (kicker, headline, None)
    assert b.paragraphs == [cut, P1]
    assert page.articles[0].paragraphs == SCHOOL[:3]


def test_a_heading_over_a_marked_summary_and_a_lead_is_a_headline() -> None:
    # the summary's points (■…) stand between the headline and its lead
    intertitle = "职业院校办学水平不断提升"
    headline = "把作风建设要求进一步落实"
    points = ["■ 作风建设永远在路上，各级党组织要认真履行政治责任，勇于直面问题。",
              "■ 要坚持以上率下，领导机关和领导干部要带头转作风、树新风。"]
    lead = "新华社北京6月30日电 中共中央政治局6月30日下午就加强作风建设进行集体学习。"
    # a feature signed at its top: one plain line in it would be its intertitle
    page = parse("上一篇报道的标题", "本报记者  张  三", SCHOOL[0], intertitle, *SCHOOL[1:3],
                 headline, *points, lead, P1)
    assert heads(page) == ["上一篇报道的标题", headline]
    assert page.articles[0].paragraphs == [SCHOOL[0], intertitle, *SCHOOL[1:3]]
    assert page.articles[1].paragraphs == [*points, lead, P1]
