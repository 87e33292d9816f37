"""The `publisher` command as an operator meets it: output, files, one-line errors."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from conftest import ROOT, SEED_DIR


def run_cli(*args: str, cwd: Path, **env: str) -> subprocess.CompletedProcess[str]:
    full = dict(os.environ)
    full.update({
        "PUBLISHER_CONFIG": str(ROOT / "config" / "publisher.toml"),
        "PUBLISHER_DATABASE_URL": f"sqlite:///{cwd / 'cli.db'}",
        "PUBLISHER_PUBLICATIONS_DIR": str(ROOT / "config" / "publications"),
        "PUBLISHER_SEEDS": str(ROOT / "seeds"),
        "PUBLISHER_INBOX": str(cwd / "inbox"),
        "PUBLISHER_FEEDS_DIR": str(cwd / "feeds"),
        **env,
    })
    return subprocess.run([sys.executable, "-m", "publisher", *args], cwd=cwd, env=full,
                          capture_output=True, text=True, timeout=120, check=False)


def test_parse_json_follows_the_contract(tmp_path: Path) -> None:
    r = run_cli("parse", str(SEED_DIR), "--json", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    doc = json.loads(r.stdout)
    assert doc["publication"] == "桂林日报" and doc["edition_date"] == "2026-04-02"
    assert len(doc["articles"]) == 8
    first = doc["articles"][0]
    for key in ("id", "headline", "kicker", "subheadline", "authors", "source", "dateline",
                "paragraphs", "page", "pages", "continued_on", "continued_from",
                "incomplete_start"):
        assert key in first


def test_parse_table_shows_articles_and_roles(tmp_path: Path) -> None:
    r = run_cli("parse", str(SEED_DIR / "01.txt"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert "市委常委会召开会议" in r.stdout


def test_missing_path_is_one_line_not_a_traceback(tmp_path: Path) -> None:
    r = run_cli("parse", str(tmp_path / "nope.txt"), cwd=tmp_path)
    assert r.returncode == 2
    assert "nope.txt" in r.stderr and "Traceback" not in r.stderr


def test_bad_setting_stops_with_the_setting_named(tmp_path: Path) -> None:
    r = run_cli("render", cwd=tmp_path, PUBLISHER_PORT="eighty")
    assert r.returncode == 2
    assert "port" in r.stderr and "eighty" in r.stderr and "Traceback" not in r.stderr


def test_missing_config_file_is_one_line(tmp_path: Path) -> None:
    r = run_cli("status", cwd=tmp_path, PUBLISHER_CONFIG=str(tmp_path / "gone.toml"))
    assert r.returncode == 2
    assert "gone.toml" in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1


def test_binary_page_is_refused_with_the_file_named(tmp_path: Path) -> None:
    page = tmp_path / "inbox" / "guilin-daily" / "2026-04-03" / "01.txt"
    page.parent.mkdir(parents=True)
    page.write_bytes(bytes(range(256)) * 8)
    r = run_cli("parse", str(page), "--json", cwd=tmp_path)
    assert r.returncode == 2 and r.stdout == ""
    assert str(page) in r.stderr and "not text" in r.stderr and "Traceback" not in r.stderr


def test_ingest_then_render_writes_the_static_tree(tmp_path: Path) -> None:
    r = run_cli("ingest", str(SEED_DIR / "01.txt"), cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    r = run_cli("render", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    feeds = tmp_path / "feeds"
    for rel in ("index.html", "opml.xml", "guilin-daily/rss.xml", "guilin-daily/atom.xml",
                "guilin-daily/feed.json", "guilin-daily/yaowen/feed.json",
                "guilin-daily/2026-04-02/index.html"):
        assert (feeds / rel).is_file(), rel
    items = json.loads((feeds / "guilin-daily/feed.json").read_text("utf-8"))["items"]
    assert len(items) == 8
    article_pages = list((feeds / "guilin-daily" / "2026-04-02").glob("*.html"))
    assert len(article_pages) == 9  # 8 articles and the edition's index.html


def test_status_shows_editions_outbox_and_quarantine(tmp_path: Path) -> None:
    run_cli("ingest", str(SEED_DIR / "01.txt"), cwd=tmp_path)
    r = run_cli("status", cwd=tmp_path, PUBLISHER_QUARANTINE=str(tmp_path / "q"))
    assert r.returncode == 0, r.stderr
    assert "guilin-daily" in r.stdout and "2026-04-02" in r.stdout
    assert "Outbox" in r.stdout and "Under embargo" in r.stdout and "Quarantined" in r.stdout


def test_unreachable_database_is_one_line_without_password(tmp_path: Path) -> None:
    r = run_cli("status", cwd=tmp_path,
                PUBLISHER_DATABASE_URL="postgresql://someone:hunter2@127.0.0.1:1/none")
    assert r.returncode == 2
    assert "hunter2" not in r.stderr and "Traceback" not in r.stderr
    assert len(r.stderr.strip().splitlines()) == 1 and "127.0.0.1:1" in r.stderr
