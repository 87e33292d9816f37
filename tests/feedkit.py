"""Test kit for feeds and pages: articles, a released store, the service, the app.

Built from Article objects (no parser needed): two editions of 桂林日报, one
article continued across pages, one hostile article (control characters, `]]>`,
`<script>`, an unmatched `<`).
"""

from __future__ import annotations

import asyncio
import datetime as dt
from pathlib import Path
from typing import Any

import httpx

from publisher.config import load_publications
from publisher.links import Links
from publisher.models import Article, Dateline, Publication
from publisher.render.service import FeedService
from publisher.store import EditionCommit, SqlStore, open_store

ROOT = Path(__file__).resolve().parent.parent
BASE = "http://feeds.test"
D1, D2 = dt.date(2026, 4, 1), dt.date(2026, 4, 2)
HOSTILE_HEADLINE = "标题<script>alert(1)</script>]]>与 a < b"


def publications() -> dict[str, Publication]:
    return load_publications(ROOT / "config" / "publications")


def release_time(date: dt.date) -> dt.datetime:
    return dt.datetime.combine(date, dt.time(6, 0), tzinfo=dt.timezone(dt.timedelta(hours=8)))


def articles(date: dt.date, hostile: bool = False) -> list[Article]:
    d = date.isoformat()
    arts = [
        Article(id="01-aaaa000001", headline=f"市委常委会召开会议{d[-2:]}",
                kicker="学习贯彻习近平总书记重要讲话精神", subheadline="赵仲华主持",
                authors=["刘健"], source="本报讯", dateline=Dateline(place="桂林", date=date),
                paragraphs=[f"本报讯（记者刘健）{date.month}月{date.day}日，市委常委会召开会议。",
                            "一、抓好漓江生态保护", "会议要求，加强漓江流域生态环境保护。"],
                intertitles=[1], page=1, pages=[1, 7], page_name="要闻",
                summary="市委常委会召开会议。", tags=["漓江", "生态保护"],
                people=["赵仲华"], places=["桂林", "漓江"]),
        Article(id="01-bbbb000002", headline="科技创新实现新突破", authors=["李楚", "王芳"],
                paragraphs=["我市科技创新取得新进展，高新技术企业达到1,234家。"],
                page=1, pages=[1], page_name="要闻", summary="我市科技创新取得新进展。",
                tags=["科技创新"]),
        Article(id="02-cccc000003", headline="阳朔西街游客如织",
                paragraphs=["清明假期，阳朔西街迎来客流高峰。"], page=2, pages=[2],
                page_name="综合", tags=["阳朔"]),
    ]
    if hostile:
        arts.append(Article(
            id="02-dddd000004", headline=HOSTILE_HEADLINE, kicker="引\x00题\x1b",
            subheadline="副题 ]]> <b>粗</b>", authors=["记者\x07甲"],
            paragraphs=["正文<script>alert('x')</script>含有]]>和\x0c控制字符 & 未闭合 <p",
                        "第二段 \ufffe 非字符\x85"], page=2, pages=[2],
            summary="摘要 <script>x</script> ]]> \x01", tags=["<tag>", "生态"]))
    return arts


def commit(store: SqlStore, pub: Publication, date: dt.date, arts: list[Article],
           now: dt.datetime | None = None, updated: list[str] | None = None) -> None:
    at = release_time(date)
    store.apply(EditionCommit(
        publication=pub.slug, date=date, name=pub.name, publish_at=at, now=now or at,
        articles=arts, release=True, updated=updated or []))


def filled_store(tmp: Path, hostile: bool = False) -> SqlStore:
    store = open_store(f"sqlite:///{tmp / 'feeds.db'}")
    pub = publications()["guilin-daily"]
    commit(store, pub, D1, articles(D1))
    commit(store, pub, D2, articles(D2, hostile=hostile))
    return store


def service(store: SqlStore, limit: int = 50) -> FeedService:
    return FeedService(store, publications(), Links(BASE, "feeds.test"), limit=limit)


class Client:
    """A synchronous in-process HTTP client for the ASGI app (httpx over ASGITransport)."""

    def __init__(self, app: Any) -> None:
        self.app = app

    def request(self, method: str, path: str, headers: dict[str, str] | None = None) -> Any:
        async def go() -> httpx.Response:
            transport = httpx.ASGITransport(app=self.app)
            async with httpx.AsyncClient(transport=transport, base_url=BASE) as c:
                return await c.request(method, path, headers=headers)

        return asyncio.run(go())

    def get(self, path: str, headers: dict[str, str] | None = None) -> Any:
        return self.request("GET", path, headers)

    def head(self, path: str, headers: dict[str, str] | None = None) -> Any:
        return self.request("HEAD", path, headers)

    def options(self, path: str, headers: dict[str, str] | None = None) -> Any:
        return self.request("OPTIONS", path, headers)
