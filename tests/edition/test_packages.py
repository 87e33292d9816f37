"""Packages: one story of several parts under an editor's note, each part with its own
heading and a label, a byline or a list of who speaks."""

from __future__ import annotations

from pathlib import Path

from edition.helpers import P1, P2, P3, edition_folder, heads, only, page_bytes, parse
from publisher.edition import parse_paths
from publisher.models import Article

P4 = "这是第四段正文，司机们盼望着路边能有更多停车休息的地方。"
NOTE = "新的一年，我们邀请记者讲述一线见闻，透过身边事管窥发展的活力。"


def test_a_labelled_editors_note_opens_a_package_of_signed_parts() -> None:
    story = only(parse("多地探索生态旅游新方式，激发消费新活力——", "到大自然去，拥抱多样的冬天",
                       "本报记者 刘洋", "编者按：" + NOTE,
                       "黑龙江漠河，雪地资源", "在北红村，体验雪地生活", "本报记者 郭晓龙", P1,
                       "浙江宁海，地热资源", "在南溪村，感受森林温泉", "本报记者 窦瀚洋", P2))
    assert (story.kicker, story.headline) == ("多地探索生态旅游新方式，激发消费新活力——",
                                              "到大自然去，拥抱多样的冬天")
    assert story.paragraphs == [
        "编者按：" + NOTE, "黑龙江漠河，雪地资源", "在北红村，体验雪地生活", "本报记者 郭晓龙", P1,
        "浙江宁海，地热资源", "在南溪村，感受森林温泉", "本报记者 窦瀚洋", P2]


def test_a_heading_over_an_editors_note_opens_a_story() -> None:
    page = parse("前文的标题", P3, "前文的小标题", P1,
                 "在改革开放中开辟更加广阔的前景", NOTE, "——编 者",
                 "扩大开放，市场活力足", "本报记者 罗珊珊", P2,
                 "完善网络，县乡流通旺", "本报记者 齐志明", P3)
    assert heads(page) == ["前文的标题", "在改革开放中开辟更加广阔的前景"]
    assert page.articles[0].paragraphs == [P3, "前文的小标题", P1]
    assert page.articles[1].paragraphs == [
        NOTE, "——编 者", "扩大开放，市场活力足", "本报记者 罗珊珊", P2,
        "完善网络，县乡流通旺", "本报记者 齐志明", P3]


def test_labelled_sections_stay_in_the_story_after_their_credits() -> None:
    page = parse("青年观察·关注新就业群体", NOTE, "——编 者",
                 "外卖配送员洪成木：", "盼劳动获得尊重", P1, "（本报记者杨昊采访整理）",
                 "快递员张裕：", "盼小区对快递更友好", P2, "（本报记者杨昊采访整理）",
                 "另一件新闻登上版面", P3)
    assert heads(page) == ["青年观察·关注新就业群体", "另一件新闻登上版面"]
    assert page.articles[0].paragraphs == [
        NOTE, "——编 者", "外卖配送员洪成木：", "盼劳动获得尊重", P1, "（本报记者杨昊采访整理）",
        "快递员张裕：", "盼小区对快递更友好", P2, "（本报记者杨昊采访整理）"]


def test_a_roundtables_list_of_speakers_is_its_text() -> None:
    story = only(parse("立住脚、安下心、圆好梦（青年圆桌）", NOTE, "——编 者", "对话嘉宾：",
                       "黄  龙  全国总工会基层工作部部长", "李培林  中国社科院原副院长、学部委员",
                       "邓希泉  中国青少年研究中心研究员", "马  恒  共青团北京市朝阳区委员会副书记",
                       "冯喜良  首都经济贸易大学劳动经济学院教授",
                       "职业发展", "多提供职业技能培训机会，拓宽职业发展道路", "记者：" + P1,
                       "冯喜良：" + P2))
    assert story.headline == "立住脚、安下心、圆好梦（青年圆桌）"
    assert story.paragraphs == [NOTE, "——编 者", "对话嘉宾：", "黄 龙 全国总工会基层工作部部长",
                                "李培林 中国社科院原副院长、学部委员",
                                "邓希泉 中国青少年研究中心研究员",
                                "马 恒 共青团北京市朝阳区委员会副书记",
                                "冯喜良 首都经济贸易大学劳动经济学院教授", "职业发展",
                                "多提供职业技能培训机会，拓宽职业发展道路", "记者：" + P1,
                                "冯喜良：" + P2]


def test_a_caption_over_a_signed_section_heading_stays_in_the_package() -> None:
    page = parse("文物里的“中国”印记（文物有话说）", NOTE, "——编 者",
                 "山西襄汾陶寺遗址出土圭表", "都城中的早期“中国”", "何  努", P1,
                 "（作者为某大学历史学院教授）",
                 "河南偃师二里头遗址出土绿松石龙形器", "图腾里的“中国”气象", "赵海涛", P2,
                 "（作者为某研究院研究员）", "另一件新闻登上版面", P3)
    assert heads(page) == ["文物里的“中国”印记（文物有话说）", "另一件新闻登上版面"]
    assert page.articles[0].paragraphs == [
        NOTE, "——编 者", "山西襄汾陶寺遗址出土圭表", "都城中的早期“中国”", "何 努", P1,
        "（作者为某大学历史学院教授）", "河南偃师二里头遗址出土绿松石龙形器", "图腾里的“中国”气象",
        "赵海涛", P2, "（作者为某研究院研究员）"]


def _jumped(tmp_path: Path, *first: str) -> list[tuple[str, list[int]]]:
    folder = edition_folder(tmp_path, {
        1: page_bytes("票根串起消费链", NOTE, "——编 者", *first, P1, P2 + "（下转第六版）"),
        6: page_bytes("第 6 版", "票根串起消费链", "（上接第一版）", P3, "云南玉溪：",
                      "一张球票“附赠”多种优惠", "本报记者 叶传增", P1)})
    return [(a.headline, a.pages) for a in parse_paths([folder]).articles]


def test_a_packages_signed_parts_go_on_after_its_jump(tmp_path: Path) -> None:
    assert _jumped(tmp_path, "河北廊坊：", "一部戏剧带来跨界“玩法”", "本报记者 邵玉姿") == [
        ("票根串起消费链", [1, 6])]


def test_a_story_under_an_editors_note_with_no_signed_part_is_no_package(tmp_path: Path) -> None:
    assert _jumped(tmp_path, "老厂区的新变化") == [("票根串起消费链", [1, 6]),
                                               ("一张球票“附赠”多种优惠", [6])]


def test_labelled_sections_go_on_after_the_jump(tmp_path: Path) -> None:
    credit = "（本报记者杨昊采访整理）"
    folder = edition_folder(tmp_path, {
        1: page_bytes("青年观察·关注新就业群体", NOTE, "——编 者", "外卖配送员洪成木：",
                      "盼劳动获得尊重", P1, credit, "快递员张裕：", "盼小区对快递更友好",
                      P2 + "（下转第六版）"),
        6: page_bytes("第 6 版", "青年观察·关注新就业群体", "（上接第一版）", P3, credit,
                      "网约车司机陈洪川：", "盼从业有稳定保障", P4, credit)})
    story = only_article(parse_paths([folder]).articles)
    assert (story.headline, story.pages) == ("青年观察·关注新就业群体", [1, 6])
    assert story.paragraphs[-4:] == ["网约车司机陈洪川：", "盼从业有稳定保障", P4, credit]


def only_article(articles: list[Article]) -> Article:
    assert len(articles) == 1, [a.headline for a in articles]
    return articles[0]


def test_a_name_over_text_cut_inside_a_quote_signs_its_section() -> None:
    page = parse("文物里的“中国”印记（文物有话说）", NOTE, "——编 者",
                 "山西襄汾陶寺遗址出土圭表", "都城中的早期“中国”", "何  努",
                 "有学者曾这样评价陶寺遗址：“没有哪一", "个遗址能像它这样全面拥有文明的要素。”",
                 P1, "（作者为某大学历史学院教授）")
    story = only(page)
    assert story.paragraphs[2:5] == ["山西襄汾陶寺遗址出土圭表", "都城中的早期“中国”", "何 努"]
