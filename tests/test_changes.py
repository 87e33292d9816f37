"""Deciding what changed: pure, no store."""

from __future__ import annotations

from publisher.identity import article_key
from publisher.ingest.changes import diff_edition, reconcile_ids
from publisher.models import Article


def art(headline: str, body: str, page: int = 1) -> Article:
    return Article(id=article_key(page, headline), headline=headline, paragraphs=[body],
                   page=page, pages=[page])


BODY_A = "本报讯（记者刘健）4月1日，市委书记主持召开市委常委会会议，研究部署我市贯彻落实措施。" * 2
BODY_B = "新华社北京4月1日电（记者彭韵佳）国家卫生健康委等部门1日发布文件，明确开展行动。" * 2


def test_same_articles_are_unchanged() -> None:
    old = [art("甲", BODY_A), art("乙", BODY_B)]
    diff = diff_edition(old, set(), [art("甲", BODY_A), art("乙", BODY_B)])
    assert not diff.changed and len(diff.unchanged) == 2


def test_corrected_headline_keeps_its_id() -> None:
    old = [art("市委常委会召开会议", BODY_A), art("乙", BODY_B)]
    new = [art("市委常委会召开专题会议", BODY_A + "补充。"), art("乙", BODY_B)]
    diff = diff_edition(old, set(), new)
    assert [u.article.id for u in diff.updated] == [old[0].id]
    assert set(diff.updated[0].changed) == {"headline", "paragraphs"}
    assert not diff.new and not diff.withdrawn


def test_new_article_never_takes_a_withdrawn_or_foreign_id() -> None:
    old = [art("甲", BODY_A)]
    new = [art("丙", "完全不同的一篇文章，讲的是别的事情。" * 3)]
    diff = diff_edition(old, set(), new)
    assert [a.id for a in diff.withdrawn] == [old[0].id]
    assert diff.new[0].id != old[0].id


def test_key_collision_is_salted_not_shared() -> None:
    a1 = art("同题", BODY_A)
    a2 = art("同题", BODY_B)
    out = reconcile_ids([], [a1, a2])
    assert len({a.id for a in out}) == 2


def test_withdrawn_article_coming_back_is_published_again() -> None:
    old = [art("甲", BODY_A)]
    diff = diff_edition(old, {old[0].id}, [art("甲", BODY_A)])
    assert [a.id for a in diff.new] == [old[0].id]


def test_first_published_time() -> None:
    import datetime as dt

    from publisher.ingest.changes import first_published

    at = dt.datetime(2026, 4, 1, 22, 0, tzinfo=dt.UTC)
    later = at + dt.timedelta(hours=3)
    assert first_published(at, later, release=True) == at
    assert first_published(at, later, release=False) == later  # a late page: new now
    backfill = at + dt.timedelta(days=30)
    assert first_published(at, backfill, release=False) == at  # an archive filled in
