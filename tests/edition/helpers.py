"""Helpers for edition tests: build a page from blocks and parse it."""

from __future__ import annotations

import datetime as dt
from typing import Any

from publisher.edition import parse_page
from publisher.models import Article, Page

EDITION = dt.date(2026, 4, 2)


def page_bytes(*blocks: str, encoding: str = "utf-8") -> bytes:
    return "\n\n".join(blocks).encode(encoding)


def parse(*blocks: str, number: int = 1, date: dt.date = EDITION, **kw: Any) -> Page:
    return parse_page(page_bytes(*blocks), number=number, edition_date=date, **kw)


def heads(page: Page) -> list[str]:
    return [a.headline for a in page.articles]


def only(page: Page) -> Article:
    assert len(page.articles) == 1, heads(page)
    return page.articles[0]


