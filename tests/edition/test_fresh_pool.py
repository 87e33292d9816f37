"""The fresh-article check reads its pool format back as the gold it was written from."""

from __future__ import annotations

from pathlib import Path

from edition import synth
from edition.fresh_failures import edition_failures
from edition.fresh_pool import MIN_BODY, load, parse_record
from edition.test_heldout import _scorer


def _record(art: synth.Gold) -> str:
    lines = ["@@@ date=2020-01-07 page=01"]
    if art["kicker"]:
        lines.append(f"### {art['kicker']}")
    lines.append(f"# {art['headline']}")
    if art["subheadline"]:
        lines.append(f"## {art['subheadline']}")
    lines.append("> 本报记者  张明")
    return "\n".join(lines) + "\n\n" + "\n\n".join(art["paragraphs"]) + "\n\n"


def test_pool_file_round_trips_the_gold_fields(tmp_path: Path) -> None:
    source = [a for a in synth.load_pool() if sum(map(len, a["paragraphs"])) >= MIN_BODY][:40]
    (tmp_path / "day.md").write_text("".join(map(_record, source)), encoding="utf-8")
    pool = load(tmp_path)
    keys = ("kicker", "headline", "subheadline", "paragraphs")
    assert [{k: a[k] for k in keys} for a in pool] == [{k: a[k] for k in keys} for a in source]
    _pages, golds = synth.edition(3, pool)
    assert golds and all(g["headline"] in {a["headline"] for a in pool} for g in golds)


def test_bold_intertitle_loses_its_marks_and_the_subheadline_its_dash() -> None:
    art = parse_record("### 习近平在会见时强调——\n# 标题\n## ——副题\n\n" + "正文。" * 60
                       + "\n\n**小标题**\n\n" + "后文。" * 10)
    assert art is not None
    fields = (art["kicker"], art["headline"], art["subheadline"])
    assert fields == ("习近平在会见时强调——", "标题", "副题")
    assert art["paragraphs"][1] == "小标题"


def test_short_items_and_records_without_headline_are_left_out() -> None:
    assert parse_record("# 简讯\n\n一句话。") is None
    assert parse_record("\n\n" + "正文。" * 80) is None


def test_failure_list_names_a_missed_article_a_wrong_field_and_an_extra() -> None:
    sp = _scorer()
    _pages, golds = synth.edition(5, synth.load_pool())
    assert edition_failures(sp, golds, golds) == []
    pred = [dict(g) for g in golds[1:]]
    pred[0]["kicker"] = "多出来的引题"
    pred.append({"headline": "不存在的稿件", "paragraphs": ["这是一段多余的文字。" * 5]})
    rows = {head: wrong for head, _lost, wrong in edition_failures(sp, golds, pred)}
    assert rows[sp.norm(golds[0]["headline"])][0] == "MISSED"
    assert rows[sp.norm(golds[1]["headline"])] == ["kicker='多出来的引题'"]
    assert rows["EXTRA 不存在的稿件"] == ["extra"]


def test_a_separator_line_of_stars_is_not_a_paragraph() -> None:
    art = parse_record("# 标题\n\n" + "正文。" * 60 + "\n\n***    ***\n\n" + "后文。" * 10)
    assert art is not None and art["paragraphs"] == ["正文。" * 60, "后文。" * 10]
