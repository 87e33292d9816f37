"""One small page per rule, with the exact articles an editor would see."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from edition.helpers import heads, only, page_bytes, parse
from publisher.edition import parse_paths
from publisher.models import Dateline, Publication

P1 = "这是第一段正文，讲述了工厂的生产情况和工人的生活。"
P2 = "这是第二段正文，记者在现场看到机器轰鸣，一派繁忙景象。"
P3 = "这是第三段正文，专家认为这一做法值得推广。"


def test_furniture_is_recognised_without_configuration() -> None:
    page = parse("人民日报", "RENMIN RIBAO", "2020 年 1 月 7 日  星期二", "今日 16 版", "03",
                 "第 3 版", "山区小镇迎来新变化", P1, "责任编辑：张三  版式设计：李四")
    assert heads(page) == ["山区小镇迎来新变化"]
    assert only(page).paragraphs == [P1]
    roles = [r for r, _ in page.roles]
    assert roles[:6] == ["masthead"] + ["furniture"] * 5
    assert roles[-1] == "furniture"


def test_masthead_lines_from_publication_and_top_block() -> None:
    pub = Publication(slug="city-daily", name="城市日报", masthead=("全国百强报", "创新单位"))
    page = parse("全国百强报\n创新单位", "城市日报", "新桥今日通车", P1, publication=pub)
    assert heads(page) == ["新桥今日通车"]
    page = parse("全国百强报\n创新单位", "新桥今日通车", P1)  # no configuration
    assert heads(page) == ["新桥今日通车"]


def test_lead_gives_source_dateline_authors() -> None:
    lead = "新华社北京 4 月 1 日电（记者王小明、李大华）国家有关部门 1 日发布文件。"
    a = only(parse("多部门联合发布新规", lead, P1))
    assert a.source == "新华社"
    assert a.authors == ["王小明", "李大华"]
    assert a.dateline == Dateline(place="北京", date=dt.date(2026, 4, 1))
    assert a.paragraphs == ["新华社北京4月1日电（记者王小明、李大华）国家有关部门1日发布文件。", P1]


def test_dateline_in_a_new_year_edition_is_the_previous_year() -> None:
    lead = "本报上海 12 月 31 日电（记者周一）跨年活动顺利举行。"
    a = only(parse("跨年活动顺利举行", lead, date=dt.date(2027, 1, 1)))
    assert a.dateline == Dateline(place="上海", date=dt.date(2026, 12, 31))
    assert a.source == "本报"


def test_xun_lead_with_compound_source() -> None:
    a = only(parse("某县新增两家工厂", "江南云—江南日报讯（记者陈静）近日，某县新增两家工厂。"))
    assert (a.source, a.authors, a.dateline) == ("江南云—江南日报", ["陈静"], None)


def test_byline_and_dash_subheadline() -> None:
    page = parse("科技创新实现新跨越", "——关于创新发展的系列述评之一", "□新华社记者 张 三",
                 P1, P2)
    a = only(page)
    assert a.headline == "科技创新实现新跨越"
    assert (a.subheadline, a.kicker) == ("关于创新发展的系列述评之一", None)
    assert (a.source, a.authors) == ("新华社", ["张三"])
    assert a.paragraphs == [P1, P2]


def test_short_subheadline_presided() -> None:
    page = parse(P3, "区委召开常委会议", "王五主持", "本报讯（记者赵六）4 月 1 日，区委召开会议。")
    assert heads(page) == ["", "区委召开常委会议"]
    a = page.articles[1]
    assert a.subheadline == "王五主持"
    assert (a.source, a.authors) == ("本报", ["赵六"])


def test_byline_with_correspondent() -> None:
    a = only(parse("小村大变样", "本报记者 钱七 通讯员 孙八", P1))
    assert a.authors == ["钱七", "孙八"]
    assert a.source == "本报"


def test_kicker_with_dash_and_column_tag() -> None:
    page = parse(P1 + "（作者为某大学教授）", "某市着力打造滨海新城——", "向海而兴（城市观察）", P2)
    assert heads(page) == ["", "向海而兴（城市观察）"]
    assert page.articles[1].kicker == "某市着力打造滨海新城——"


def test_kicker_without_dash_before_a_lead() -> None:
    lead = "本报北京 4 月 1 日电（记者吴九）有关部门负责人表示，将进一步加强监管。"
    a = only(parse("就食品安全问题", "市场监管部门发布消费提示", lead))
    assert (a.kicker, a.headline) == ("就食品安全问题", "市场监管部门发布消费提示")
    b = only(parse("某某部门", "公布阶段性工作成果", lead))
    assert (b.kicker, b.headline) == ("某某部门", "公布阶段性工作成果")


def test_subheadline_answering_questions() -> None:
    a = only(parse("推动高质量发展", "有关部门负责人答记者问", P1))
    assert (a.headline, a.subheadline, a.paragraphs) == ("推动高质量发展", "有关部门负责人答记者问",
                                                         [P1])


def test_column_break_joins_mid_word_and_mid_sentence() -> None:
    a = only(parse("会议召开", "会议指出，要推动形成三级党委高", "度重视代表工作的良好局面。",
                   "与会人员表示，要以更高", "标准推进工作，取得显著成", "效。"))
    assert a.paragraphs == ["会议指出，要推动形成三级党委高度重视代表工作的良好局面。",
                            "与会人员表示，要以更高标准推进工作，取得显著成效。"]


def test_intertitles_stay_inside_their_article() -> None:
    page = parse("长河两岸换新颜", P1, "临河又亲河——", "滨水空间正在形成", P2,
                 "靠水更护水——", "产业转型民生提质", P3)
    a = only(page)
    assert a.paragraphs == [P1, "临河又亲河——", "滨水空间正在形成", P2, "靠水更护水——",
                            "产业转型民生提质", P3]
    assert a.intertitles == [1, 2, 4, 5]


def test_comma_intertitle_is_not_a_headline() -> None:
    a = only(parse("新城建设提速", P1, "规划先行，建设提速", P2))
    assert a.intertitles == [1]


def test_photo_caption_after_a_news_story_is_its_own_article() -> None:
    lead = "本报北京 4 月 1 日电（记者郑十）全国春耕生产进展顺利。"
    page = parse("春耕生产进展顺利", lead, P1, "田间忙碌", "4 月 1 日，农民在田间劳作。")
    assert heads(page) == ["春耕生产进展顺利", "田间忙碌"]
    assert page.articles[1].paragraphs == ["4月1日，农民在田间劳作。"]


def test_credit_in_brackets_ends_an_article() -> None:
    page = parse("谈谈读书", P1, "（作者为某大学教授）", "说说写字", P2)
    assert heads(page) == ["谈谈读书", "说说写字"]
    assert page.articles[0].paragraphs == [P1, "（作者为某大学教授）"]


def test_front_matter_label_after_headline() -> None:
    a = only(parse("制度优势铸就自信", "内容提要", P1))
    assert (a.headline, a.paragraphs, a.intertitles) == ("制度优势铸就自信", ["内容提要", P1], [0])


def test_pull_quote_after_headline_is_a_paragraph() -> None:
    a = only(parse("让金融服务实体经济", "深化金融改革，全面提升服务实体经济能力", P1))
    assert a.subheadline is None
    assert a.paragraphs == ["深化金融改革，全面提升服务实体经济能力", P1]


def test_incomplete_start_is_flagged_and_kept() -> None:
    page = parse("政协党组会议召开", "某某主持", "神、习近平的讲话精神等。会议审议通过有关文件。")
    a = only(page)
    assert a.incomplete_start is True
    assert a.subheadline == "某某主持"


def test_jump_line_sets_continued_on() -> None:
    a = only(parse("长篇通讯", P1, P2 + "（下转第七版）"))
    assert a.continued_on == 7
    assert a.paragraphs == [P1, P2]
    b = only(parse("长篇通讯", P1, P2, "（下转第 12 版）"))
    assert b.continued_on == 12


def test_continuation_part_records_where_it_comes_from() -> None:
    page = parse("长篇通讯", "（上接第 1 版）" + P3, number=7)
    assert only(page).continued_from == 1
    assert only(page).paragraphs == [P3]
    assert only(page).incomplete_start is False


def test_headline_only_page() -> None:
    page = parse("只有标题的版面")
    assert heads(page) == ["只有标题的版面"]
    assert only(page).paragraphs == []


def test_article_ids_are_unique_within_a_page() -> None:
    page = parse("同题", P1, "（完）", "同题", P2)
    ids = [a.id for a in page.articles]
    assert len(ids) == 2 and len(set(ids)) == 2
    assert ids[0].startswith("01-")


def test_heading_like_fragment_opening_with_a_connective_is_a_sentence() -> None:
    a = only(parse("两岸交流持续升温", P1, "至于个别人士所谓交流已经中断的那些说法",
                   "显然与事实不符，", "有关部门对此作了回应。"))
    assert a.paragraphs == [P1, "至于个别人士所谓交流已经中断的那些说法显然与事实不符，"
                                "有关部门对此作了回应。"]
    assert a.intertitles == []


def test_break_inside_a_name_the_page_prints_elsewhere() -> None:
    page = parse("桐溪湾村", "青山叠翠溪水长（美丽乡村）", "某某县某某镇桐",
                 "溪湾村地处山区，村民种茶为生，近年来发展乡村旅游。", P1)
    a = only(page)
    assert (a.kicker, a.headline, a.subheadline) == ("桐溪湾村", "青山叠翠溪水长（美丽乡村）", None)
    assert a.paragraphs[0] == "某某县某某镇桐溪湾村地处山区，村民种茶为生，近年来发展乡村旅游。"


def test_sidebar_label_after_a_credit_stays_with_the_story() -> None:
    page = parse("抗洪一线的年轻人", P1, P2, "（某某、某某对本文有贡献）", "记者手记",
                 "记者在大堤上看到，年轻的面孔格外醒目。", "（某某）")
    a = only(page)
    assert a.paragraphs[-3:] == ["记者手记", "记者在大堤上看到，年轻的面孔格外醒目。", "（某某）"]
    assert a.intertitles == [3]


def test_one_intertitle_in_a_signed_feature_but_a_caption_is_its_own_article() -> None:
    a = only(parse("古村新貌", "本报记者 叶舟", P1, "茶香飘出大山", P2, P3))
    assert (a.paragraphs, a.intertitles) == ([P1, "茶香飘出大山", P2, P3], [1])
    page = parse("古村新貌", "本报记者 叶舟", P1, "花开满园", "图为游客在园中赏花。")
    assert heads(page) == ["古村新貌", "花开满园"]


def test_staff_commentator_credit_at_the_end_closes_the_article() -> None:
    page = parse("实干才能出实绩", P1, P2, "本报评论员", "夜市点亮城市烟火", P3)
    assert heads(page) == ["实干才能出实绩", "夜市点亮城市烟火"]
    assert page.articles[0].paragraphs == [P1, P2, "本报评论员"]
    assert page.articles[0].source == "本报"


def test_page_name_above_the_first_story_is_furniture() -> None:
    a = only(parse("理论", "制度优势的时代意蕴", P1, name="理论"))
    assert (a.kicker, a.headline) == (None, "制度优势的时代意蕴")


def test_kicker_and_headline_repeated_by_the_lead_stay_apart() -> None:
    text = "据统计，全市夏粮收购已完成六成以上，进度快于去年。"
    a = only(parse("全市夏粮收购", "已完成六成以上", text))
    assert (a.kicker, a.headline) == ("全市夏粮收购", "已完成六成以上")


def test_a_dash_kicker_with_no_sibling_of_its_shape_opens_a_story_that_jumps() -> None:
    page = parse("古村新貌", P1, P2, "某医院安保负责人张三——", "坚守一线 护卫通道", P3,
                 "（下转第二版）")
    assert heads(page) == ["古村新貌", "坚守一线 护卫通道"]
    assert page.articles[1].kicker == "某医院安保负责人张三——"
    page = parse("古村新貌", P1, "临江又亲江——", "滨水空间正在形成", P2,
                 "靠水更护水——", "产业转型民生提质", P3, "（下转第二版）")
    a = only(page)
    assert a.intertitles == [1, 2, 4, 5]


def test_a_line_that_breaks_the_even_shape_of_a_series_opens_a_new_story() -> None:
    series = ["古村新貌", P1, "路越走越顺", P2, "学越上越好", P3, "家越建越美", P1]
    page = parse(*series, "全市夏粮收购工作基本完成", P2, P3)
    assert heads(page) == ["古村新貌", "全市夏粮收购工作基本完成"]
    a = only(parse(*series, "景越看越新", P2))  # of the same shape: the series goes on
    assert a.intertitles == [1, 3, 5, 7]
    a = only(parse("古村新貌", P1, "产业兴", P2, "乡村美丽宜居环境", P3, "民生持续改善", P1))
    assert a.intertitles == [1, 3, 5]  # sizes that vary: no shape to break


def test_numbered_intertitles_after_a_plain_line_are_not_its_siblings() -> None:
    page = parse("古村新貌", P1, "某省关于推进乡村振兴的实施意见", P2, "一、总体要求", P3,
                 "二、重点任务", P1, "三、保障措施", P2)
    assert heads(page) == ["古村新貌", "某省关于推进乡村振兴的实施意见"]
    assert page.articles[1].intertitles == [1, 3, 5]
    # numbered intertitles before a plain line are the same story's: it is one of them
    a = only(parse("古村新貌", P1, "一、总体要求", P2, "二、重点任务", P3,
                   "群众满意度明显提高", P1))
    assert a.intertitles == [1, 3, 5]


def test_a_line_off_an_even_series_opens_a_story_even_when_the_text_jumps() -> None:
    page = parse("古村新貌", "本报记者 叶舟", P1, "路越走越顺", P2, "学越上越好", P3, "家越建越美",
                 P1, "某省关于推进乡村振兴工作的实施意见全文", P2, P3, "（下转第二版）")
    assert heads(page) == ["古村新貌", "某省关于推进乡村振兴工作的实施意见全文"]
    assert page.articles[1].continued_on == 2


def test_a_tagged_headline_with_a_comma_opens_a_story_but_a_box_tag_stays() -> None:
    page = parse("古村新貌", P1, P2, "城市管理，共情才能共赢（一线视角）", P3)
    assert heads(page) == ["古村新貌", "城市管理，共情才能共赢（一线视角）"]
    a = only(parse("古村新貌", P1, P2, "危中有机，唯创新者胜（花絮）", P3))
    assert a.intertitles == [2]


def test_a_staff_line_after_a_story_closes_it() -> None:
    page = parse("古村新貌", "本报记者 叶舟", P1, P2, "版式设计：李四", "以法治守护生活安宁", P3)
    assert heads(page) == ["古村新貌", "以法治守护生活安宁"]
    assert page.articles[0].paragraphs == [P1, P2]


def test_a_two_part_headline_opens_a_story_even_when_the_text_jumps() -> None:
    page = parse("古村新貌", P1, P2, "艰苦卓绝的努力 来之不易的成绩", P3, P1, "（下转第二版）")
    assert heads(page) == ["古村新貌", "艰苦卓绝的努力 来之不易的成绩"]
    assert page.articles[1].continued_on == 2


def test_package_items_go_on_after_a_jump() -> None:
    # `X——` over a line and a byline, twice, in a continuation: sub-stories of the package
    page = parse("扶贫一线群英谱", "（上接第一版）", P1, "村干部育苗不停歇——", "“办法总比困难多”",
                 "本报记者 叶舟", P2, "第一书记瞄准痛点——", "让“金饭碗”端得更稳", "本报记者 方晓",
                 P3, number=5)
    a = only(page)
    assert (a.headline, a.continued_from) == ("扶贫一线群英谱", 1)
    assert a.paragraphs == [P1, "村干部育苗不停歇——", "“办法总比困难多”", "本报记者 叶舟", P2,
                            "第一书记瞄准痛点——", "让“金饭碗”端得更稳", "本报记者 方晓", P3]
    # outside a continuation the same run is a kicker, a headline and a byline
    page = parse("古村新貌", P1, "村干部育苗不停歇——", "“办法总比困难多”", "本报记者 叶舟", P2,
                 "第一书记瞄准痛点——", "让“金饭碗”端得更稳", "本报记者 方晓", P3)
    assert heads(page) == ["古村新貌", "“办法总比困难多”", "让“金饭碗”端得更稳"]


def test_bare_numbers_between_paragraphs_number_the_items_of_a_story() -> None:
    # 1, 2 over the questions of an interview are the story's, not page numbers (06 above
    # the first story is one), and they are no siblings of a short item's headline after it
    q1, a1 = "问：请您介绍一下《条例》制定的背景？", "答：党中央高度重视这项工作，我们着手起草。"
    q2, a2 = "问：《条例》主要有哪些内容？", "答：《条例》共9章41条，涵盖了各个方面。"
    caption = "9月2日，国道213线青海段开始沥青摊铺施工。图为施工现场。"
    page = parse("06", "以高质量党建推动企业高质量发展", "负责人就颁布《条例》答记者问", P1,
                 "1", q1, a1, "2", q2, a2, "高原筑路", caption, number=6)
    assert heads(page) == ["以高质量党建推动企业高质量发展", "高原筑路"]
    first = page.articles[0]
    assert first.subheadline == "负责人就颁布《条例》答记者问"
    assert first.paragraphs == [P1, "1", q1, a1, "2", q2, a2]
    assert page.articles[1].paragraphs == [caption]
    assert page.roles[0] == ("furniture", "06")


def test_a_line_closing_with_the_number_of_a_series_is_the_subheadline() -> None:
    # printed without its ——, a line ending in ⑥, （38） or 之一 under a headline is the
    # subheadline of a series, not the story's first paragraph
    for sub in ("让干部有更多时间和精力抓落实⑥", "抗击疫情离不开命运共同体意识（38）",
                "学习贯彻新发展理念系列述评之一"):
        a = only(parse("决不能亏待“干将”“闯将”（人民观点）", sub, P1, P2))
        assert (a.headline, a.subheadline) == ("决不能亏待“干将”“闯将”（人民观点）", sub)
        assert a.paragraphs == [P1, P2]
    # a plain line there is still the story's start
    a = only(parse("决不能亏待“干将”“闯将”（人民观点）", "让干部有更多时间和精力抓落实", P1))
    assert a.subheadline is None
    assert a.paragraphs == ["让干部有更多时间和精力抓落实", P1]


def test_a_photo_item_after_a_story_with_intertitles_is_its_own_article() -> None:
    # a line like the story's intertitles, but a photo caption follows it: a new item
    caption = "3月20日，救援队队员对关闭了58天的火车站开展消毒工作。图为消毒现场。"
    page = parse("长篇通讯见闻", P1, "老手艺有了新传人", P2, "新产业带来新机遇", P3,
                 "武汉汉口火车站全面消毒", caption)
    assert heads(page) == ["长篇通讯见闻", "武汉汉口火车站全面消毒"]
    assert page.articles[0].paragraphs == [P1, "老手艺有了新传人", P2, "新产业带来新机遇", P3]
    assert page.articles[1].paragraphs == [caption]
    # the same series with a section of text after the line: an intertitle
    page = parse("长篇通讯见闻", P1, "老手艺有了新传人", P2, "新产业带来新机遇", P3,
                 "老街坊过上新日子", P1)
    assert heads(page) == ["长篇通讯见闻"]


def test_one_line_inside_a_package_of_sub_stories_stays_in_it() -> None:
    # after an editor's note signed ——编者, sub-stories come with their bylines; a lone
    # line between their paragraphs is their text (here a column fragment), not a new story
    page = parse("扎根一线 贡献力量（青春派）", P1, "——编 者", "第一书记瞄准痛点——",
                 "让“金饭碗”端得更稳", "本报记者 方晓", P2, "吞达村是国家级非物质文化遗产",
                 "水磨藏香的发源地，有着近1400年的历史。", "村干部育苗不停歇——", "“办法总比困难多”",
                 "本报记者 叶舟", P3)
    a = only(page)
    assert a.paragraphs[-7:] == [P2, "吞达村是国家级非物质文化遗产",
                                 "水磨藏香的发源地，有着近1400年的历史。", "村干部育苗不停歇——",
                                 "“办法总比困难多”", "本报记者 叶舟", P3]
    # a photo caption after the line still makes it an item of its own
    page = parse("扎根一线 贡献力量（青春派）", P1, "——编 者", "第一书记瞄准痛点——",
                 "让“金饭碗”端得更稳", "本报记者 方晓", P2, "花开满园", "图为游客在园中赏花。")
    assert heads(page)[-1] == "花开满园"
    assert page.articles[-1].paragraphs == ["图为游客在园中赏花。"]


def test_a_story_repeated_over_a_continuation_runs_to_its_jump(tmp_path: Path) -> None:
    # another page repeats the headline over （上接第一版）: the story on page 1 runs to its
    # （下转第七版）: a byline-headed sub-story of a package before the jump is its text
    folder = tmp_path / "city-daily" / "2026-04-02"
    folder.mkdir(parents=True)
    note = "近日，我们走访了几位扎根乡村的青年干部，听他们讲述一线的故事。"
    front = page_bytes("青年干部扎根乡村", note, "——编 者", "村干部找门路——", "“办法总比困难多”",
                       "本报记者 叶舟", P1, P2 + "（下转第七版）", "另一条消息",
                       "本报讯（记者甲乙）今天，另一件事发生了。")
    (folder / "01.txt").write_bytes(front)
    (folder / "07.txt").write_bytes(page_bytes("第 7 版", "青年干部扎根乡村", "（上接第一版）", P3))
    ed = parse_paths([folder])
    assert [(a.headline, a.pages) for a in ed.articles] == [
        ("青年干部扎根乡村", [1, 7]), ("另一条消息", [1])]
    assert ed.articles[0].paragraphs == [note, "——编 者", "村干部找门路——", "“办法总比困难多”",
                                         "本报记者 叶舟", P1, P2, P3]


def test_a_date_opening_only_a_later_paragraph_is_no_photo_caption() -> None:
    # a caption opens with the day; a story's third paragraph after an intertitle may too,
    # and that intertitle stays one of its series
    dated = "2018年4月10日，我国决定在扩大开放方面采取一系列新的重大举措。"
    page = parse("长篇通讯见闻", P1, "老厂区的新变化", P2, "新厂区的新面貌", P3, P1, dated,
                 "另一条消息", "本报讯（记者甲乙）今天，另一件事发生了。")
    assert heads(page) == ["长篇通讯见闻", "另一条消息"]
    assert page.articles[0].paragraphs == [P1, "老厂区的新变化", P2, "新厂区的新面貌", P3, P1,
                                           dated]
    # opening the stretch under the heading, the day still makes a photo item of it
    page = parse("长篇通讯见闻", P1, "老厂区的新变化", P2, "新厂区的新面貌", dated,
                 "另一条消息", "本报讯（记者甲乙）今天，另一件事发生了。")
    assert heads(page) == ["长篇通讯见闻", "新厂区的新面貌", "另一条消息"]


def test_a_numbered_heading_is_a_section_of_the_story_even_over_a_lead() -> None:
    # a compiled story: each section its own lead under a numbered heading; no headline
    # opens with a list number
    lead1 = "据新华社北京3月20日电 3月20日，外长应约同甲国外长通电话。"
    lead2 = "据新华社北京3月20日电 3月20日，外长同乙国外长通电话。"
    page = parse("外长分别同两国外长通电话", lead1, "一、甲国外长表示", P1,
                 "二、据新华社北京3月20日电", lead2, P2)
    a = only(page)
    assert a.headline == "外长分别同两国外长通电话"
    assert a.paragraphs == [lead1.replace(" ", ""), "一、甲国外长表示", P1,
                            "二、据新华社北京3月20日电", lead2.replace(" ", ""), P2]
    assert a.source == "新华社"


def test_a_lone_line_inside_a_series_of_the_storys_intertitles_is_the_storys() -> None:
    # the story's quoted intertitles go on after the plain line: it is no new story's
    # headline (a column fragment, one more intertitle), however little else says so
    q1, q2 = "“我们要把工厂办好”", "“新厂区是我们的骄傲”"
    page = parse("长篇通讯见闻", P1, q1, P2, "老厂长至今记得那个冬天", P3, q2, P1)
    a = only(page)
    assert a.paragraphs == [P1, q1, P2, "老厂长至今记得那个冬天", P3, q2, P1]
    assert a.intertitles == [1, 3, 5]
    # with no intertitle of the story after it, the line still opens a story
    page = parse("长篇通讯见闻", P1, q1, P2, q2, P2, "老厂长至今记得那个冬天", P3)
    assert heads(page) == ["长篇通讯见闻", "老厂长至今记得那个冬天"]


def test_a_comma_line_under_an_intertitle_does_not_change_its_shape() -> None:
    # the comma line is the text's first words (or a pull quote): the quoted line over it is
    # one of the feature's quoted intertitles, not a new story's headline
    q1, q2 = "“我们要把工厂办好”", "“新厂区是我们的骄傲”"
    words = "厂长一出门，工人们就围了上来"
    page = parse("长篇通讯见闻", P1, q1, P2, q2, words, P3)
    assert only(page).paragraphs == [P1, q1, P2, q2, words, P3]


def test_a_two_phrase_headline_is_no_sibling_of_a_plain_line() -> None:
    # a line of two phrases set apart (重点工程 有序施工) is a shape of its own: the plain line
    # before it has no sibling and heads its own story
    page = parse("老厂区迎来新变化", P1, "坚决把关怀落到实处", P2, "重点工程 有序施工", P3)
    assert heads(page) == ["老厂区迎来新变化", "坚决把关怀落到实处", "重点工程 有序施工"]
    assert [a.paragraphs for a in page.articles] == [[P1], [P2], [P3]]


def test_two_plain_heading_lines_open_a_story_over_a_jump_or_in_a_continuation() -> None:
    # a kicker and a headline, neither shaped like an intertitle, with no sibling in the
    # story: a new story, even when the text after them jumps or the story is a continuation
    kicker, headline = "全省夏粮收购进入高峰", "各地粮库延长开放时间"
    # (the new story's text repeats no paragraph of the story before: no cohesion between them)
    page = parse("古村新貌", P1, P2, kicker, headline, P3, "（下转第二版）")
    assert heads(page) == ["古村新貌", headline]
    assert (page.articles[1].kicker, page.articles[1].continued_on) == (kicker, 2)
    assert page.articles[0].paragraphs == [P1, P2]
    page = parse("古村新貌", "（上接第一版）", P1, kicker, headline, P2, number=2)
    assert heads(page) == ["古村新貌", headline]
    assert [a.paragraphs for a in page.articles] == [[P1], [P2]]
    # a short phrase over two phrases set apart is a feature's intertitle pair
    a = only(parse("古村新貌", P1, "港口更大气", "发展高效益 生态高颜值", P2, P3, "（下转第二版）"))
    assert a.intertitles == [1, 2]


def test_a_plain_line_after_ten_paragraphs_opens_a_story_even_when_the_text_jumps() -> None:
    # the story has shown its intertitles' shape (quoted) over ten paragraphs: a plain line
    # is no sibling, and the jump after it no longer makes it the story's
    body = [P1, P2, P3, "“我们要把工厂办好”", P1, P2, P3, P1, P2, P3, P1]
    grain = ["夏粮收购进度过半，各地粮库延长开放时间，方便农民售粮。",
             "粮食部门表示，今年收购价格保持稳定，农民收入有保障。"]
    page = parse("长篇通讯见闻", *body, "全市夏粮收购工作基本完成", *grain, "（下转第二版）")
    assert heads(page) == ["长篇通讯见闻", "全市夏粮收购工作基本完成"]
    assert page.articles[0].paragraphs == body
    assert page.articles[1].continued_on == 2
    # a few paragraphs in, the line over the jump is still the feature's intertitle
    a = only(parse("长篇通讯见闻", *body[:5], "全市夏粮收购工作基本完成", P2, P3, "（下转第二版）"))
    assert a.intertitles == [3, 5]
    # a quoted line after a quoted intertitle with a comma: of the story's shape, it stays
    quoted = [P1, P2, "“一旦开始了解彼此，我们的距离就更近了”", *body[4:]]
    a = only(parse("长篇通讯见闻", *quoted, "“我想解码网络的独特性”", P2, "（下转第二版）"))
    assert a.intertitles == [2, len(quoted)]


def test_a_line_after_a_signed_photo_item_opens_a_story() -> None:
    # a headline, a byline and a caption (opening with the day, or 图为…): a photo item, not a
    # feature signed at its top whose one line would be its intertitle
    caption = "1月6日，某县一所幼儿园里，小朋友们在学习舞狮。"
    page = parse("学舞狮", "本报记者 叶舟", caption, P1, "坚决把关怀落到实处", P2, P3)
    assert heads(page) == ["学舞狮", "坚决把关怀落到实处"]
    assert [a.paragraphs for a in page.articles] == [[caption, P1], [P2, P3]]
    page = parse("洋山港 吞吐忙", "本报记者 叶舟", P1, "图为港口停泊的集装箱船。",
                 "坚决把关怀落到实处", P2)
    assert heads(page) == ["洋山港 吞吐忙", "坚决把关怀落到实处"]
    # without a caption the line is the signed feature's intertitle
    a = only(parse("学舞狮", "本报记者 叶舟", P3, P1, "坚决把关怀落到实处", P2))
    assert a.intertitles == [2]


def test_a_photo_item_before_a_story_that_jumps_is_its_own_article() -> None:
    # the caption ends before the next heading; the jump further on is that story's
    caption = "3月20日，救援队队员在火车站消毒。"
    page = parse("古村新貌", P1, P2, "火车站全面消毒", caption,
                 "全市夏粮收购工作基本完成", "本报记者 方晓", P3, "（下转第二版）")
    assert heads(page) == ["古村新貌", "火车站全面消毒", "全市夏粮收购工作基本完成"]
    assert page.articles[1].paragraphs == [caption]
    assert page.articles[2].continued_on == 2
    # a jump closing the caption's own stretch: the line and its text are the story's
    a = only(parse("古村新貌", P1, P2, "火车站全面消毒", caption, P3, "（下转第二版）"))
    assert a.intertitles == [2]


def test_an_abbreviation_in_brackets_is_no_column_tag() -> None:
    # a first column ending `（IMF）` under a kicker and headline is the text's first words,
    # not a column-tagged headline
    kicker, head = "国际组织——", "全球经济有望逐步复苏"
    first = "当地时间3月20日，国际货币基金组织（IMF）"
    rest = "发表的最新报告认为，全球经济有望在下半年逐步复苏。"
    a = only(parse(kicker, head, first, rest, P2))
    assert (a.kicker, a.headline, a.subheadline) == (kicker, head, None)
    assert "".join(a.paragraphs) == first + rest + P2


def test_a_long_line_ending_in_a_colon_under_a_headline_opens_the_text() -> None:
    intro = "某市人民政府根据市人民代表大会常务委员会的决定任免下列工作人员："
    items = ["一、免去张三的某市交通局局长职务；", "任命李四为某市交通局局长。"]
    a = only(parse("市政府任免一批工作人员", intro, *items))
    assert (a.kicker, a.headline, a.subheadline) == (None, "市政府任免一批工作人员", None)
    assert a.paragraphs == [intro, *items]
    short = only(parse("抗疫一线的青春身影", P1, "某医院护士王五：", "坚守岗位就是责任", P2))
    assert short.paragraphs == [P1, "某医院护士王五：", "坚守岗位就是责任", P2]


def test_a_box_label_over_a_line_is_no_sibling_of_a_kicker_and_headline() -> None:
    # the story's `■记者手记` box has two lines like the next story's kicker and headline,
    # but a box is a box: the plain pair after it opens a story
    head, box = "文旅融合服务百姓（代表委员履职故事）", ["■记者手记", "提案源自群众需求"]
    pair = ("一大批青年志愿者奔赴一线", "青春身影闪耀战疫前线")
    page = parse("刘某委员——", head, P1, *box, P2, *pair, P3)
    assert [(a.kicker, a.headline, a.paragraphs) for a in page.articles] == [
        ("刘某委员——", head, [P1, *box, P2]), (*pair, [P3])]


def test_a_gloss_in_brackets_is_no_column_tag() -> None:
    # `（以下简称《规划》）` closes the first column of an answer, not a headline's column name
    q = "记者：今年的发展规划有哪些新的提法？"
    first = ("张某：《某市关于推进新时代城乡融合发展和乡村全面振兴"
             "以及公共服务均等化若干重大问题的实施规划》（以下简称《规划》）")
    rest = "对城乡融合发展作出了全面部署，是做好今后工作的根本遵循。"
    a = only(parse("为城乡融合发展凝神聚力（权威访谈）", P1, q, first, rest))
    assert a.headline == "为城乡融合发展凝神聚力（权威访谈）"
    assert "".join(a.paragraphs) == P1 + q + first + rest


def test_a_line_whose_story_goes_on_with_its_own_words_stays_in_it() -> None:
    # a lone line between paragraphs of a story without lead or byline: the text after it
    # names the story's village, road and secretary again (words the page's other stories
    # do not print), so the story goes on there
    other = ["市图书馆新馆开馆", "本报讯（记者李明）市图书馆新馆昨日开馆，馆内藏书一百二十万册。",
             "新馆设有少儿阅览区、古籍修复室和数字阅读体验区，读者可免费办理借阅证。",
             "开馆首日，接待读者超过八千人次，不少市民带着孩子前来借书。"]
    a = "石门村地处深山，过去村民进出全靠一条羊肠小道，盘山公路是几代人的梦想。"
    b = "2018年，村党支部书记王建国带着村民筹资修建盘山公路，石门村的山货第一次运出了大山。"
    line = "石门村党支部书记王建国"
    c = "如今又领着石门村村民在盘山公路两旁种下核桃树，羊肠小道变成了致富路。"
    d = "王建国说，盘山公路修通了，石门村的山货运出了大山，几代人的梦想成了真。"
    page = parse(*other, "山村修路记", a, b, line, c, d)
    assert heads(page) == ["市图书馆新馆开馆", "山村修路记"]
    assert page.articles[1].paragraphs == [a, b, line, c, d]
    # a line after which other words follow opens a story of its own
    e = "全市中小学春季运动会昨日开幕，来自四十所学校的三千名运动员参加比赛。"
    page = parse(*other, "山村修路记", a, b, "中小学春季运动会开幕", e,
                 "比赛设田径、游泳、篮球等十二个项目，将持续五天。")
    assert heads(page) == ["市图书馆新馆开馆", "山村修路记", "中小学春季运动会开幕"]


def test_a_line_after_which_none_of_the_story_s_words_recur_opens_a_story() -> None:
    # shaped like the story's intertitles (one plain line each), but the text after it
    # shares none of the story's names and terms: the next story's headline
    a = "石门村地处深山，过去村民进出全靠一条羊肠小道，盘山公路是几代人的梦想。"
    b = "2018年，村党支部书记王建国带着村民筹资修建盘山公路，石门村的山货第一次运出了大山。"
    c = "如今又领着石门村村民在盘山公路两旁种下核桃树，羊肠小道变成了致富路。"
    e = "市图书馆新馆昨日开馆，馆内藏书一百二十万册，设有少儿阅览区和古籍修复室。"
    f = "开馆首日接待读者超过八千人次，不少市民带着孩子前来借书。"
    page = parse("山村修路记", a, "修路筹资不容易", b, "致富路越走越宽", c, "图书馆新馆开馆", e, f)
    assert heads(page) == ["山村修路记", "图书馆新馆开馆"]
    assert page.articles[0].paragraphs == [a, "修路筹资不容易", b, "致富路越走越宽", c]
    assert page.articles[0].intertitles == [1, 3]
    assert page.articles[1].paragraphs == [e, f]
    # a third intertitle of the story, its text going on with the story's words, stays in it
    d = "王建国说，盘山公路修通了，石门村的山货运出了大山，几代人的梦想成了真。"
    page = parse("山村修路记", a, "修路筹资不容易", b, "致富路越走越宽", c, "山货走出大山", d)
    assert only(page).intertitles == [1, 3, 5]


VILLAGE = [
    "石门村地处深山，过去村民进出全靠一条羊肠小道，盘山公路是几代人的梦想。山里的核桃、板栗"
    "和蜂蜜常常烂在家里，年轻人一个接一个离开了石门村，留下的多是老人和孩子。",
    "2018年，村党支部书记王建国带着村民筹资修建盘山公路。没有大型机械，大伙儿就用钢钎和"
    "铁锤一寸一寸地凿，石门村的妇女们轮流上山送饭，孩子们也帮着搬运碎石。",
    "两年后，十二公里长的盘山公路终于修通，石门村的山货第一次坐着卡车运出了大山。王建国"
    "又领着村民成立核桃合作社，注册了自己的商标，还在网上开起了店铺。",
    "如今，石门村的核桃卖到了省城的超市，合作社每年分红，外出打工的年轻人也陆续回到村里，"
    "有的开起了农家乐，有的当上了网店主播，盘山公路上的车一天比一天多。",
    "王建国说，盘山公路修通了，石门村的山货运出了大山，几代人的梦想成了真，下一步还要把"
    "羊肠小道修成游步道，让城里人进山来看看石门村的好风景。",
    "村里的老人们说，过去背一筐核桃下山要走大半天，现在合作社的卡车开到家门口收货。",
]
LIBRARY = [
    "市图书馆新馆昨日开馆，馆内藏书一百二十万册，设有少儿阅览区、古籍修复室和数字阅读体验区，"
    "读者可凭身份证免费办理借阅证，每天开放十二小时。",
    "开馆首日接待读者超过八千人次，不少市民带着孩子前来借书。馆方介绍，新馆还将定期举办讲座、"
    "展览和亲子阅读活动，并与全市四十所中小学共建流动书屋。",
    "新馆建筑面积三万平方米，屋顶设有光伏发电板，室内采用自然采光设计。",
    "馆长刘敏表示，新馆将继续完善借阅服务，年内开通线上预约和送书上门，让读者少跑腿、多读书。",
]


def test_a_line_in_a_signed_feature_after_which_its_words_stop_opens_a_story() -> None:
    # one line inside a feature signed at its top is its intertitle, unless the text after
    # it (long enough on both sides to tell) shares none of the feature's names and terms
    page = parse("山村修路记", "本报记者 叶舟", *VILLAGE, "图书馆新馆开馆", *LIBRARY)
    assert heads(page) == ["山村修路记", "图书馆新馆开馆"]
    assert page.articles[0].paragraphs == VILLAGE
    assert page.articles[1].paragraphs == LIBRARY
    # the feature's own intertitle, its words going on after it, stays in it
    page = parse("山村修路记", "本报记者 叶舟", *VILLAGE[:3], "山货走出大山", *VILLAGE[3:])
    assert only(page).intertitles == [3]


def test_a_line_in_a_continuation_part_after_which_its_words_stop_opens_a_story() -> None:
    # a continuation part's one line is its intertitle, unless the text after it (long enough
    # on both sides to tell) shares none of the story's names and terms: the next story
    page = parse("山村修路记", "（上接第一版）", *VILLAGE, "图书馆新馆开馆", *LIBRARY, number=3)
    assert heads(page) == ["山村修路记", "图书馆新馆开馆"]
    assert page.articles[0].continued_from == 1
    assert page.articles[0].paragraphs == VILLAGE
    assert page.articles[1].paragraphs == LIBRARY
    # the part's own intertitle, its words going on after it, stays in it
    page = parse("山村修路记", "（上接第一版）", *VILLAGE[:3], "山货走出大山", *VILLAGE[3:],
                 number=3)
    assert only(page).intertitles == [3]


def test_a_line_in_a_short_continuation_part_after_which_its_words_stop_opens_a_story() -> None:
    # too little of the part to measure, but the text after its one line (no sibling) shares
    # none of the part's names and terms: the next story, not an intertitle of the part
    page = parse("山村修路记", "（上接第一版）", VILLAGE[1], "图书馆新馆开馆", LIBRARY[0], number=3)
    assert heads(page) == ["山村修路记", "图书馆新馆开馆"]
    assert [a.paragraphs for a in page.articles] == [[VILLAGE[1]], [LIBRARY[0]]]
    # the part's own intertitle, its words going on after it, stays in it
    page = parse("山村修路记", "（上接第一版）", VILLAGE[1], "山货走出大山", VILLAGE[2], number=3)
    assert only(page).intertitles == [1]


def test_document_title_after_a_signed_feature_opens_its_own_story() -> None:
    doc = "中共某省委某省人民政府关于加快推进乡村道路建设的指导意见"
    text = "加快推进乡村道路建设，是实现乡村振兴的重要基础，现提出如下意见。"
    page = parse("山区小镇迎来新变化", "本报记者 张三", P1, P2, doc, text, P3)
    assert heads(page) == ["山区小镇迎来新变化", doc]
    assert page.articles[0].paragraphs == [P1, P2]
    assert page.articles[1].paragraphs == [text, P3]
