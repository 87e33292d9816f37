"""A story cut at one of its intertitles: the text after it is still the story's."""

from __future__ import annotations

from edition.helpers import P1, P2, P3, heads, only, parse

#: a feature's two-line intertitles: a short label over a longer line
FIRST = ["村史载乡愁", "所有村落都被录入乡村记忆丛书"]


def test_an_intertitle_whose_line_opens_with_a_word_of_ji_is_no_subheadline() -> None:
    # 记忆馆… opens with 记 of 记忆, not the 记 of a subheadline (——记全国劳模张三)
    second = ["展馆忆往昔", "记忆馆、村史馆传承乡土文化"]
    blocks = [P1, *FIRST, P2, P3, *second, P1, P2, "（下转第二版）"]
    story = only(parse("古城新生", *blocks))
    assert story.headline == "古城新生"
    assert story.paragraphs == [b for b in blocks if not b.startswith("（下转")]


#: a story without a lead, and text after the intertitle sharing a few of its words
MCN = ["多频道网络机构为内容生产者提供策划、制作、营销等服务，行业规模不断扩大。",
       "如何引导机构从流量至上转为内容向善？记者采访了专家和业内人士。"]
TRAP = ["一条爆火视频，竟被证实是由机构策划、摆拍出来的表演。",
        "专家认为，一些中小型机构只顾短期流量，不顾长期效益。"]


def test_a_short_label_over_a_longer_line_is_an_intertitle_pair_not_a_kicker() -> None:
    pair = ["怎么避坑", "提防假内容、假流量、不公平合约"]
    story = only(parse("自律他律都得有", *MCN, *pair, *TRAP))
    assert story.paragraphs == [*MCN, *pair, *TRAP]


def test_a_full_line_over_a_headline_is_still_a_kicker() -> None:
    kicker, headline = "山西省阳城县推进乡村文化记忆工程", "这里的乡土故事很动人"
    page = parse("自律他律都得有", *MCN, kicker, headline, *TRAP)
    assert heads(page) == ["自律他律都得有", headline]
    assert page.articles[1].kicker == kicker


def test_a_line_printing_the_headline_s_words_again_is_the_story_s_intertitle() -> None:
    line = "多频道网络机构的孕育、形成和发展"
    story = only(parse("多频道网络机构，自律他律都得有", *MCN, line, *TRAP))
    assert story.paragraphs == [*MCN, line, *TRAP]


def test_a_line_sharing_no_words_with_the_headline_still_opens_a_story() -> None:
    page = parse("多频道网络机构，自律他律都得有", *MCN, "山村里的乡土故事很动人", *TRAP)
    assert heads(page) == ["多频道网络机构，自律他律都得有", "山村里的乡土故事很动人"]


def test_a_short_label_over_signed_quotations_is_the_story_s_box() -> None:
    voices = ["老张，你这俩月卧底跑单，值了！你懂我们的难处，做的事才能帮到点子上。",
              "——闪送员王鹏",
              "亲身体验才能发现真问题，这样的调研方式值得推广，机构也要告别流量至上。",
              "——街道党委副书记赵刚"]
    story = only(parse("自律他律都得有", *MCN, *TRAP, "感言", *voices))
    assert story.paragraphs == [*MCN, *TRAP, "感言", *voices]


def test_a_short_line_over_plain_text_still_opens_a_story() -> None:
    text = ["老张，你这俩月卧底跑单，值了！你懂我们的难处，做的事才能帮到点子上。",
            "亲身体验才能发现真问题，这样的调研方式值得推广，机构也要告别流量至上。"]
    page = parse("自律他律都得有", *MCN, *TRAP, "跑单见闻", *text)
    assert heads(page) == ["自律他律都得有", "跑单见闻"]


#: a feature's text, each part under a phrase over a quotation of the people it is about
YOUTH = ["青年朋友来自大江南北，团队里有研究员，也有刚刚毕业的学生，大家围坐在一起畅谈。",
         "总书记常常讲，这个时间我是留给青年人的，也身体力行去做，同青年打成一片。"]
HELP = ["总书记心系青年、关怀青年，各地为青年创造发展条件，团队里的研究员也有了住房。",
        "刚刚毕业的学生畅谈：总书记常常讲，青年人的事要身体力行去做，关爱就在身边。"]


def test_a_phrase_over_a_quotation_is_an_intertitle_whether_or_not_the_quotation_has_a_comma(
) -> None:
    first = ["青年朋友的知心人", "“我到任何一个地方都关心青年”"]
    second = ["青年工作的热心人", "“努力为青年创造良好发展条件，让他们感受到关爱就在身边”"]
    third = ["青年群众的引路人", "“到祖国和人民最需要的地方发光发热，贡献青春力量”"]
    lead = "在习近平总书记心中，青年始终占据着重要位置，总书记始终心系青年、关怀青年、倾听青年。"
    blocks = [lead, *first, *YOUTH, *second, *HELP, *third, YOUTH[1]]
    story = only(parse("总书记和青年朋友在一起", *blocks))
    assert story.headline == "总书记和青年朋友在一起"
    assert story.kicker is None
    assert story.paragraphs == blocks


#: a story's opening, and the text after an intertitle drawn from its first sentence
NEEDS = ["内需是拉动经济增长的主动力和稳定锚，扩大内需关乎消费和投资。",
         "各地区各部门认真落实部署，推动消费提质升级、投资稳步增长。"]
DEMAND = ["集中签约项目88个，总投资超2600亿元，在福建泉州组织的一场招商签约活动上，投资热情高涨。",
          "随着存量政策有效落实，政策组合效应持续发挥，消费、投资持续积蓄更强的向上向好力量。",
          "看数据，消费规模持续扩大，投资实现平稳增长，市场预期总体改善。"]


def test_a_line_the_text_after_it_prints_again_is_the_story_s_intertitle() -> None:
    line = "消费、投资持续积蓄向上向好力量"
    story = only(parse("全方位扩大国内需求", *NEEDS, line, *DEMAND))
    assert story.paragraphs == [*NEEDS, line, *DEMAND]


def test_a_line_the_text_after_it_does_not_print_again_still_opens_a_story() -> None:
    page = parse("全方位扩大国内需求", *NEEDS, "冰雪旅游带火冬季市场", *DEMAND)
    assert heads(page) == ["全方位扩大国内需求", "冰雪旅游带火冬季市场"]


def test_a_line_its_first_paragraph_restates_is_a_headline_over_its_lead() -> None:
    line = "消费、投资持续积蓄向上向好力量"
    page = parse("全方位扩大国内需求", *NEEDS, line, *DEMAND[1:])
    assert heads(page) == ["全方位扩大国内需求", line]
    assert page.articles[1].paragraphs == DEMAND[1:]


#: a tour of places, each part under the place's name and what the part is about
INNS = ["如今，个性化民宿成为年轻人旅行出游时的热门选择，民宿经济带动乡村旅游发展。",
        "记者走访浙江多地，看特色民宿如何焕活美丽乡村。"]
STAY = ["夏日清晨，莫干山云雾缭绕，山脚下的民宿里，民宿管家早早为客人准备好早餐。",
        "提前联系客人、推荐游玩地点、安排行程，民宿管家的服务让乡村旅游更有温度。"]


def test_a_short_name_over_a_line_is_the_story_s_part_not_a_kicker() -> None:
    part = ["湖州德清——", "民宿管家提升服务"]
    story = only(parse("特色民宿焕活美丽乡村", *INNS, *part, *STAY))
    assert story.paragraphs == [*INNS, *part, *STAY]


def test_a_full_line_over_a_headline_after_a_story_is_still_a_kicker() -> None:
    kicker = "北京石景山区八角中里社区党委——"
    page = parse("特色民宿焕活美丽乡村", *INNS, kicker, "围着居民需求转", *STAY)
    assert heads(page) == ["特色民宿焕活美丽乡村", "围着居民需求转"]
    assert page.articles[1].kicker == kicker
