"""RSS 2.0, Atom 1.0 and JSON Feed 1.1 from Article objects: rich, valid, stable."""

from __future__ import annotations

import email.utils
import json
from pathlib import Path

import pytest
from feedchecks import check_any, check_atom, check_json, check_parsed
from feedkit import D1, D2, HOSTILE_HEADLINE, filled_store, service
from lxml import etree

from publisher.render.service import FeedService

PUB = "guilin-daily"
NS = {"a": "http://www.w3.org/2005/Atom", "content": "http://purl.org/rss/1.0/modules/content/",
      "dc": "http://purl.org/dc/elements/1.1/", "sy": "http://purl.org/rss/1.0/modules/syndication/",
      "fh": "http://purl.org/syndication/history/1.0"}


@pytest.fixture
def svc(tmp_path: Path) -> FeedService:
    return service(filled_store(tmp_path))


@pytest.fixture
def hostile(tmp_path: Path) -> FeedService:
    return service(filled_store(tmp_path, hostile=True))


def test_rss_channel_and_items_are_rich(svc: FeedService) -> None:
    body = svc.feed(PUB, None, "rss").body
    assert b'<?xml-stylesheet type="text/xsl" href="http://feeds.test/feed.xsl"?>' in body
    ch = etree.fromstring(body).find("channel")
    links = {x.get("rel"): x.get("href") for x in ch.findall("a:link", NS)}
    assert links == {"self": "http://feeds.test/guilin-daily/rss.xml",
                     "hub": "http://feeds.test/websub"}
    assert ch.findtext("ttl") == "30" and ch.findtext("sy:updatePeriod", namespaces=NS)
    items = ch.findall("item")
    assert len(items) == 6
    first = items[0]
    guid = first.find("guid")
    assert guid.get("isPermaLink") == "false" and guid.text.startswith("tag:feeds.test,")
    when = email.utils.parsedate_to_datetime(first.findtext("pubDate"))
    assert first.findtext("pubDate").endswith("+0800") and when.utcoffset() is not None
    assert [c.text for c in first.findall("category")] == ["要闻", "生态", "漓江", "生态保护"]
    assert first.findtext("dc:creator", namespaces=NS) == "刘健"
    assert first.findtext("description") == "市委常委会召开会议。"
    html = first.findtext("content:encoded", namespaces=NS)
    assert '<p class="kicker">学习贯彻习近平总书记重要讲话精神</p>' in html
    assert '<p class="subheadline">——赵仲华主持</p>' in html
    assert "<h3>一、抓好漓江生态保护</h3>" in html
    check_parsed(body)


def test_items_newest_first_and_stable_within_an_edition(svc: FeedService) -> None:
    parsed = check_parsed(svc.feed(PUB, None, "atom").body)
    dates = [e.link.split("/")[-2] for e in parsed.entries]
    assert dates == [D2.isoformat()] * 3 + [D1.isoformat()] * 3
    keys = [e.link.rsplit("/", 1)[1] for e in parsed.entries]
    assert keys[:3] == ["01-aaaa000001", "01-bbbb000002", "02-cccc000003"]


def test_atom_is_rfc4287_with_stable_updated(svc: FeedService, tmp_path: Path) -> None:
    body = svc.feed(PUB, "yaowen", "atom").body
    check_atom(body)
    feed = etree.fromstring(body)
    assert feed.findtext("a:id", namespaces=NS) == "tag:feeds.test,2026:guilin-daily/yaowen"
    assert feed.findtext("a:updated", namespaces=NS).startswith("2026-04-02T06:00:00.")
    rels = [x.get("rel") for x in feed.findall("a:link", NS)]
    assert rels == ["alternate", "self", "hub"]
    updated = [e.findtext("a:updated", namespaces=NS) for e in feed.findall("a:entry", NS)]
    assert len(set(updated)) == len(updated), "entries must not share atom:updated"
    for entry in feed.findall("a:entry", NS):
        assert entry.find("a:content", NS).get("type") == "html"
        assert entry.find("a:summary", NS) is not None
    again = service(svc.store).feed(PUB, "yaowen", "atom").body  # type: ignore[arg-type]
    assert again == body


def test_json_feed_is_1_1_with_extension(svc: FeedService) -> None:
    data = check_json(svc.feed(PUB, None, "json").body)
    assert data["hubs"] == [{"type": "WebSub", "url": "http://feeds.test/websub"}]
    assert data["feed_url"] == "http://feeds.test/guilin-daily/feed.json"
    item = data["items"][0]
    for key in ("id", "url", "title", "summary", "content_html", "content_text", "tags",
                "date_published", "date_modified", "authors"):
        assert key in item, key
    assert item["_edition"] == {
        "publication": "桂林日报", "date": "2026-04-02", "page": 1, "page_name": "要闻",
        "kicker": "学习贯彻习近平总书记重要讲话精神", "subheadline": "赵仲华主持",
        "pages": [1, 7], "sections": ["yaowen", "shengtai"]}
    assert item["date_published"] == "2026-04-02T06:00:00+08:00"


def test_summary_falls_back_to_the_lead(svc: FeedService) -> None:
    data = json.loads(svc.feed(PUB, None, "json").body)
    third = data["items"][2]
    assert third["title"] == "阳朔西街游客如织"
    assert third["summary"] == "清明假期，阳朔西街迎来客流高峰。"


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
@pytest.mark.parametrize("section", [None, "yaowen", "shengtai"])
def test_every_feed_passes_every_check(svc: FeedService, fmt: str, section: str | None) -> None:
    check_any(fmt, svc.feed(PUB, section, fmt).body)
    check_any(fmt, svc.archive(PUB, section, D1, fmt).body)  # type: ignore[union-attr]


@pytest.mark.parametrize("fmt", ["rss", "atom", "json"])
def test_hostile_text_gives_valid_safe_feeds(hostile: FeedService, fmt: str) -> None:
    body = hostile.feed(PUB, None, fmt).body
    check_any(fmt, body)
    assert b"<script" not in body and b"\x00" not in body and b"\x1b" not in body
    text = body.decode("utf-8")
    assert "alert" in text  # escaped, not dropped
    if fmt == "json":
        item = next(i for i in json.loads(body)["items"] if "alert(1)" in i["title"])
        assert "<script>" not in item["content_html"] and "&lt;script&gt;" in item["content_html"]
        assert item["title"] == "标题＜script＞alert(1)＜/script＞]]＞与 a ＜ b"
    else:
        etree.fromstring(body)  # well-formed despite ]]> and control characters
    assert HOSTILE_HEADLINE not in text


def test_rendering_twice_is_byte_identical(tmp_path: Path) -> None:
    a = service(filled_store(tmp_path / "a", hostile=True))
    b = service(filled_store(tmp_path / "b", hostile=True))
    for section in (None, "yaowen", "shengtai"):
        for fmt in ("rss", "atom", "json"):
            assert a.feed(PUB, section, fmt).body == b.feed(PUB, section, fmt).body
    assert a.index().body == b.index().body and a.opml().body == b.opml().body


def test_archives_walk_the_whole_history(tmp_path: Path) -> None:
    svc = service(filled_store(tmp_path), limit=2)
    feed = etree.fromstring(svc.feed(PUB, None, "atom").body)
    prev = feed.find("a:link[@rel='prev-archive']", NS).get("href")
    assert prev == f"http://feeds.test/guilin-daily/archive/{D2.isoformat()}/atom.xml"
    seen: list[str] = []
    date = D2
    while True:
        doc = etree.fromstring(svc.archive(PUB, None, date, "atom").body)  # type: ignore[union-attr]
        assert doc.find("fh:archive", NS) is not None
        assert doc.find("a:link[@rel='current']", NS).get("href").endswith("/guilin-daily/atom.xml")
        seen += [e.findtext("a:id", namespaces=NS) for e in doc.findall("a:entry", NS)]
        link = doc.find("a:link[@rel='prev-archive']", NS)
        if link is None:
            break
        date = D1 if "2026-04-01" in link.get("href") else D2
    assert len(seen) == len(set(seen)) == 6
    data = json.loads(svc.feed(PUB, None, "json").body)
    assert data["next_url"] == f"http://feeds.test/guilin-daily/archive/{D2.isoformat()}/feed.json"
    older = json.loads(svc.archive(PUB, None, D2, "json").body)  # type: ignore[union-attr]
    assert older["next_url"].endswith(f"/archive/{D1.isoformat()}/feed.json")
