"""A story's own intertitle series (round three, helper valseries), one small page each."""

from __future__ import annotations

from edition.helpers import P1, P2, heads, only, parse

P3 = "这是第三段正文，村民们在新修的广场上跳起了舞蹈。"


def test_a_series_of_label_pairs_is_even_as_pairs_not_by_its_short_labels() -> None:
    # labels of four characters, then eight: the pairs run 17, 14 and 24 characters
    pairs = [["侗族大歌", "“让更多人听到我们的歌声”"], ["侗寨鼓楼", "看到鼓楼就能看到家乡"],
             ["侗族文化展示中心", "“我们有保护民族文化的使命感”"]]
    body = [P1, P2, *pairs[0], P3, P1, *pairs[1], P2, P3, *pairs[2], P1, P2]
    page = parse("贵州推动民族文化创造性转化", "侗寨迎客来", *body, "（下转第二版）")
    story = only(page)
    assert story.headline == "侗寨迎客来"
    assert story.paragraphs == body


def test_a_heading_under_a_short_question_after_another_stays_in_the_story() -> None:
    # each answer in words of its own: the text after the heading is not cohesive
    body = [P1, "氢能用在哪？", P2, P3, "氢能从哪来？", "四十余家企业构成产业完整生态",
            "在测试场，长约两米的圆柱形电解槽中，水溶液翻涌出细密气泡。",
            "成本怎么降？", "风光发电制氢，发展储运技术",
            "绿氢的价格取决于制取方式，西部风光资源丰富，电价更低。"]
    story = only(parse("工业重镇发力氢能产业", *body))
    assert story.headline == "工业重镇发力氢能产业"
    assert story.paragraphs == body


def test_a_headline_under_the_story_s_only_question_still_opens_a_story() -> None:
    page = parse("工业重镇发力氢能产业", P1, P2, "氢能从哪来？", "四十余家企业构成产业完整生态",
                 "巴蜀山高，川渝水长。成渝地区双城经济圈建设迎来五周年。")
    assert heads(page) == ["工业重镇发力氢能产业", "四十余家企业构成产业完整生态"]


def test_a_box_label_over_a_two_line_title_stays_in_the_story() -> None:
    box = ["链接", "“十四五”时期", "累计向社会输送高校毕业生五千五百万人"]
    tail = "教育部全链条优化培养供给、升级就业服务、强化支持保障。"
    story = only(parse("助力高校毕业生走稳就业路", P1, P2, *box, tail))
    assert story.paragraphs == [P1, P2, *box, tail]


def test_a_comma_line_after_the_story_s_series_ended_opens_a_story_over_its_own() -> None:
    pairs = [["发展网络文化", "民歌圈粉走红"], ["推动资源直达", "文化浓度更高"]]
    new = ["闽江之畔、鼓岭之巅，一段中美民间友好交往的佳话，一再被世人念记，传递可贵的和音。",
           "见证并记录三十多年前的鼓岭故事，对于一名新闻工作者而言，是非常珍贵的经历。"]
    page = parse("文化添彩", P1, *pairs[0], P2, *pairs[1], P3,
                 "鼓岭情缘，牵起跨越太平洋的乡恋", new[0], "鼓岭之约，源自征文好故事", new[1])
    assert heads(page) == ["文化添彩", "鼓岭情缘，牵起跨越太平洋的乡恋"]
    assert page.articles[1].paragraphs == [new[0], "鼓岭之约，源自征文好故事", new[1]]
