"""Ingest into a real store (SQLite and PostgreSQL): dedupe, embargo, corrections."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from conftest import place_page

from publisher.clock import FixedClock
from publisher.ingest.service import Ingestor
from publisher.links import Links
from publisher.models import Publication
from publisher.store import SqlStore

DATE = dt.date(2026, 4, 2)
AFTER_RELEASE = dt.datetime(2026, 4, 2, 0, 30, tzinfo=dt.UTC)  # 08:30 in Guilin
BEFORE_RELEASE = dt.datetime(2026, 4, 1, 17, 0, tzinfo=dt.UTC)  # 01:00 in Guilin


def make(store: SqlStore, pubs: dict[str, Publication], clock: FixedClock) -> Ingestor:
    return Ingestor(store, pubs, Links("http://feeds.test"), clock=clock)


def types(store: SqlStore) -> list[str]:
    return [e.type for _, e in store.events_after(0, limit=1000)]


def test_seed_ingest_stores_eight_articles_once(
    store: SqlStore, publications: dict[str, Publication], clock: FixedClock,
    seed_bytes: bytes, tmp_path: Path,
) -> None:
    ing = make(store, publications, clock)
    page = place_page(tmp_path / "inbox", seed_bytes)
    first = ing.ingest_file(page)
    assert first.status == "ingested" and first.released and first.new == 8
    assert len(store.recent_articles("guilin-daily", 100)) == 8
    kinds = types(store)
    assert kinds.count("edition.published") == 1
    assert kinds.count("article.published") == 8
    assert "feed.updated" in kinds
    n_events = store.event_count()

    again = ing.ingest_file(page)
    assert again.status == "unchanged"
    assert store.event_count() == n_events
    assert len(store.edition_articles("guilin-daily", DATE)) == 8


def test_embargo_holds_until_publish_time(
    store: SqlStore, publications: dict[str, Publication], seed_bytes: bytes, tmp_path: Path,
) -> None:
    clock = FixedClock(BEFORE_RELEASE)
    ing = make(store, publications, clock)
    result = ing.ingest_file(place_page(tmp_path / "inbox", seed_bytes))
    assert result.status == "ingested" and not result.released
    assert store.event_count() == 0
    assert store.recent_articles("guilin-daily", 100) == []
    clock.set(dt.datetime(2026, 4, 1, 21, 59, tzinfo=dt.UTC))  # 05:59 local
    assert ing.release_due() == []
    clock.set(dt.datetime(2026, 4, 1, 22, 0, tzinfo=dt.UTC))  # 06:00 local
    released = ing.release_due()
    assert len(released) == 1 and released[0].new == 8
    arts = store.recent_articles("guilin-daily", 100)
    assert len(arts) == 8
    assert {a.published_at for a in arts} == {dt.datetime(2026, 4, 1, 22, 0, tzinfo=dt.UTC)}
    assert types(store).count("article.published") == 8
    assert ing.release_due() == []


def test_correction_updates_only_changed_article_and_withdraws_removed(
    store: SqlStore, publications: dict[str, Publication], clock: FixedClock,
    seed_bytes: bytes, tmp_path: Path,
) -> None:
    ing = make(store, publications, clock)
    inbox = tmp_path / "inbox"
    ing.ingest_file(place_page(inbox, seed_bytes))
    ids_before = {s.article.id for s in store.edition_articles("guilin-daily", DATE)}
    seen = store.event_count()

    text = seed_bytes.decode("utf-8")
    corrected = text.replace("为保障基层医疗卫生机构", "为切实保障基层医疗卫生机构")
    start = corrected.index("两部门部署清明假期前后安全防范工作")
    end = corrected.index("市委常委会召开会议")
    corrected = corrected[:start] + corrected[end:]
    clock.advance(minutes=5)
    result = ing.ingest_file(place_page(inbox, corrected.encode("utf-8")))
    assert (result.new, result.updated, result.withdrawn) == (0, 1, 1)

    new_events = [e for _, e in store.events_after(0, 1000)][seen:]
    kinds = sorted(e.type for e in new_events if e.type.startswith("article."))
    assert kinds == ["article.updated", "article.withdrawn"]
    updated = next(e for e in new_events if e.type == "article.updated")
    assert updated.data["changed"] == ["paragraphs"]
    assert updated.data["article"]["headline"] == "我国将开展基层医疗质量改善三年行动"
    assert len(store.recent_articles("guilin-daily", 100)) == 7
    assert {s.article.id for s in store.edition_articles("guilin-daily", DATE)} == ids_before


def test_unknown_publication_is_refused_with_its_name(
    store: SqlStore, publications: dict[str, Publication], clock: FixedClock,
    seed_bytes: bytes, tmp_path: Path,
) -> None:
    ing = make(store, publications, clock)
    path = place_page(tmp_path / "inbox", seed_bytes, slug="nowhere-daily")
    result = ing.ingest_file(path)
    assert result.status == "quarantined"
    assert "unknown publication 'nowhere-daily'" in (result.error or "")
    assert store.files(status="quarantined")[0].path == str(path)
    assert store.edition_articles("nowhere-daily", DATE) == []


def test_bad_date_folder_names_the_file(
    store: SqlStore, publications: dict[str, Publication], clock: FixedClock,
    seed_bytes: bytes, tmp_path: Path,
) -> None:
    ing = make(store, publications, clock)
    path = place_page(tmp_path / "inbox", seed_bytes, date="2026-13-40")
    result = ing.ingest_file(path)
    assert result.status == "quarantined"
    assert str(path) in (result.error or "") and "YYYY-MM-DD" in (result.error or "")
