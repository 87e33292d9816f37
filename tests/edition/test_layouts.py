"""Whole synthetic pages laid out like the seed and the corpus, with different text.

Each page copies a real page's structure (masthead, furniture, column breaks,
extraction spaces, jumps) and states the exact articles an editor would see.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from edition.helpers import heads, page_bytes, parse
from publisher.edition import parse_paths
from publisher.models import Article

MAST = "城市百强报\n融合发展示范单位"
DATE = "2026 年 5 月 12 日  星期二"


def _one(page_articles: list[Article], headline: str) -> Article:
    found = [a for a in page_articles if a.headline == headline]
    assert len(found) == 1, [a.headline for a in page_articles]
    return found[0]


FEATURE = [
    "老街区焕发新活力", "□本报记者 方晓 通讯员 林立",
    "清晨的老街，石板路被雨水洗得发亮。早点铺前排起长队，热气腾腾的米粉端上桌，"
    "街坊们一边吃一边聊着家常。",
    "这条有着百年历史的老街，曾经一度冷清。三年前，当地启动老旧街区改造，保留骑楼原貌，"
    "更新水电管网，引入特色小店。",
    "留住烟火气",
    "改造没有大拆大建。施工队把拆下的旧砖一块块编号，修缮后再砌回原处，老",
    "字号的招牌也被原样保留下来。",
    "如今，老街日均客流超过两万人次，沿街商户增加到一百二十多家。",
]
NEWS = [
    "全省春播粮食作物", "已完成七成以上", "——各地抢抓农时确保应种尽种",
    "本报讯（记者陈默）5 月 11 日，记者从省农业农村厅获悉，全省春播粮食作物已播种 "
    "2100 万亩，完成计划的 72%。",
    "今年以来，各地统筹调度农机 3.6 万台，组织农技人员下田指导。",
]
PHOTO = [
    "湿地候鸟翩翩来",
    "5 月 10 日，一群白鹭在城郊湿地公园觅食嬉戏。近年来，当地持续开展湿地生态修复，"
    "越来越多的候鸟在此栖息。本报记者 韦青 摄",
]


def test_front_page_of_a_city_daily() -> None:
    page = parse(MAST, "城市日报", DATE, *FEATURE, *NEWS, *PHOTO, "责任编辑：王一  版式：赵二")
    assert heads(page) == ["老街区焕发新活力", "已完成七成以上", "湿地候鸟翩翩来"]
    feature = page.articles[0]
    assert (feature.kicker, feature.subheadline) == (None, None)
    assert (feature.source, feature.authors) == ("本报", ["方晓", "林立"])
    assert feature.paragraphs == [
        FEATURE[2], FEATURE[3], "留住烟火气", FEATURE[5] + FEATURE[6], FEATURE[7]]
    assert feature.intertitles == [2]
    news = page.articles[1]
    assert (news.kicker, news.subheadline) == ("全省春播粮食作物", "各地抢抓农时确保应种尽种")
    assert (news.source, news.authors) == ("本报", ["陈默"])
    assert news.paragraphs[0].startswith("本报讯（记者陈默）5月11日，")
    assert "2100万亩，完成计划的72%。" in news.paragraphs[0]
    photo = page.articles[2]
    assert len(photo.paragraphs) == 1
    assert photo.paragraphs[0].startswith("5月10日，一群白鹭")


COMMENT = [
    "让文明新风吹进千家万户", "——写在全市文明实践周启动之际",
    "文明是一座城市的底色。走进社区，志愿者帮老人理发、陪孩子读书；"
    "走上街头，礼让斑马线、垃圾分类成为自觉。",
    "文明实践不是一阵风，贵在常态长效。要把群众需求放在首位，让服务更精准、更贴心。",
    "本报评论员",
]
SHORT = [
    "短评", "小切口解决大问题",
    "一盏路灯、一处停车位，看似小事，却关系群众切身利益。办好这些小事，需要把功夫下在平时。",
    "（作者为某市社科院研究员）",
]
INTERVIEW = [
    "打造更有温度的公共服务", "——访市政务服务中心主任刘言",
    "记者：今年政务服务有哪些新变化？",
    "刘言：我们推出了“一件事一次办”，企业开办时间压缩到一个工作日以内。",
]


def test_opinion_page_with_trailing_credits() -> None:
    page = parse("城市日报", DATE, "评论", *COMMENT, *SHORT, *INTERVIEW, number=3, name="评论")
    assert heads(page) == ["让文明新风吹进千家万户", "小切口解决大问题", "打造更有温度的公共服务"]
    comment = page.articles[0]
    assert (comment.kicker, comment.subheadline) == (None, "写在全市文明实践周启动之际")
    assert (comment.source, comment.authors) == ("本报", [])
    assert comment.paragraphs == [COMMENT[2], COMMENT[3], "本报评论员"]
    short = page.articles[1]
    assert short.kicker == "短评"
    assert short.paragraphs == [SHORT[2], SHORT[3]]
    interview = page.articles[2]
    assert interview.subheadline == "访市政务服务中心主任刘言"
    assert interview.paragraphs == INTERVIEW[2:]


def test_page_whose_first_column_was_lost() -> None:
    lost = "制，进一步明确了责任分工。会议还研究了其他事项。"
    page = parse("城市日报", DATE, lost, *NEWS, number=2)
    assert heads(page) == ["", "已完成七成以上"]
    first = page.articles[0]
    assert first.incomplete_start is True
    assert first.paragraphs == [lost]
    assert page.articles[1].incomplete_start is False


def test_jump_with_chinese_numerals_is_stitched(tmp_path: Path) -> None:
    folder = tmp_path / "city-daily" / "2026-05-12"
    folder.mkdir(parents=True)
    head = ["千年古镇的新生", "□本报记者 叶舟",
            "古镇的清晨从一声橹响开始。船工摇着乌篷船穿过石桥，两岸的茶馆陆续开门。",
            "这些年，古镇在保护中发展，老手艺有了新传人。（下转第十二版）"]
    tail = ["千年古镇的新生", "（上接第一版）",
            "夜幕降临，古镇的灯笼次第亮起，游客在河边听一段评弹，品一杯清茶。"]
    (folder / "01.txt").write_bytes(page_bytes(MAST, DATE, *head, *NEWS))
    (folder / "12.txt").write_bytes(page_bytes("12", DATE, *tail, *PHOTO))
    ed = parse_paths([folder])
    assert [a.headline for a in ed.articles] == [
        "千年古镇的新生", "已完成七成以上", "湿地候鸟翩翩来"]
    story = ed.articles[0]
    assert story.pages == [1, 12]
    assert story.continued_on is None
    assert story.paragraphs == [head[2], "这些年，古镇在保护中发展，老手艺有了新传人。", tail[2]]
    assert ed.date == dt.date(2026, 5, 12)


JUMPED = ["重点工程 有序施工",
          "连日来，城东片区的几项重点工程有序推进，工地上塔吊林立，车辆往来穿梭。",
          "项目负责人介绍，各标段倒排工期，力争年底前完成主体施工。（下转第二版）"]
FEATURE_SERIES = [*FEATURE, "守住老手艺",
                  "老街的手艺人不多了，修钟表的师傅每天照常开门，等着老主顾上门。"]


def _jump_edition(tmp_path: Path, repeated: str) -> list[Article]:
    folder = tmp_path / "city-daily" / "2026-05-12"
    folder.mkdir(parents=True)
    tail = [repeated, "（上接第一版）", "施工方表示，将严格落实安全措施，确保工程质量。"]
    (folder / "01.txt").write_bytes(page_bytes(MAST, DATE, *FEATURE_SERIES, *JUMPED))
    (folder / "02.txt").write_bytes(page_bytes("2", DATE, *tail, *PHOTO))
    return parse_paths([folder]).articles


def test_heading_repeated_over_a_continuation_is_that_storys_headline(tmp_path: Path) -> None:
    # in a feature with intertitles of its shape, only the continuation page tells
    arts = _jump_edition(tmp_path, "重点工程 有序施工")
    assert [a.headline for a in arts] == ["老街区焕发新活力", "重点工程 有序施工", "湿地候鸟翩翩来"]
    assert arts[1].pages == [1, 2]
    assert arts[0].intertitles == [2, 5]


def test_heading_not_repeated_elsewhere_stays_an_intertitle(tmp_path: Path) -> None:
    arts = _jump_edition(tmp_path, "城东工程建设提速")
    assert arts[0].headline == "老街区焕发新活力"
    assert "重点工程 有序施工" in arts[0].paragraphs
