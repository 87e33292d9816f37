"""Serving: the 50-item section feed from `publisher serve` next to nginx serving the
same bytes as static files, under wrk, side by side in one run.

    PYTHONPATH=. python bench/bench_serve.py [--rounds 3] [--seconds 8] [--connections 32]
        [--compare before=/tmp/serve-before] [--processes 2]

Builds a temporary SQLite store through the real ingest path (the seed's front page
re-dated over --editions editions, as bench_ingest.py does), times the render of the
yaowen section feed in RSS, Atom and JSON Feed, then starts `publisher serve` (one
process) on a free port and nginx (Debian's nginx-light, worker_processes 1, a
generated nginx.conf with gzip_static and etag on) over files holding the bytes our
server sent. wrk (one thread) loads both, interleaved round by round, with
(a) `Accept-Encoding: gzip`, a full gzip body, and (b) the same plus If-None-Match
with the current ETag, a 304. Needs `apt-get install nginx-light wrk`.

--compare NAME=DIR adds `publisher serve` from another source tree (e.g. an older
commit, `git archive e82ee15 | tar -x -C /tmp/serve-before`) on the same store, in
the same rounds: before and after side by side.

--processes 2 runs two `publisher serve` processes on one port (ours only) against
nginx with worker_processes 2: the fair comparison with more than one process.

The web process runs with PYTHONPROFILEIMPORTTIME, so every module it imports, at
start or later on a request, is written to its stderr: that log is how the run
checks that it never imported jieba.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gzip
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

from benchkit import ROOT, free_port, machine, rss_mb, seed_page

PUB, SECTION = "guilin-daily", "yaowen"
FILES = {"rss": "rss.xml", "atom": "atom.xml", "json": "feed.json"}
TYPES = {"rss": "application/rss+xml", "atom": "application/atom+xml",
         "json": "application/feed+json"}
RSS_LIMIT_MB = 120

NGINX_CONF = """\
daemon off;
master_process on;
worker_processes {workers};
pid {tmp}/nginx.pid;
error_log {tmp}/nginx-error.log warn;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    client_body_temp_path {tmp}/nginx-body;
    proxy_temp_path {tmp}/nginx-proxy;
    fastcgi_temp_path {tmp}/nginx-fastcgi;
    uwsgi_temp_path {tmp}/nginx-uwsgi;
    scgi_temp_path {tmp}/nginx-scgi;
    types {{ {types} }}
    default_type application/octet-stream;
    sendfile on;
    tcp_nopush on;
    keepalive_requests 1000000;
    server {{
        listen 127.0.0.1:{port};
        root {www};
        gzip_static on;
        etag on;
    }}
}}
"""


def build_store(tmp: Path, editions: int) -> None:
    """Pages through the real ingest path, in this process (the web process never parses)."""
    from publisher.runtime import Runtime
    from publisher.settings import load_settings

    inbox = tmp / "inbox"
    first = dt.date.today() - dt.timedelta(days=editions + 10)
    for n in range(editions):
        date = first + dt.timedelta(days=n)
        folder = inbox / PUB / date.isoformat()
        folder.mkdir(parents=True)
        (folder / "01.txt").write_bytes(seed_page(n, date))
    rt = Runtime(load_settings())
    results = rt.ingestor.ingest_paths([inbox]) + rt.ingestor.release_due()
    bad = [r for r in results if r.status == "quarantined"]
    assert not bad, bad


def render_ms(repeat: int) -> dict[str, tuple[float, float, int]]:
    """Median and min ms of serializing the section's FeedDoc, and the body size."""
    from publisher.render import FORMATS, build_feed
    from publisher.runtime import Runtime
    from publisher.settings import load_settings

    rt = Runtime(load_settings())
    pub = rt.publications[PUB]
    stored = rt.store.recent_articles(PUB, limit=1000)
    doc = build_feed(pub, pub.section(SECTION), stored, rt.links, rt.settings.feed_limit)
    assert len(doc.items) >= 50, f"only {len(doc.items)} items in the section feed"
    out = {}
    for fmt, f in FORMATS.items():
        times = []
        for _ in range(repeat):
            t0 = time.perf_counter()
            body = f.render(doc)
            times.append((time.perf_counter() - t0) * 1000)
        out[fmt] = (statistics.median(times), min(times), len(body))
    return out


Started = tuple[list[subprocess.Popen[bytes]], str, list[Path]]


def start_serve(name: str, tree: Path, env: dict[str, str], tmp: Path, count: int) -> Started:
    """*count* `publisher serve` processes on one port (granian binds it with SO_REUSEPORT:
    the kernel spreads connections over them, as several web processes behind a balancer)."""
    port = free_port()
    procs, logs = [], []
    for i in range(count):
        log_path = tmp / f"serve-{name}-{i}.log"
        with log_path.open("wb") as log:
            procs.append(subprocess.Popen(
                [sys.executable, "-m", "publisher", "serve"], cwd=tmp, stdout=log, stderr=log,
                env=dict(env, PYTHONPATH=str(tree), PYTHONPROFILEIMPORTTIME="1",
                         PUBLISHER_PORT=str(port))))
        logs.append(log_path)
    return procs, f"http://127.0.0.1:{port}", logs


def wait_listening(procs: list[subprocess.Popen[bytes]], logs: list[Path]) -> None:
    """With several processes on one port, /healthz answering proves only one is up."""
    deadline = time.monotonic() + 60
    for proc, log in zip(procs, logs, strict=True):
        while "Listening at" not in log.read_text("utf-8", errors="replace"):
            assert proc.poll() is None, f"server exited, see {log}"
            assert time.monotonic() < deadline, f"server did not come up, see {log}"
            time.sleep(0.1)


def wait_up(url: str, proc: subprocess.Popen[bytes] | None, log: Path) -> None:
    deadline = time.monotonic() + 60
    while True:
        if proc is not None:
            assert proc.poll() is None, f"server exited, see {log}"
        assert time.monotonic() < deadline, f"server did not come up, see {log}"
        try:
            if httpx.get(url, timeout=2).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.1)


def wrk(url: str, headers: dict[str, str], seconds: float, connections: int) -> float:
    cmd = ["wrk", "-t1", f"-c{connections}", f"-d{seconds}s"]
    for k, v in headers.items():
        cmd += ["-H", f"{k}: {v}"]
    out = subprocess.run([*cmd, url], capture_output=True, text=True, check=True).stdout
    assert "Non-2xx" not in out and "Socket errors" not in out, out
    m = re.search(r"Requests/sec:\s+([\d.]+)", out)
    assert m, out
    return float(m.group(1))


def check(url: str, etag: str, gz: bytes) -> None:
    """Both servers: 200 with exactly the gzip bytes, and 304 for If-None-Match."""
    # httpx would decode the gzip body; the raw stream shows what went on the wire
    with httpx.stream("GET", url, headers={"Accept-Encoding": "gzip"}) as r:
        raw = b"".join(r.iter_raw())
    assert r.status_code == 200 and r.headers.get("content-encoding") == "gzip", r.headers
    assert raw == gz, f"{url}: a different gzip body"
    assert r.headers["etag"] == etag, (r.headers["etag"], etag)
    r304 = httpx.get(url, headers={"Accept-Encoding": "gzip", "If-None-Match": etag})
    assert r304.status_code == 304 and not r304.content, r304


def version(cmd: list[str]) -> str:
    p = subprocess.run(cmd, capture_output=True, text=True, check=False)
    return (p.stdout + p.stderr).strip().splitlines()[0]


def span(values: list[float], fmt: str = "{:,.0f}") -> str:
    lo, hi = min(values), max(values)
    return fmt.format(lo) if fmt.format(lo) == fmt.format(hi) else \
        f"{fmt.format(lo)}–{fmt.format(hi)}"


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--editions", type=int, default=10, help="8 front-page articles each")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--seconds", type=int, default=8, help="per wrk run")
    ap.add_argument("--connections", type=int, default=32)
    ap.add_argument("--format", choices=sorted(FILES), default="rss", help="the feed loaded")
    ap.add_argument("--repeat", type=int, default=30, help="renders per format")
    ap.add_argument("--processes", type=int, default=1,
                    help="publisher serve processes on the port, and nginx worker_processes")
    ap.add_argument("--compare", action="append", default=[], metavar="NAME=DIR",
                    help="also `publisher serve` from the source tree DIR")
    args = ap.parse_args()
    if args.processes > 1 and args.compare:
        raise SystemExit("--processes > 1 is for this tree only (uvicorn does not share a port)")
    for tool in ("nginx", "wrk"):
        if shutil.which(tool) is None:
            raise SystemExit(f"{tool} not found: apt-get install nginx-light wrk")
    tmp = Path(tempfile.mkdtemp(prefix="bench-serve-"))
    tmp.chmod(0o755)  # nginx's worker runs as nobody
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(ROOT),
               PUBLISHER_CONFIG=str(ROOT / "config" / "publisher.toml"),
               PUBLISHER_DATABASE_URL=f"sqlite:///{tmp / 'bench.db'}",
               PUBLISHER_INBOX=str(tmp / "inbox"), PUBLISHER_SEEDS=str(tmp / "no-seeds"),
               PUBLISHER_QUARANTINE=str(tmp / "q"), PUBLISHER_ARCHIVE=str(tmp / "archive"),
               PUBLISHER_PUBLICATIONS_DIR=str(ROOT / "config" / "publications"),
               PUBLISHER_SUBSCRIBERS_FILE=str(tmp / "no-subscribers.toml"),
               PUBLISHER_PORT=str(port), PUBLISHER_BASE_URL=f"http://127.0.0.1:{port}")
    os.environ.update(env)
    build_store(tmp, args.editions)
    renders = render_ms(args.repeat)

    trees = {"ours": ROOT} | {n: Path(d) for n, d in (c.split("=", 1) for c in args.compare)}
    procs = {name: start_serve(name, tree, env, tmp, args.processes if name == "ours" else 1)
             for name, tree in trees.items()}
    nginx: subprocess.Popen[bytes] | None = None
    path = f"/{PUB}/{SECTION}/{FILES[args.format]}"
    try:
        for group, base, logs in procs.values():
            wait_up(base + "/healthz", group[0], logs[0])
        if args.processes > 1:
            wait_listening(procs["ours"][0], procs["ours"][2])
        ours = procs["ours"][1]
        with httpx.stream("GET", ours + path, headers={"Accept-Encoding": "gzip"}) as r:
            gz = b"".join(r.iter_raw())
            our_etag = r.headers["etag"]
        assert r.status_code == 200, r.status_code
        www = tmp / "www" / PUB / SECTION
        www.mkdir(parents=True)
        (www / FILES[args.format]).write_bytes(gzip.decompress(gz))
        (www / (FILES[args.format] + ".gz")).write_bytes(gz)
        for p in (tmp / "www").rglob("*"):
            p.chmod(0o755 if p.is_dir() else 0o644)
        (tmp / "www").chmod(0o755)
        nport = free_port()
        types = " ".join(f"{t} {FILES[f].rsplit('.', 1)[1]};" for f, t in TYPES.items()
                         if f == args.format)
        (tmp / "nginx.conf").write_text(NGINX_CONF.format(
            workers=args.processes, tmp=tmp, port=nport, www=tmp / "www", types=types))
        nginx = subprocess.Popen(["nginx", "-p", str(tmp), "-c", str(tmp / "nginx.conf"),
                                  "-e", str(tmp / "nginx-error.log")],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        theirs = f"http://127.0.0.1:{nport}"
        wait_up(theirs + path, nginx, tmp / "nginx-error.log")
        their_etag = httpx.head(theirs + path, headers={"Accept-Encoding": "gzip"}
                                ).headers["etag"]
        servers = {name: (base + path, our_etag) for name, (_, base, _) in procs.items()}
        servers["nginx"] = (theirs + path, their_etag)
        for url, etag in servers.values():
            check(url, etag, gz)

        rates: dict[tuple[str, str], list[float]] = {}
        loads: list[float] = []
        names = list(servers)
        for n in range(args.rounds):
            for case in ("gzip 200", "304"):
                # rotate who goes first, so no one always meets a warmer machine
                for who in names[n % len(names):] + names[:n % len(names)]:
                    url, etag = servers[who]
                    headers = {"Accept-Encoding": "gzip"}
                    if case == "304":
                        headers["If-None-Match"] = etag
                    rate = wrk(url, headers, args.seconds, args.connections)
                    rates.setdefault((case, who), []).append(rate)
                    loads.append(os.getloadavg()[0])
                last = {who: rates[(case, who)][-1] for who in names}
                print(f"round {n + 1} {case}: " + ", ".join(
                    f"{who} {rate:,.0f}/s" for who, rate in last.items()) + "; " + ", ".join(
                    f"{who}/nginx {last[who] / last['nginx']:.2f}" for who in names[:-1]),
                    flush=True)
        memory = {name: max(rss_mb(p.pid) for p in group)
                  for name, (group, _, _) in procs.items()}
    finally:
        if nginx is not None:
            nginx.terminate()
            nginx.wait(timeout=10)
        for group, _, _ in procs.values():
            for proc in group:
                proc.terminate()
            for proc in group:
                proc.wait(timeout=30)
    imported = "".join(log.read_text("utf-8", errors="replace") for log in procs["ours"][2])
    # the log must hold the app's own imports, or jieba's absence would prove nothing
    assert re.search(r"\|\s+publisher\.web\.app\b", imported), "no import log"
    jieba = re.search(r"\|\s+jieba\b", imported) is not None

    print()
    about = machine(version(["nginx", "-v"]), version(["wrk", "-v"]))
    print(f"machine: {about}; load average during the runs "
          f"{min(loads):.1f}–{max(loads):.1f}")
    print(f"feed: /{PUB}/{SECTION}/{FILES[args.format]}, {len(gz):,} bytes gzip; "
          f"wrk -t1 -c{args.connections} -d{args.seconds}s, {args.rounds} rounds; "
          f"ours: {args.processes} publisher serve process(es) on the port, others 1; "
          f"nginx: worker_processes {args.processes}")
    print()
    print("| format | render median / min ms | body bytes |")
    print("|---|---|---|")
    for fmt, (med, low, size) in renders.items():
        print(f"| {fmt} | {med:.1f} / {low:.1f} | {size:,} |")
    print()
    ours_names = [n for n in servers if n != "nginx"]
    print("| response | " + " | ".join(f"{n} req/s" for n in servers) + " | "
          + " | ".join(f"{n} / nginx, median (range)" for n in ours_names) + " |")
    print("|---|" + "---|" * (len(servers) + len(ours_names)))
    for case in ("gzip 200", "304"):
        g = rates[(case, "nginx")]
        cells = [span(rates[(case, n)]) for n in servers]
        for n in ours_names:
            ratios = [a / b for a, b in zip(rates[(case, n)], g, strict=True)]
            cells.append(f"{statistics.median(ratios):.2f} ({span(ratios, '{:.2f}')})")
        print(f"| {case} | " + " | ".join(cells) + " |")
    print()
    for name, mb in memory.items():
        print(f"{name}: web process resident memory after the load {mb:.1f} MB"
              + (" (the largest)" if name == "ours" and args.processes > 1 else ""))
    print(f"ours: limit {RSS_LIMIT_MB} MB; jieba imported: {'yes' if jieba else 'no'}")
    shutil.rmtree(tmp, ignore_errors=True)
    if jieba or memory["ours"] >= RSS_LIMIT_MB:
        raise SystemExit(1)


if __name__ == "__main__":
    main()
