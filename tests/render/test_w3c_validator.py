"""Every feed through the W3C feed validator (github:w3c/feedvalidator): no error, no warning.

The validator is unpacked from the local mirror (/work/.mirror/w3c+feedvalidator) into
$FEEDVALIDATOR_DIR (default /tmp/feedvalidator); it needs html5lib, from this env or the
Python named by $FEEDVALIDATOR_PYTHON.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from feedchecks import w3c_events
from feedkit import D1, filled_store, service
from seedfeeds import seed_documents, seed_service

BASE = "http://127.0.0.1:8000"


def test_seed_feeds_pass_the_w3c_validator(tmp_path: Path) -> None:
    docs = seed_documents(seed_service(tmp_path))
    failures = {}
    for path, body in docs.items():
        if not path.endswith(("rss.xml", "atom.xml")):
            continue
        file = tmp_path / "feed.xml"
        file.write_bytes(body)
        events = w3c_events(file, BASE + path)
        if events:
            failures[path] = events
    assert not failures, failures


@pytest.mark.parametrize("fmt", ["rss", "atom"])
def test_hostile_and_archived_feeds_pass_the_w3c_validator(tmp_path: Path, fmt: str) -> None:
    svc = service(filled_store(tmp_path, hostile=True), limit=4)
    for section in (None, "yaowen", "shengtai"):
        docs = [(svc.feed("guilin-daily", section, fmt).body,
                 svc.links.feed("guilin-daily", section, fmt))]
        archive = svc.archive("guilin-daily", section, D1, fmt)
        assert archive is not None
        docs.append((archive.body, svc.links.archive("guilin-daily", section, D1, fmt)))
        for body, url in docs:
            file = tmp_path / "feed.xml"
            file.write_bytes(body)
            assert w3c_events(file, url) == [], url
