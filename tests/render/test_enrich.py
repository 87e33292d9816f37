"""Enrichment: jieba tags without news stop words, a word-safe summary, people, places."""

from __future__ import annotations

import pytest
from feedkit import publications
from hypothesis import given, settings
from hypothesis import strategies as st

from publisher.enrich.enricher import STOP_WORDS, Enricher, is_tag
from publisher.enrich.summary import summarize
from publisher.models import Article

LEAD = ("本报讯（记者刘健）4月1日，市委书记赵仲华在阳朔调研漓江流域生态环境保护工作，"
        "强调要推进漓江保护立法，持续开展会议部署的各项工作。")


def art(*paragraphs: str, **kw: object) -> Article:
    return Article(id="01-x", headline=str(kw.pop("headline", "漓江生态保护")),
                   paragraphs=list(paragraphs), page=1, **kw)  # type: ignore[arg-type]


def test_summary_is_the_lead_without_source() -> None:
    s = summarize(art(LEAD, "第二段。"))
    assert s.startswith("4月1日，市委书记赵仲华") and len(s) <= 120
    assert "本报讯" not in s


def test_summary_skips_a_sentence_that_lost_its_start() -> None:
    a = art("神、习近平讲话精神等。会议审议通过有关文件。", incomplete_start=True)
    assert summarize(a) == "会议审议通过有关文件。"


def test_long_sentence_is_cut_at_a_clause_never_inside_a_number() -> None:
    long = "，".join(["全市高新技术企业达到1,234家"] * 12) + "。"
    s = summarize(art(long))
    assert len(s) <= 120 and s.endswith("…")
    assert s[:-1].endswith("1,234家")


@settings(max_examples=200, deadline=None)
@given(st.lists(st.text(alphabet="漓江生态保护12345,.，。、ab", min_size=1, max_size=90),
                min_size=1, max_size=3))
def test_summary_never_exceeds_the_limit_or_splits_digits(paras: list[str]) -> None:
    text = "".join(paras)
    s = summarize(art(*paras))
    assert len(s) <= 120
    body = s.removesuffix("…")
    if body and body != text[:len(body)]:
        return  # lead stripped; nothing to compare
    nxt = text[len(body):len(body) + 1]
    if s.endswith("…") and body and nxt:
        assert not (body[-1].isdigit() and nxt.isdigit()), (s, text)


@pytest.fixture(scope="module")
def enricher() -> Enricher:
    return Enricher()


def test_tags_people_places(enricher: Enricher) -> None:
    pub = publications()["guilin-daily"]
    a = art(LEAD, "2026年，桂林市将推进漓江生态保护和修复，阳朔县开展生态环境整治。",
            headline="赵仲华在阳朔调研漓江生态保护")
    out = enricher.enrich(a, pub)
    assert out.tags and len(out.tags) <= 6
    for tag in out.tags:
        assert is_tag(tag) and tag not in STOP_WORDS and not any(c.isdigit() for c in tag)
    assert {"工作", "会议", "推进", "发展", "2026"}.isdisjoint(out.tags)
    assert "漓江" in out.tags
    assert "赵仲华" in out.people and "赵仲华" not in out.places
    assert "阳朔" in out.places and "漓江" in out.places
    assert out.summary == summarize(a)


def test_numbers_and_years_are_never_tags() -> None:
    for word in ("2026", "2026年", "4月", "六届", "第三", "一季度", "38家", "工作", "会议"):
        assert not is_tag(word), word
    for word in ("漓江", "生态", "赵仲华", "绿色工厂"):
        assert is_tag(word), word
