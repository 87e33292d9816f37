"""Compilations: one story of speeches or reports, each part under its heading and signed by its
speaker's post and name or by another outlet's reporter."""

from __future__ import annotations

from edition.helpers import P1, P2, P3, heads, parse

P4 = "这是第四段正文，企业负责人介绍了下一步的打算。"


def test_speeches_signed_by_post_and_name_stay_in_one_story() -> None:
    page = parse("前文的标题", P4,
                 "加快数字建设  推动高质量发展", "——数字经济论坛发言摘编（二）",
                 "巩固和发展数字经济优势", "北京某大学经济学院院长  张  辉", P1,
                 "促进数据要素市场高质量发展", "湖南某大学经济与贸易学院院长  祝树金", P2,
                 "推广国产芯片在机器人领域应用", "某电子科技（苏州）有限公司总裁  魏育成", P3)
    assert heads(page) == ["前文的标题", "加快数字建设 推动高质量发展"]
    story = page.articles[1]
    assert story.subheadline == "数字经济论坛发言摘编（二）"
    assert story.paragraphs == [
        "巩固和发展数字经济优势", "北京某大学经济学院院长 张 辉", P1,
        "促进数据要素市场高质量发展", "湖南某大学经济与贸易学院院长 祝树金", P2,
        "推广国产芯片在机器人领域应用", "某电子科技（苏州）有限公司总裁 魏育成", P3]


def test_reports_signed_by_other_outlets_reporters_stay_in_one_story() -> None:
    page = parse("前文的标题", P4,
                 "发展新质生产力  扎实推进现代化建设", "新华社记者 李晓红",
                 "民生为大  持续增强获得感", "《民生周刊》记者  严碧华  罗  燕", P1,
                 "“科技+金融”，结出创新硕果", "《证券时报》记者  卓  泳", P2, "（陈键参与采写）",
                 "科创驱动，融入生产生活", "《环球人物》记者  毛予菲", P3)
    assert heads(page) == ["前文的标题", "发展新质生产力 扎实推进现代化建设"]
    assert page.articles[1].paragraphs == [
        "民生为大 持续增强获得感", "《民生周刊》记者 严碧华 罗 燕", P1,
        "“科技+金融”，结出创新硕果", "《证券时报》记者 卓 泳", P2, "（陈键参与采写）",
        "科创驱动，融入生产生活", "《环球人物》记者 毛予菲", P3]


def test_one_officials_signed_article_keeps_its_byline() -> None:
    page = parse("前文的标题", P4, "推动产业高质量发展", "某大学经济学院院长  张  辉", P1, P2)
    assert heads(page) == ["前文的标题", "推动产业高质量发展"]
    assert page.articles[1].paragraphs[0] == "某大学经济学院院长 张 辉"


def test_the_layouts_own_bylines_still_open_stories() -> None:
    page = parse("前文的标题", P4, "山区小镇迎来新变化", "本报记者  王  浩", P1,
                 "乡村工厂开足马力", "本报记者  李  明", P2)
    assert heads(page) == ["前文的标题", "山区小镇迎来新变化", "乡村工厂开足马力"]


LEAD = "本报北京7月15日电  会议7月14日至15日在北京举行。与会同志进行了讨论。"


def test_a_line_of_what_a_meeting_did_under_its_headline_is_the_subheadline() -> None:
    page = parse("前文的标题", P4, "城市工作会议在北京举行",
                 "某某发表重要讲话  某某作总结讲话  某某出席会议", LEAD, P1)
    story = page.articles[1]
    assert (story.kicker, story.headline, story.subheadline) == (
        None, "城市工作会议在北京举行", "某某发表重要讲话 某某作总结讲话 某某出席会议")


def test_a_kicker_of_three_phrases_stays_over_its_headline() -> None:
    page = parse("前文的标题", P4, "扩大支持范围  优化实施机制  增加资金规模",
                 "“两新”政策加力扩围", LEAD, P1)
    story = page.articles[1]
    assert (story.kicker, story.headline) == ("扩大支持范围 优化实施机制 增加资金规模",
                                              "“两新”政策加力扩围")


def test_a_summary_cut_under_the_headline_is_the_storys_text() -> None:
    page = parse("前文的标题", P4, "城市工作会议在北京举行",
                 "某某发表重要讲话  某某作总结讲话  某某出席会议", "■当前和今后一个时期城市",
                 "工作的总体要求是：坚持以人民为中心，建设宜居城市", LEAD, P1)
    story = page.articles[1]
    assert (story.headline, story.subheadline) == (
        "城市工作会议在北京举行", "某某发表重要讲话 某某作总结讲话 某某出席会议")
    assert story.paragraphs[:2] == ["■当前和今后一个时期城市",
                                    "工作的总体要求是：坚持以人民为中心，建设宜居城市"]


def test_a_compilation_after_another_opens_at_its_headline() -> None:
    page = parse("发展新质生产力  扎实推进现代化建设", "民生为大  持续增强获得感",
                 "《民生周刊》记者  严碧华", P1,
                 "科创驱动，融入生产生活", "《环球人物》记者  毛予菲", P2,
                 "加快数字建设  推动高质量发展", "——数字经济论坛发言摘编（二）",
                 "巩固和发展数字经济优势", "北京某大学经济学院院长  张  辉", P3,
                 "促进数据要素市场高质量发展", "湖南某大学经济与贸易学院院长  祝树金", P4)
    assert heads(page) == ["发展新质生产力 扎实推进现代化建设", "加快数字建设 推动高质量发展"]
    assert page.articles[1].paragraphs[:2] == ["巩固和发展数字经济优势",
                                               "北京某大学经济学院院长 张 辉"]


def test_a_post_cut_from_its_holders_name_by_a_column_break_is_text() -> None:
    page = parse("前文的标题", P4, "某某论坛在广州举行", P1, "河南某智能科技有限公司董事长",
                 "史东浩认为，算力增长与数据价值释放已迈入新的阶段。", P2)
    assert heads(page) == ["前文的标题", "某某论坛在广州举行"]
    assert page.articles[1].paragraphs == [
        P1, "河南某智能科技有限公司董事长史东浩认为，算力增长与数据价值释放已迈入新的阶段。", P2]


def test_reporters_of_a_news_app_sign_parts_too() -> None:
    page = parse("前文的标题", P4, "协同创新  塑造发展新动能", "抢抓发展机遇  共筑产业新生态",
                 "《中国汽车报》记者  赵建国", P1, "布局前沿领域  共同促进全民健康",
                 "人民日报健康客户端记者  张  赫  邱  越", P2)
    assert heads(page) == ["前文的标题", "协同创新 塑造发展新动能"]


def test_a_compilation_after_another_opens_at_its_headline_over_its_first_section() -> None:
    page = parse("协同创新  塑造发展新动能", "新华社记者 赵刚", "抢抓发展机遇  共筑产业新生态",
                 "《中国汽车报》记者  赵建国", P1, "布局前沿领域  共同促进全民健康",
                 "《健康时报》记者  张  赫", P2,
                 "发展新质生产力  扎实推进现代化建设", "民生为大  持续增强获得感",
                 "《民生周刊》记者  严碧华", P3,
                 "科创驱动，融入生产生活", "《环球人物》记者  毛予菲", P4)
    assert heads(page) == ["协同创新 塑造发展新动能", "发展新质生产力 扎实推进现代化建设"]
    assert page.articles[1].paragraphs[:2] == ["民生为大 持续增强获得感", "《民生周刊》记者 严碧华"]
