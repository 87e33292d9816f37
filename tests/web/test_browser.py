"""The HTML pages in a real headless browser (Debian's chromium; `make browser`)."""

from __future__ import annotations

import shutil
import socket
import subprocess
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
import uvicorn
from lxml import html
from seedfeeds import DATE, seed_service

from publisher.render.service import FeedService
from publisher.web.app import create_app

pytestmark = pytest.mark.browser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, FeedService]]:
    tmp = tmp_path_factory.mktemp("browser")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    svc = seed_service(tmp)
    svc.links.base = base  # the pages link to this server
    server = uvicorn.Server(uvicorn.Config(create_app(svc), host="127.0.0.1", port=port,
                                           log_level="warning", lifespan="off"))
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                break
        except httpx.TransportError:
            time.sleep(0.1)
    yield base, svc
    server.should_exit = True
    thread.join(timeout=10)


def chromium(tmp: Path, url: str, *extra: str) -> str:
    exe = shutil.which("chromium") or shutil.which("chromium-browser")
    assert exe, "chromium not installed: run `make browser` (apt-get install chromium)"
    out = subprocess.run(
        [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage", f"--user-data-dir={tmp / 'profile'}", *extra, url],
        capture_output=True, text=True, timeout=90)
    assert out.returncode == 0, out.stderr[-2000:]
    return out.stdout


def dom_text(tmp: Path, url: str) -> tuple[str, html.HtmlElement]:
    dom = html.fromstring(chromium(tmp, url, "--dump-dom"))
    return " ".join(dom.text_content().split()), dom


def test_index_page(site: tuple[str, FeedService], tmp_path: Path) -> None:
    base, _ = site
    text, dom = dom_text(tmp_path, base + "/")
    assert "报纸订阅源" in text and "桂林日报" in text and "要闻" in text and "生态" in text
    alternates = dom.xpath('//link[@rel="alternate"]/@href')
    assert len(alternates) == 9 and f"{base}/guilin-daily/shengtai/feed.json" in alternates
    assert DATE.isoformat() in text


def test_edition_page(site: tuple[str, FeedService], tmp_path: Path) -> None:
    base, _ = site
    text, dom = dom_text(tmp_path, f"{base}/guilin-daily/{DATE.isoformat()}/")
    assert "第1版 要闻" in text
    assert "市委常委会召开会议" in text and "科技创新实现新突破" in text
    assert len(dom.xpath('//section[@class="page"]//li/a')) == 8


def test_article_page(site: tuple[str, FeedService], tmp_path: Path) -> None:
    _, svc = site
    arts = svc.store.edition_articles("guilin-daily", DATE)
    a = next(s.article for s in arts if s.article.headline == "市委常委会召开会议")
    url = svc.links.article("guilin-daily", DATE, a.id)
    text, dom = dom_text(tmp_path, url)
    assert dom.xpath("//h1")[0].text_content() == "市委常委会召开会议"
    assert "——李楚主持" in text and "刘健" in text
    assert a.paragraphs[1][:20] in text
    assert "标签：" in text and "桂林" in text
    shot = tmp_path / "article.png"
    chromium(tmp_path, url, f"--screenshot={shot}", "--window-size=900,1400")
    assert shot.stat().st_size > 10_000


def test_feed_opened_in_a_browser_is_readable(site: tuple[str, FeedService],
                                              tmp_path: Path) -> None:
    base, _ = site
    text, _ = dom_text(tmp_path, base + "/guilin-daily/rss.xml")
    assert "这是一个订阅源" in text and "市委常委会召开会议" in text


def test_atom_feed_opened_in_a_browser_is_readable(site: tuple[str, FeedService],
                                                   tmp_path: Path) -> None:
    base, _ = site
    text, _ = dom_text(tmp_path, base + "/guilin-daily/yaowen/atom.xml")
    assert "这是一个订阅源" in text and "桂林日报·要闻" in text and "科技创新实现新突破" in text
