"""Serving rules: strong ETags per representation, 304s, gzip/br, HEAD, CORS, filters."""

from __future__ import annotations

import datetime as dt
import gzip
import subprocess
import sys
from pathlib import Path

import brotli
import pytest
from feedchecks import check_json, check_parsed
from feedkit import BASE, D1, ROOT, Client, articles, commit, filled_store, publications, service
from lxml import etree

from publisher.web.app import create_app

FEED = "/guilin-daily/rss.xml"


@pytest.fixture
def client(tmp_path: Path) -> Client:
    return Client(create_app(service(filled_store(tmp_path))))


def test_strong_etag_last_modified_and_304(client: Client) -> None:
    r = client.get(FEED, headers={"Accept-Encoding": "identity"})
    assert r.status_code == 200
    etag = r.headers["etag"]
    assert etag.startswith('"') and r.headers["cache-control"] == "public, max-age=300"
    assert r.headers["last-modified"] == "Wed, 01 Apr 2026 22:00:00 GMT"
    assert '<http://feeds.test/websub>; rel="hub"' in r.headers["link"]
    assert '<http://feeds.test/guilin-daily/rss.xml>; rel="self"' in r.headers["link"]
    again = client.get(FEED, headers={"Accept-Encoding": "identity", "If-None-Match": etag})
    assert again.status_code == 304 and again.content == b"" and again.headers["etag"] == etag
    since = client.get(FEED, headers={"Accept-Encoding": "identity",
                                      "If-Modified-Since": r.headers["last-modified"]})
    assert since.status_code == 304
    older = client.get(FEED, headers={"Accept-Encoding": "identity",
                                      "If-Modified-Since": "Wed, 01 Apr 2026 21:59:59 GMT"})
    assert older.status_code == 200


@pytest.mark.parametrize(("coding", "decode"), [("gzip", gzip.decompress),
                                                ("br", brotli.decompress)])
def test_compressed_representations_have_their_own_etag(client: Client, coding: str,
                                                        decode: object) -> None:
    plain = client.get(FEED, headers={"Accept-Encoding": "identity"})
    r = client.get(FEED, headers={"Accept-Encoding": coding})
    assert r.headers["content-encoding"] == coding
    assert r.headers["vary"] == "Accept, Accept-Encoding" == plain.headers["vary"]
    assert r.headers["etag"] != plain.headers["etag"]
    assert r.content == plain.content  # the client decoded it
    raw = client.get(FEED, headers={"Accept-Encoding": coding}).headers["content-length"]
    assert int(raw) < len(plain.content)
    same = client.get(FEED, headers={"Accept-Encoding": coding, "If-None-Match": r.headers["etag"]})
    assert same.status_code == 304 and same.headers["etag"] == r.headers["etag"]
    other = client.get(FEED, headers={"Accept-Encoding": coding,
                                      "If-None-Match": plain.headers["etag"]})
    assert other.status_code == 200


def test_negotiation_prefers_br_and_honours_q(client: Client) -> None:
    enc = lambda v: client.get(FEED, headers={"Accept-Encoding": v}).headers.get(  # noqa: E731
        "content-encoding", "identity")
    assert enc("gzip, deflate, br") == "br"
    assert enc("br;q=0.5, gzip") == "gzip"
    assert enc("br;q=0, gzip;q=0") == "identity"
    assert enc("*") == "br"
    assert enc("identity") == "identity"


def test_head_sends_headers_only(client: Client) -> None:
    g = client.get(FEED, headers={"Accept-Encoding": "gzip"})
    h = client.head(FEED, headers={"Accept-Encoding": "gzip"})
    assert h.status_code == 200 and h.content == b""
    assert h.headers["etag"] == g.headers["etag"]
    assert h.headers["content-length"] == g.headers["content-length"]


def test_cors_on_json_feed_and_preflight(client: Client) -> None:
    r = client.get("/guilin-daily/feed.json")
    assert r.headers["access-control-allow-origin"] == "*"
    assert "ETag" in r.headers["access-control-expose-headers"]
    assert r.headers["content-type"] == "application/feed+json; charset=utf-8"
    pre = client.options("/guilin-daily/feed.json", headers={
        "Origin": "https://reader.example", "Access-Control-Request-Method": "GET",
        "Access-Control-Request-Headers": "if-none-match"})
    assert pre.status_code == 204 and "If-None-Match" in pre.headers["access-control-allow-headers"]


def test_cache_follows_the_store(tmp_path: Path) -> None:
    store = filled_store(tmp_path)
    c = Client(create_app(service(store)))
    if True:
        first = c.get("/guilin-daily/yaowen/atom.xml")
        assert c.get("/guilin-daily/yaowen/atom.xml").headers["etag"] == first.headers["etag"]
        pub = publications()["guilin-daily"]
        arts = articles(D1)
        arts[1] = arts[1].model_copy(update={"headline": "科技创新实现新突破（更正）"})
        commit(store, pub, D1, arts, now=dt.datetime(2026, 4, 2, 9, 0, tzinfo=dt.UTC),
               updated=["01-bbbb000002"])
        second = c.get("/guilin-daily/yaowen/atom.xml")
        assert second.headers["etag"] != first.headers["etag"]
        assert "更正" in second.text
        assert second.headers["last-modified"] == "Thu, 02 Apr 2026 09:00:00 GMT"


def test_filters(client: Client) -> None:
    two = check_parsed(client.get(FEED + "?limit=2").content)
    assert len(two.entries) == 2
    lijiang = check_json(client.get("/guilin-daily/feed.json?keyword=漓江").content)
    assert {i["title"][:8] for i in lijiang["items"]} == {"市委常委会召开会"}
    assert lijiang["feed_url"].endswith("/guilin-daily/feed.json?keyword=%E6%BC%93%E6%B1%9F")
    rest = check_json(client.get("/guilin-daily/feed.json?exclude=漓江,阳朔").content)
    assert [i["title"] for i in rest["items"]] == ["科技创新实现新突破"] * 2
    both = check_json(client.get("/guilin-daily/feed.json?keyword=科技&limit=1").content)
    assert len(both["items"]) == 1
    assert client.get(FEED + "?utm_source=x").status_code == 200  # unknown names ignored


@pytest.mark.parametrize(("query", "reason"), [
    ("limit=0", "limit must be an integer from 1 to 500"),
    ("limit=abc", "limit must be an integer"),
    ("limit=501", "limit must be an integer"),
    ("limit=1&limit=2", "limit given more than once"),
    ("keyword=", "keyword must not be empty"),
    ("exclude=" + "长" * 51, "exclude must be at most 50 characters"),
])
def test_bad_filter_is_400_with_reason(client: Client, query: str, reason: str) -> None:
    r = client.get(FEED + "?" + query)
    assert r.status_code == 400 and reason in r.text


def test_archives_chain_and_unknown_dates(client: Client) -> None:
    r = client.get("/guilin-daily/yaowen/archive/2026-04-01/atom.xml")
    assert r.status_code == 200 and r.headers["cache-control"] == "public, max-age=3600"
    assert client.get("/guilin-daily/archive/2026-03-31/atom.xml").status_code == 404
    assert client.get("/guilin-daily/archive/2026-13-45/rss.xml").status_code == 404


def test_stylesheet_and_opml(client: Client) -> None:
    xsl = client.get("/feed.xsl")
    assert xsl.status_code == 200 and xsl.headers["content-type"].startswith("text/xsl")
    etree.XSLT(etree.fromstring(xsl.content))  # a valid stylesheet
    html = etree.XSLT(etree.fromstring(xsl.content))(etree.fromstring(client.get(FEED).content))
    assert "市委常委会召开会议" in str(html)
    opml = etree.fromstring(client.get("/opml.xml").content)
    urls = [o.get("xmlUrl") for o in opml.iter("outline") if o.get("xmlUrl")]
    assert len(urls) == 9 and f"{BASE}/guilin-daily/yaowen/feed.json" in urls


def test_web_start_up_does_not_load_jieba() -> None:
    code = ("import sys; from publisher.web.app import create_app; "
            "from publisher.render.service import FeedService; "
            "assert 'jieba' not in sys.modules, 'jieba loaded'")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT,
                   env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})


def test_browsers_get_xml_for_the_stylesheet_readers_get_the_feed_type(client: Client) -> None:
    nav = client.get(FEED, headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
    reader = client.get(FEED, headers={"Accept": "application/rss+xml, */*"})
    assert nav.headers["content-type"] == "application/xml; charset=utf-8"
    assert reader.headers["content-type"] == "application/rss+xml; charset=utf-8"
    assert nav.content == reader.content and nav.headers["etag"] == reader.headers["etag"]
    assert "Accept" in reader.headers["vary"]


def test_a_ready_feed_is_sent_as_the_app_first_sent_it(tmp_path: Path) -> None:
    app = create_app(service(filled_store(tmp_path)))
    c = Client(app)
    kinds = [("GET", {"Accept-Encoding": "gzip"}), ("GET", {"Accept-Encoding": "br"}),
             ("HEAD", {"Accept-Encoding": "gzip"}), ("GET", {"Accept": "text/html"})]
    for method, headers in kinds:
        first = c.request(method, "/guilin-daily/yaowen/rss.xml", headers)
        again = c.request(method, "/guilin-daily/yaowen/rss.xml", headers)
        assert again.status_code == first.status_code == 200
        assert again.headers.multi_items() == first.headers.multi_items()
        assert again.content == first.content
        cond = {**headers, "If-None-Match": first.headers["etag"]}
        assert c.request(method, "/guilin-daily/yaowen/rss.xml", cond).status_code == 304
        not_modified = c.request(method, "/guilin-daily/yaowen/rss.xml", cond)
        assert not_modified.status_code == 304 and not_modified.content == b""
    scope = {"type": "http", "method": "GET", "path": "/guilin-daily/yaowen/rss.xml",
             "query_string": b"", "headers": [(b"accept-encoding", b"gzip")]}
    assert app.state.ready_feeds.find(scope) is not None  # sent without the app
    assert app.state.ready_feeds.find({**scope, "query_string": b"q=x"}) is None


def test_another_process_write_shows_once_the_last_change_is_read_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from publisher.render import service as service_module
    from publisher.store import open_store

    store = filled_store(tmp_path)
    c = Client(create_app(service(store)))
    first = c.get("/guilin-daily/yaowen/atom.xml").headers["etag"]
    other = open_store(store.url)  # another process's store: no local write seen here
    arts = articles(D1)
    arts[1] = arts[1].model_copy(update={"headline": "科技创新实现新突破（更正）"})
    commit(other, publications()["guilin-daily"], D1, arts,
           now=dt.datetime(2026, 4, 2, 9, 0, tzinfo=dt.UTC), updated=["01-bbbb000002"])
    monkeypatch.setattr(service_module, "CHANGE_TTL", 0.0)
    second = c.get("/guilin-daily/yaowen/atom.xml")
    assert second.headers["etag"] != first and "更正" in second.text
