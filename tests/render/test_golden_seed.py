"""Golden files of the seed's feeds: regenerate and compare (UPDATE_GOLDEN=1 rewrites)."""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from feedchecks import check_any
from feedkit import ROOT
from seedfeeds import seed_documents, seed_service

GOLDEN = ROOT / "tests" / "golden"
FMT = {"rss.xml": "rss", "atom.xml": "atom", "feed.json": "json"}


def golden_name(path: str) -> str:
    return path.strip("/").replace("/", "__")


def test_seed_feeds_match_golden_files(tmp_path: Path) -> None:
    docs = seed_documents(seed_service(tmp_path))
    again = seed_documents(seed_service(tmp_path / "again"))
    assert docs == again, "rendering the same input twice must give the same bytes"
    update = os.environ.get("UPDATE_GOLDEN") == "1"
    GOLDEN.mkdir(exist_ok=True)
    names = {golden_name(p) for p in docs}
    if update:
        for old in GOLDEN.iterdir():
            if old.name not in names and old.suffix in (".xml", ".json", ".html"):
                old.unlink()
    mismatched = []
    for path, body in sorted(docs.items()):
        file = GOLDEN / golden_name(path)
        if update:
            file.write_bytes(body)
        elif not file.exists() or file.read_bytes() != body:
            mismatched.append(file.name)
    assert not mismatched, f"differ from tests/golden (UPDATE_GOLDEN=1 to accept): {mismatched}"


@pytest.mark.parametrize("name", sorted(p.name for p in GOLDEN.glob("*")
                                        if p.name.split("__")[-1] in FMT))
def test_golden_feeds_are_valid(name: str) -> None:
    check_any(FMT[name.split("__")[-1]], (GOLDEN / name).read_bytes())
