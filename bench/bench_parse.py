"""Parser benchmark (not a test): median time of warm parses.

    PYTHONPATH=. python bench/bench_parse.py [CORPUS_EDITION_FOLDER]

Seed page: parse_page on seeds/guilin-daily/2026-04-02/01.txt.  Edition: parse_paths
on an 8-page folder (default ../shared/corpus/2020-01-07).
"""

from __future__ import annotations

import os
import platform
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

from publisher.edition import parse_page, parse_paths

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "guilin-daily" / "2026-04-02" / "01.txt"
CORPUS = ROOT.parent / "shared" / "corpus" / "2020-01-07"


def timings_ms(fn: Callable[[], object], runs: int) -> tuple[float, float]:
    """(median, min) of warm runs; min shows the cost on an idle machine."""
    fn()  # warm: jieba dictionary, regex caches
    times = []
    for _ in range(runs):
        t = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t) * 1000)
    return statistics.median(times), min(times)


def main() -> None:
    folder = Path(sys.argv[1]) if len(sys.argv) > 1 else CORPUS
    data = SEED.read_bytes()
    med, low = timings_ms(lambda: parse_page(data, number=1), 50)
    load = os.getloadavg()[0]
    print(f"python {platform.python_version()} on {platform.machine()}, load {load:.1f}")
    print(f"seed page ({len(data)} bytes): median {med:.2f} ms, min {low:.2f} ms")
    if folder.is_dir():
        pages = len(list(folder.glob("[0-9][0-9].txt")))
        med, low = timings_ms(lambda: parse_paths([folder]), 20)
        print(f"edition {folder.name} ({pages} pages): median {med:.2f} ms, min {low:.2f} ms")


if __name__ == "__main__":
    main()
