"""A group of papers: two publications, their own zones, sections and feeds, one store.

The second paper is 人民日报 with a development-corpus edition (8 pages, stories
continued across pages, GB18030 and UTF-8 files) copied into an inbox layout.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
from pathlib import Path

import pytest
from conftest import ROOT, SEED_DIR, SHARED

from publisher.clock import FixedClock
from publisher.config import load_publications
from publisher.edition import parse_paths
from publisher.ingest.service import Ingestor
from publisher.links import Links
from publisher.render.service import FeedService
from publisher.store import SqlStore

CORPUS = SHARED / "corpus" / "2020-01-07"
RENMIN = """
name = "人民日报"
language = "zh-CN"
timezone = "Asia/Shanghai"
publish_time = "05:00"

[[sections]]
slug = "yaowen"
name = "要闻"
pages = [1, 2, 3, 4]

[[sections]]
slug = "guoji"
name = "国际"
keywords = ["国际", "外交", "总统", "总理"]
"""


@pytest.fixture
def group(tmp_path: Path) -> Path:
    config = tmp_path / "publications"
    config.mkdir()
    shutil.copy(ROOT / "config" / "publications" / "guilin-daily.toml", config)
    (config / "renmin-ribao.toml").write_text(RENMIN, "utf-8")
    inbox = tmp_path / "inbox"
    shutil.copytree(SEED_DIR, inbox / "guilin-daily" / "2026-04-02")
    shutil.copytree(CORPUS, inbox / "renmin-ribao" / "2020-01-07",
                    ignore=shutil.ignore_patterns("gold.json"))
    return tmp_path


def test_two_papers_share_a_store_but_not_feeds(group: Path, store: SqlStore) -> None:
    pubs = load_publications(group / "publications")
    links = Links("http://feeds.test")
    clock = FixedClock(dt.datetime(2026, 11, 1, tzinfo=dt.UTC))
    results = Ingestor(store, pubs, links, clock=clock).ingest_paths([group / "inbox"])
    assert [r.status for r in results] == ["ingested"] * 9

    gold = json.loads((CORPUS / "gold.json").read_text("utf-8"))
    renmin = store.edition_articles("renmin-ribao", dt.date(2020, 1, 7))
    assert len(renmin) == len(gold["articles"])
    # what `publisher parse` shows an operator is what ingest published
    parsed = parse_paths([group / "inbox" / "renmin-ribao" / "2020-01-07"], pubs)
    assert [(s.article.headline, s.article.pages) for s in renmin] == [
        (a.headline, a.pages) for a in parsed.articles]
    stitched = [s.article for s in renmin if len(s.article.pages) > 1]
    assert stitched and all(a.continued_on is None for a in stitched)
    assert len(store.edition_articles("guilin-daily", dt.date(2026, 4, 2))) == 8

    feeds = FeedService(store, pubs, links)
    guilin = json.loads(feeds.feed("guilin-daily", None, "json").body)
    people = json.loads(feeds.feed("renmin-ribao", None, "json").body)
    assert len(guilin["items"]) == 8 and len(people["items"]) == min(50, len(gold["articles"]))
    assert all(i["id"].startswith("tag:publisher.local,2020-01-07:renmin-ribao/")
               for i in people["items"])
    assert not {i["id"] for i in guilin["items"]} & {i["id"] for i in people["items"]}
    front = json.loads(feeds.feed("renmin-ribao", "yaowen", "json").body)["items"]
    assert front and all(set(i["_edition"]["pages"]) & {1, 2, 3, 4} for i in front)
    # each paper's own release time, in its own zone: 05:00 in Beijing for 人民日报
    assert people["items"][0]["date_published"] == "2020-01-07T05:00:00+08:00"

    index = feeds.index().body.decode("utf-8")
    assert "人民日报" in index and "桂林日报" in index
    opml = feeds.opml().body.decode("utf-8")
    assert "http://feeds.test/renmin-ribao/guoji/rss.xml" in opml
