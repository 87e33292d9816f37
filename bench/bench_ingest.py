"""Ingest latency: a page renamed into the inbox of a warm `publisher run`, until
(a) its section feed's ETag changes over HTTP, (b) article.published is in the outbox
and (c) a webhook receiver on loopback has received that article.published.

    PYTHONPATH=. python bench/bench_ingest.py [--pages 50]

Runs `publisher run` as a subprocess on a free port with its own temporary SQLite
database and inbox; the 50 pages are the seed's front page with its figures and
dates changed, generated here, one edition each (dates in the past: no embargo).
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import httpx

from benchkit import ROOT, free_port, rss_mb, seed_page

FEED = "/guilin-daily/yaowen/rss.xml"


def pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


class Receiver:
    """A partner's webhook endpoint on loopback: when did each edition's article arrive."""

    def __init__(self) -> None:
        self.first: dict[str, float] = {}
        receiver = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"  # keep-alive, as a partner's server would

            def do_POST(self) -> None:
                body = self.rfile.read(int(self.headers["content-length"]))
                at = time.perf_counter()
                self.send_response(204)
                self.send_header("content-length", "0")
                self.end_headers()
                event = json.loads(body)
                if event["type"] == "article.published":
                    receiver.first.setdefault(event["data"]["article"]["edition_date"], at)

            def log_message(self, *args: object) -> None:
                pass

        class Server(ThreadingHTTPServer):
            # The default backlog of 5 drops SYNs when 8 deliveries connect at
            # once, and the kernel retries a dropped SYN after a whole second.
            request_queue_size = 128
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/hook"
        threading.Thread(target=self.server.serve_forever, daemon=True).start()


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--pages", type=int, default=50)
    ap.add_argument("--poll", type=float, default=0.01, help="seconds between polls")
    args = ap.parse_args()
    tmp = Path(tempfile.mkdtemp(prefix="bench-ingest-"))
    port, inbox, db = free_port(), tmp / "inbox", tmp / "bench.db"
    receiver = Receiver()
    (tmp / "subscribers.toml").write_text(
        f'[[subscriber]]\nid = "bench"\nurl = "{receiver.url}"\n'
        'event_types = ["article.published"]\n', "utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT),
               PUBLISHER_SUBSCRIBERS_FILE=str(tmp / "subscribers.toml"),
               PUBLISHER_ALLOW_NETWORKS='["127.0.0.1/32"]',
               PUBLISHER_CONFIG=str(ROOT / "config" / "publisher.toml"),
               PUBLISHER_DATABASE_URL=f"sqlite:///{db}", PUBLISHER_INBOX=str(inbox),
               PUBLISHER_SEEDS=str(tmp / "no-seeds"), PUBLISHER_QUARANTINE=str(tmp / "q"),
               PUBLISHER_ARCHIVE=str(tmp / "archive"),
               PUBLISHER_PUBLICATIONS_DIR=str(ROOT / "config" / "publications"),
               PUBLISHER_PORT=str(port), PUBLISHER_BASE_URL=f"http://127.0.0.1:{port}")
    base = f"http://127.0.0.1:{port}"
    with (tmp / "server.log").open("wb") as log:
        proc = subprocess.Popen([sys.executable, "-m", "publisher", "run"], cwd=tmp, env=env,
                                stdout=log, stderr=log)
    try:
        client = httpx.Client(base_url=base, timeout=5)
        deadline = time.monotonic() + 120
        while True:
            assert proc.poll() is None, f"server exited, see {tmp / 'server.log'}"
            assert time.monotonic() < deadline, "server did not come up"
            try:
                if client.get("/readyz").status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        outbox = sqlite3.connect(f"file:{db}?mode=ro", uri=True, isolation_level=None)
        etag = client.get(FEED).headers["etag"]
        seq = outbox.execute("SELECT coalesce(max(seq), 0) FROM events").fetchone()[0]
        first = dt.date.today() - dt.timedelta(days=args.pages + 10)
        feed_ms: list[float] = []
        outbox_ms: list[float] = []
        webhook_ms: list[float] = []
        for n in range(args.pages):
            date = first + dt.timedelta(days=n)
            folder = inbox / "guilin-daily" / date.isoformat()
            folder.mkdir(parents=True, exist_ok=True)  # the night's folder, made beforehand
            part = folder / ".01.txt.part"
            part.write_bytes(seed_page(n, date))
            time.sleep(0.05)  # untimed: the watch takes up the new folder
            t0 = time.perf_counter()
            part.replace(folder / "01.txt")
            feed_at = outbox_at = None
            while feed_at is None or outbox_at is None or date.isoformat() not in receiver.first:
                if time.perf_counter() - t0 > 30:
                    raise SystemExit(f"page {n} not published within 30 s")
                if outbox_at is None and outbox.execute(
                        "SELECT count(*) FROM events WHERE seq > ? AND type = 'article.published'",
                        (seq,)).fetchall()[0][0]:
                    outbox_at = time.perf_counter()
                if feed_at is None:
                    r = client.get(FEED, headers={"If-None-Match": etag})
                    if r.status_code == 200 and r.headers["etag"] != etag:
                        feed_at, etag = time.perf_counter(), r.headers["etag"]
                time.sleep(args.poll)
            seq = outbox.execute("SELECT max(seq) FROM events").fetchone()[0]
            feed_ms.append((feed_at - t0) * 1000)
            outbox_ms.append((outbox_at - t0) * 1000)
            webhook_ms.append((receiver.first[date.isoformat()] - t0) * 1000)
        result = {
            "pages": args.pages,
            "feed_etag_ms": {"median": round(statistics.median(feed_ms), 1),
                             "p99": round(pct(feed_ms, 0.99), 1),
                             "max": round(max(feed_ms), 1)},
            "outbox_ms": {"median": round(statistics.median(outbox_ms), 1),
                          "p99": round(pct(outbox_ms, 0.99), 1),
                          "max": round(max(outbox_ms), 1)},
            "webhook_ms": {"median": round(statistics.median(webhook_ms), 1),
                           "p99": round(pct(webhook_ms, 0.99), 1),
                           "max": round(max(webhook_ms), 1)},
            "rss_mb": round(rss_mb(proc.pid), 1),
            "python": sys.version.split()[0],
            "cpus": os.cpu_count(),
        }
        print(json.dumps(result, indent=1))
    finally:
        proc.terminate()
        proc.wait(timeout=30)
        receiver.server.shutdown()


if __name__ == "__main__":
    main()
