"""Editions: folders, inbox layout, stitching of jumps, the contract, the CLI, the report."""

from __future__ import annotations

import datetime as dt
import io
import json
import subprocess
import sys
from pathlib import Path

import pytest
from rich.console import Console

from edition.helpers import edition_folder, page_bytes
from publisher.edition import contract_json, parse_edition, parse_page, parse_paths
from publisher.edition.report import render_table
from publisher.errors import EditionError
from publisher.models import Publication

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "seeds" / "guilin-daily" / "2026-04-02"
P1 = "这是第一段正文，讲述了工厂的生产情况和工人的生活。"
P2 = "这是第二段正文，记者在现场看到机器轰鸣，一派繁忙景象。"
P3 = "这是第三段正文，专家认为这一做法值得推广。"
FRONT = page_bytes("长篇通讯见闻", P1, P2 + "（下转第七版）", "另一条消息",
                   "本报讯（记者甲乙）今天，另一件事发生了。")
SEVEN = page_bytes("第 7 版", "长篇通讯见闻", "（上接第一版）", P3, "本版消息",
                   "本报讯（记者丙丁）又一件事。")


def test_jump_is_stitched_into_one_article(tmp_path: Path) -> None:
    ed = parse_paths([edition_folder(tmp_path, {1: FRONT, 7: SEVEN})])
    first = ed.articles[0]
    assert first.headline == "长篇通讯见闻"
    assert first.pages == [1, 7]
    assert first.paragraphs == [P1, P2, P3]
    assert first.continued_on is None
    assert [a.headline for a in ed.articles] == ["长篇通讯见闻", "另一条消息", "本版消息"]


def test_jump_marker_inside_a_paragraph_with_arabic_numerals(tmp_path: Path) -> None:
    front = page_bytes("长篇通讯见闻", P1 + "（下转第 7 版）")
    seven = page_bytes("长篇通讯见闻", "（上接第 1 版）" + P3)
    ed = parse_paths([edition_folder(tmp_path, {1: front, 7: seven})])
    assert [(a.pages, a.paragraphs) for a in ed.articles] == [([1, 7], [P1, P3])]


@pytest.mark.parametrize(("on", "back"), [("（转第3版）", "（接第1版）"),
                                          ("（转 3 版）", "（紧接第一版）"),
                                          ("（下接第三版）", "（上接第1版）")])
def test_jump_lines_without_a_direction_take_it_from_the_verb(tmp_path: Path, on: str,
                                                              back: str) -> None:
    front = page_bytes("长篇通讯见闻", P1, on, "另一条消息", P2)
    three = page_bytes("长篇通讯见闻", back + P3)
    ed = parse_paths([edition_folder(tmp_path, {1: front, 3: three})])
    assert [(a.headline, a.pages, a.paragraphs) for a in ed.articles] == [
        ("长篇通讯见闻", [1, 3], [P1, P3]), ("另一条消息", [1], [P2])]


def test_a_continuation_that_opens_at_an_intertitle_keeps_it(tmp_path: Path) -> None:
    front = page_bytes("长篇通讯见闻", P1, "（下转第2版）", "另一条消息", P2)
    lead = "本报北京4月1日电 新港区1日投入使用。"
    two = page_bytes("长篇通讯见闻", "（上接第1版）", "港区更开阔", "效益更高 生态更美", P3,
                     "本版消息", lead)
    ed = parse_paths([edition_folder(tmp_path, {1: front, 2: two})])
    assert [(a.headline, a.pages, a.paragraphs) for a in ed.articles] == [
        ("长篇通讯见闻", [1, 2], [P1, "港区更开阔", "效益更高 生态更美", P3]),
        ("另一条消息", [1], [P2]), ("本版消息", [2], ["本报北京4月1日电 新港区1日投入使用。"])]


def test_a_continuation_knows_its_first_parts_intertitles(tmp_path: Path) -> None:
    # page 2 alone would read the `X——` intertitle as a new story's kicker and keep the
    # plain line after it in the story; page 1 prints the series it belongs to
    front = page_bytes("长江两岸新气象", P1, "交通能互联——", "一桥飞架南北", P2,
                       "产业能协同——", "园区连成一片", P3 + "（下转第2版）",
                       "另一条消息", "本报讯 今天举行了活动。")
    two = page_bytes("长江两岸新气象", "（上接第1版）" + P1, "生态能共享——", "江水更清更绿", P2,
                     "把好事办到群众心坎上", P3)
    ed = parse_paths([edition_folder(tmp_path, {1: front, 2: two})])
    assert [(a.headline, a.pages, a.paragraphs) for a in ed.articles] == [
        ("长江两岸新气象", [1, 2], [P1, "交通能互联——", "一桥飞架南北", P2, "产业能协同——",
                                  "园区连成一片", P3, P1, "生态能共享——", "江水更清更绿", P2]),
        ("另一条消息", [1], ["本报讯 今天举行了活动。"]), ("把好事办到群众心坎上", [2], [P3])]
    assert ed.articles[0].intertitles == [1, 2, 4, 5, 8, 9]


def test_a_line_in_a_continuation_whose_long_first_part_has_no_intertitle_opens_a_story(
        tmp_path: Path) -> None:
    # six paragraphs on page 1 and no intertitle: the story prints none, and a plain line in
    # its continuation part on page 2 is the next story's headline
    front = page_bytes("长篇通讯见闻", P1, P2, P3, P1, P2, P3 + "（下转第2版）",
                       "另一条消息", "本报讯 今天举行了活动。")
    two = page_bytes("长篇通讯见闻", "（上接第1版）" + P1, P2, "把好事办到群众心坎上", P3)
    ed = parse_paths([edition_folder(tmp_path, {1: front, 2: two})])
    assert [(a.headline, a.pages, a.paragraphs) for a in ed.articles] == [
        ("长篇通讯见闻", [1, 2], [P1, P2, P3, P1, P2, P3, P1, P2]),
        ("另一条消息", [1], ["本报讯 今天举行了活动。"]), ("把好事办到群众心坎上", [2], [P3])]
    # after a short first part the line is still the story's intertitle
    front = page_bytes("长篇通讯见闻", P1, P2 + "（下转第2版）",
                       "另一条消息", "本报讯 今天举行了活动。")
    ed = parse_paths([edition_folder(tmp_path / "short", {1: front, 2: two})])
    assert [(a.headline, a.pages) for a in ed.articles] == [
        ("长篇通讯见闻", [1, 2]), ("另一条消息", [1])]
    assert ed.articles[0].paragraphs == [P1, P2, P1, P2, "把好事办到群众心坎上", P3]


def test_a_dash_line_opening_a_continuation_is_its_text_not_a_subheadline(
        tmp_path: Path) -> None:
    sign = "——某市市长在全市工作会议上说"
    front = page_bytes("让工作在基层实起来（声音）", P1, P2 + "（下转第2版）")
    two = page_bytes("让工作在基层实起来（声音）", "（上接第1版）", sign, "（本报记者 张三整理）",
                     "另一条消息", "本报讯 今天举行了活动。")
    ed = parse_paths([edition_folder(tmp_path, {1: front, 2: two})])
    assert [(a.headline, a.subheadline, a.pages, a.paragraphs) for a in ed.articles] == [
        ("让工作在基层实起来（声音）", None, [1, 2], [P1, P2, sign, "（本报记者 张三整理）"]),
        ("另一条消息", None, [2], ["本报讯 今天举行了活动。"])]


XIAOMAN = ["荷兰姑娘小曼在莱顿大学读书时迷上了中文，毕业后创办了介绍中国网络文化的网站。",
           "她每天浏览中国的社交平台，把热门话题翻译成荷兰语，介绍给欧洲读者。",
           "网站的读者越来越多，不少欧洲公司请她讲解中国消费者的喜好。",
           "小曼说，中国的年轻人在网上分享生活，这让她看到一个真实而生动的中国。",
           "为了写好文章，她每年都要到中国住上几个月，走访城市和乡村。",
           "她的朋友说，小曼比很多中国人还了解中国的网络流行语。"]
XIAOMAN_ON = ["去年春节，一部关于亲情的短片在网上走红，小曼连夜写了评论，分析片中的城乡变迁。",
              "她认为，短片打动人心，是因为它讲的是每个家庭都熟悉的故事。",
              "凭借一己之力运营网站并不容易，她同时还是培训师，为欧洲企业讲授中国市场。",
              "她还计划在莱顿开设一门课程，带更多荷兰学生认识中国的网络世界。"]


def test_the_intertitle_a_continuation_opens_at_is_a_sibling_of_its_later_ones(
        tmp_path: Path) -> None:
    # the first part (six paragraphs, no intertitle) says nothing of the story's intertitles;
    # the part opens at a quoted one, so a later quoted line is the next of them, though the
    # text after it shares only some of the story's words
    head = "“跟上时代的脚步”（海外来鸿）"
    front = page_bytes(head, *XIAOMAN[:-1], XIAOMAN[-1] + "（下转第2版）")
    on = XIAOMAN_ON
    two = page_bytes(head, "（上接第1版）", "“我想读懂这里的网络”", on[0], on[1],
                     "“让自己跟上趟儿”", on[2], on[3])
    ed = parse_paths([edition_folder(tmp_path, {1: front, 2: two})])
    assert [(a.headline, a.pages) for a in ed.articles] == [(head, [1, 2])]
    assert ed.articles[0].intertitles == [6, 9]


def test_a_heading_after_a_jump_over_a_lost_first_column_is_a_headline(tmp_path: Path) -> None:
    # the story before it left the page with its （下转…）: the heading-like block after it opens
    # the next story, and is not joined to a block opening with a comma
    head = "市长在全市代表工作交流会上要求持续推进代表工作"
    rest = "，推进人大系统学习教育，总结经验、分析问题。"
    front = page_bytes("长篇通讯见闻", P1, P2 + "（下转第2版）", head, rest, P3)
    two = page_bytes("长篇通讯见闻", "（上接第1版）" + P3)
    ed = parse_paths([edition_folder(tmp_path, {1: front, 2: two})])
    assert [(a.headline, a.pages, a.paragraphs) for a in ed.articles] == [
        ("长篇通讯见闻", [1, 2], [P1, P2, P3]), (head, [1], [rest, P3])]
    assert ed.articles[1].incomplete_start


def test_continued_on_stays_when_the_other_page_is_missing(tmp_path: Path) -> None:
    ed = parse_paths([edition_folder(tmp_path, {1: FRONT})])
    assert ed.articles[0].continued_on == 7
    assert ed.articles[0].pages == [1]


def test_a_continuation_printed_twice_is_one_article(tmp_path: Path) -> None:
    front = page_bytes("长篇通讯见闻", P1 + "（下转第3版）")
    copy = page_bytes("长篇通讯见闻", "（上接第1版）", P2, P3)
    ed = parse_paths([edition_folder(tmp_path, {1: front, 2: copy, 3: copy})])
    assert [(a.headline, a.pages) for a in ed.articles] == [("长篇通讯见闻", [1, 3])]


def test_edition_toml_names_publication_date_and_pages(tmp_path: Path) -> None:
    toml = 'publication = "城市日报"\ndate = 2026-04-02\n[pages]\n1 = "要闻"\n'
    ed = parse_paths([edition_folder(tmp_path, {1: FRONT}, toml)])
    out = contract_json(ed)
    assert out["publication"] == "城市日报"
    assert out["edition_date"] == "2026-04-02"
    art = out["articles"][0]
    assert art["page_name"] == "要闻"
    assert set(art) >= {"id", "headline", "kicker", "subheadline", "authors", "source", "dateline",
                        "paragraphs", "page", "pages", "continued_on", "continued_from",
                        "incomplete_start"}
    json.dumps(out, ensure_ascii=False)


def test_inbox_layout_without_toml_and_publication_config(tmp_path: Path) -> None:
    folder = edition_folder(tmp_path, {1: page_bytes("城市日报", "新桥通车", P1)})
    pubs = {"city-daily": Publication(slug="city-daily", name="城市日报")}
    ed = parse_paths([folder / "01.txt"], pubs)
    assert (ed.publication, ed.publication_name, ed.date) == ("city-daily", "城市日报",
                                                              dt.date(2026, 4, 2))
    assert [a.headline for a in ed.articles] == ["新桥通车"]


def test_missing_path_and_unknown_date(tmp_path: Path) -> None:
    with pytest.raises(EditionError):
        parse_paths([tmp_path / "nope"])
    (tmp_path / "01.txt").write_bytes(FRONT)
    with pytest.raises(EditionError, match="date"):
        parse_paths([tmp_path / "01.txt"])


def test_parse_edition_from_pages() -> None:
    pages = [parse_page(SEVEN, number=7), parse_page(FRONT, number=1)]
    ed = parse_edition(pages, publication_slug="x", publication_name="X",
                       edition_date=dt.date(2026, 4, 2))
    assert [p.number for p in ed.pages] == [1, 7]
    assert ed.articles[0].pages == [1, 7]


def test_seed_page_parses_into_its_eight_articles() -> None:
    ed = parse_paths([SEED])
    assert len(ed.articles) == 8
    assert ed.articles[0].continued_on == 7
    assert ed.articles[5].incomplete_start is True


def test_render_table_shows_articles_and_roles() -> None:
    ed = parse_paths([SEED])
    buf = io.StringIO()
    render_table(ed, Console(file=buf, width=160))
    text = buf.getvalue()
    assert "科技创新实现新突破" in text and "headline" in text and "masthead" in text


def test_cli_prints_the_contract() -> None:
    out = subprocess.run([sys.executable, "-m", "publisher.edition", str(SEED), "--json"],
                         capture_output=True, text=True, cwd=ROOT, check=True)
    data = json.loads(out.stdout)
    assert data["publication"] == "桂林日报"
    assert len(data["articles"]) == 8
    bad = subprocess.run([sys.executable, "-m", "publisher.edition", "/nonexistent"],
                         capture_output=True, text=True, cwd=ROOT)
    assert bad.returncode == 1 and "error" in bad.stderr


def test_text_after_a_jump_is_another_story_that_its_continuation_names(tmp_path: Path) -> None:
    # the story before it left the page with its （下转…）: what follows is another story even
    # when its long kicker ran into its headline; the continuation gives it its headline back
    kicker = "将经过3至5年持续努力，基本建立覆盖全员、功能完备、保障有力的服务体系"
    head = "促进高校毕业生高质量充分就业（政策解读）"
    front = page_bytes("长篇通讯见闻", P1 + "（下转第6版）", kicker, head, P2, "（下转第四版）")
    four = page_bytes(head, "（上接第1版）", P3)
    ed = parse_paths([edition_folder(tmp_path, {1: front, 4: four})])
    assert [(a.kicker, a.headline, a.pages, a.paragraphs) for a in ed.articles] == [
        (None, "长篇通讯见闻", [1], [P1]), (kicker, head, [1, 4], [P2, P3])]
    assert ed.articles[0].continued_on == 6
