"""End to end: `publisher run` on the seed, a real server on a free port, real HTTP."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import feedparser
import httpx
import pytest
from conftest import ROOT

FEEDS = [
    ("/guilin-daily/rss.xml", "application/rss+xml"),
    ("/guilin-daily/atom.xml", "application/atom+xml"),
    ("/guilin-daily/feed.json", "application/feed+json"),
    ("/guilin-daily/yaowen/rss.xml", "application/rss+xml"),
    ("/guilin-daily/yaowen/atom.xml", "application/atom+xml"),
    ("/guilin-daily/yaowen/feed.json", "application/feed+json"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def server_env(tmp: Path, port: int, **extra: str) -> dict[str, str]:
    env = dict(os.environ)
    env.update({
        "PUBLISHER_CONFIG": str(ROOT / "config" / "publisher.toml"),
        "PUBLISHER_DATABASE_URL": f"sqlite:///{tmp / 'e2e.db'}",
        "PUBLISHER_INBOX": str(tmp / "inbox"),
        "PUBLISHER_SEEDS": str(ROOT / "seeds"),
        "PUBLISHER_PUBLICATIONS_DIR": str(ROOT / "config" / "publications"),
        "PUBLISHER_FEEDS_DIR": str(tmp / "feeds"),
        "PUBLISHER_QUARANTINE": str(tmp / "quarantine"),
        "PUBLISHER_PORT": str(port),
        "PUBLISHER_BASE_URL": f"http://127.0.0.1:{port}",
        **extra,
    })
    return env


def wait_up(base: str, proc: subprocess.Popen[bytes], timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise AssertionError(f"server exited with {proc.returncode}")
        try:
            if httpx.get(base + "/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            time.sleep(0.2)
    raise AssertionError("server did not come up")


@pytest.fixture(scope="module")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    tmp = tmp_path_factory.mktemp("e2e")
    port = free_port()
    log = open(tmp / "server.log", "wb")  # noqa: SIM115
    proc = subprocess.Popen(
        [sys.executable, "-m", "publisher", "run"], cwd=tmp, env=server_env(tmp, port),
        stdout=subprocess.DEVNULL, stderr=log)
    base = f"http://127.0.0.1:{port}"
    try:
        wait_up(base, proc)
        yield base
    finally:
        proc.terminate()
        proc.wait(timeout=20)
        log.close()


@pytest.mark.parametrize(("path", "media_type"), FEEDS)
def test_feed_served_parsed_and_conditional(server: str, path: str, media_type: str) -> None:
    r = httpx.get(server + path)
    assert r.status_code == 200
    assert r.headers["content-type"].split(";")[0] == media_type
    if media_type == "application/feed+json":  # feedparser 6.0 reads no JSON Feed
        titles = {i["title"] for i in r.json()["items"]}
        assert len(r.json()["items"]) == 8
    else:
        parsed = feedparser.parse(r.content)
        assert parsed.bozo == 0, parsed.get("bozo_exception")
        assert len(parsed.entries) == 8
        titles = {e.title for e in parsed.entries}
    assert "市委常委会召开会议" in titles and "科技创新实现新突破" in titles
    etag, last_modified = r.headers["etag"], r.headers["last-modified"]
    assert etag.startswith('"') and not etag.startswith('W/')
    again = httpx.get(server + path, headers={"If-None-Match": etag})
    assert again.status_code == 304 and again.content == b""
    since = httpx.get(server + path, headers={"If-Modified-Since": last_modified})
    assert since.status_code == 304


def test_index_links_every_feed_and_article_pages_resolve(server: str) -> None:
    index = httpx.get(server + "/")
    assert index.status_code == 200 and "text/html" in index.headers["content-type"]
    for path, _ in FEEDS:
        assert f'href="{server}{path}"' in index.text
    feed = feedparser.parse(httpx.get(server + "/guilin-daily/rss.xml").content)
    for entry in feed.entries:
        page = httpx.get(entry.link)
        assert page.status_code == 200, entry.link
        assert entry.title in page.text


def test_unknown_paths_are_404(server: str) -> None:
    assert httpx.get(server + "/nowhere/rss.xml").status_code == 404
    assert httpx.get(server + "/guilin-daily/nosection/atom.xml").status_code == 404
    assert httpx.get(server + "/guilin-daily/2026-04-03/").status_code == 404
