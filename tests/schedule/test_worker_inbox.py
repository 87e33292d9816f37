"""Real files into the inbox of a running worker: published once, corrections, duplicates."""

from __future__ import annotations

import asyncio
from pathlib import Path

from conftest import place_page
from harness import DATE, SEED, Harness, enricher, start_worker, until

__all__ = ["enricher", "start_worker"]  # fixtures

PAGE7 = (
    "2026年4月2日 星期四\n\n科技创新实现新突破\n\n（上接第一版）自主创新的道路越走越宽广，"
    "科技成果转化的速度不断加快，创新主体的活力持续迸发。\n\n面向未来，必须坚持把科技自立自强"
    "作为国家发展的战略支撑，久久为功，持续攻坚。\n"
).encode()


def archived(h: Harness, number: int = 1) -> Path:
    return h.archive / "guilin-daily" / "2026-04-02" / f"{number:02d}.txt"


async def test_renamed_page_is_published_once_and_archived(start_worker) -> None:
    h: Harness = await start_worker()
    path = place_page(h.inbox, SEED)
    await until(archived(h).exists)
    assert not path.exists() and archived(h).read_bytes() == SEED
    assert len(h.events("article.published")) == 8
    assert len(h.events("edition.published")) == 1
    assert {e.section for e in h.events("feed.updated")} >= {None, "yaowen"}
    assert h.files() == [str(path)]


async def test_same_bytes_again_emit_nothing(start_worker) -> None:
    h: Harness = await start_worker()
    place_page(h.inbox, SEED)
    await until(lambda: h.files("ingested"))
    before = len(h.events())
    path = place_page(h.inbox, SEED)
    await until(lambda: h.files("unchanged"))
    await until(lambda: not path.exists())
    assert len(h.events()) == before
    assert len(h.store.edition_articles("guilin-daily", DATE)) == 8


async def test_correction_updates_changed_articles_only(start_worker) -> None:
    h: Harness = await start_worker()
    place_page(h.inbox, SEED)
    await until(lambda: h.files("ingested"))
    ids = {s.article.id for s in h.store.edition_articles("guilin-daily", DATE)}
    seen = len(h.events())
    text = SEED.decode().replace("为保障基层医疗卫生机构", "为切实保障基层医疗卫生机构")
    start, end = text.index("两部门部署清明假期前后安全防范工作"), text.index("市委常委会召开会议")
    place_page(h.inbox, (text[:start] + text[end:]).encode())
    await until(lambda: len(h.files("ingested")) == 2)
    new = h.events()[seen:]
    assert sorted(e.type for e in new if e.type.startswith("article.")) == [
        "article.updated", "article.withdrawn"]
    upd = next(e for e in new if e.type == "article.updated")
    assert upd.data["changed"] == ["paragraphs"]
    assert upd.data["article"]["headline"] == "我国将开展基层医疗质量改善三年行动"
    gone = next(e for e in new if e.type == "article.withdrawn")
    assert gone.data["article"]["headline"] == "两部门部署清明假期前后安全防范工作"
    assert not any(e.type in ("article.published", "edition.published") for e in new)
    live = h.store.recent_articles("guilin-daily", 100)
    assert len(live) == 7 and gone.data["article"]["key"] not in {s.article.id for s in live}
    assert {s.article.id for s in h.store.edition_articles("guilin-daily", DATE)} == ids


async def test_page_seven_completes_a_story_as_an_update(start_worker) -> None:
    h: Harness = await start_worker()
    place_page(h.inbox, SEED)
    await until(lambda: h.files("ingested"))
    seen = len(h.events())
    place_page(h.inbox, PAGE7, number=7)
    await until(lambda: len(h.files("ingested")) == 2)
    new = [e for e in h.events()[seen:] if e.type.startswith("article.")]
    assert [e.type for e in new] == ["article.updated"]
    art = new[0].data["article"]
    assert art["headline"] == "科技创新实现新突破" and art["pages"] == [1, 7]
    assert set(new[0].data["changed"]) >= {"pages", "paragraphs"}
    assert len(h.store.edition_articles("guilin-daily", DATE)) == 8


async def test_half_written_file_is_read_once_complete(start_worker) -> None:
    h: Harness = await start_worker(quiet_period=0.3)
    folder = h.inbox / "guilin-daily" / "2026-04-02"
    folder.mkdir(parents=True)
    half = len(SEED) // 2
    with (folder / "01.txt").open("wb") as f:  # written in place, in two goes
        f.write(SEED[:half])
        f.flush()
        await asyncio.sleep(0.1)
        f.write(SEED[half:])
    await until(lambda: h.files())
    assert h.files("ingested") and not h.files("quarantined")
    assert len(h.events("article.published")) == 8
    assert h.store.pages("guilin-daily", DATE)[0].content == SEED
