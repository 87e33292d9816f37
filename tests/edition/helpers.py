"""Helpers for edition tests: build a page from blocks and parse it."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from publisher.edition import parse_page
from publisher.models import Article, Page

EDITION = dt.date(2026, 4, 2)
#: plain paragraphs of story text for test pages
P1 = "这是第一段正文，讲述了工厂的生产情况和工人的生活。"
P2 = "这是第二段正文，记者在现场看到机器轰鸣，一派繁忙景象。"
P3 = "这是第三段正文，专家认为这一做法值得推广。"


def page_bytes(*blocks: str, encoding: str = "utf-8") -> bytes:
    return "\n\n".join(blocks).encode(encoding)


def parse(*blocks: str, number: int = 1, date: dt.date = EDITION, **kw: Any) -> Page:
    return parse_page(page_bytes(*blocks), number=number, edition_date=date, **kw)


def heads(page: Page) -> list[str]:
    return [a.headline for a in page.articles]


def only(page: Page) -> Article:
    assert len(page.articles) == 1, heads(page)
    return page.articles[0]


def edition_folder(tmp_path: Path, pages: dict[int, bytes], toml: str | None = None) -> Path:
    """An edition folder (city-daily, 2026-04-02) holding the pages (number -> bytes)."""
    folder = tmp_path / "city-daily" / "2026-04-02"
    folder.mkdir(parents=True)
    for n, data in pages.items():
        (folder / f"{n:02d}.txt").write_bytes(data)
    if toml is not None:
        (folder / "edition.toml").write_text(toml, encoding="utf-8")
    return folder
