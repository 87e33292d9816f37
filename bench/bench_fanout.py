"""Fan-out benchmark: one article.published to 1,000 subscribed endpoints, end to end,
side by side with a bare aiohttp loop posting the same bodies.

    PYTHONPATH=. python bench/bench_fanout.py [--endpoints 1000] [--rounds 5] [--pg]

One receiver process (aiohttp.web on loopback, listen backlog 1024) accepts any
path and counts webhook-ids per path. The endpoints are subscriptions
`/hook/0` … `/hook/999` on it, added through the push services' SubscriptionRepo
with the outbound guard allowing 127.0.0.1. Each round, for each database (SQLite,
and PostgreSQL with `--pg`: a fresh database, dropped at the end), ONE
article.published event goes into the outbox through the store, and the real
worker (`runtime.push.worker()`: fan-out, claim, sign, POST, record) runs rounds
until all deliveries are recorded. The figure is deliveries/s from just before
the event is written to the commit of the last attempt. Beside it, a bare loop:
one aiohttp.ClientSession, the same concurrency bound, the same body and headers
(signed beforehand) to the same URLs, no database, no signing. A round runs
bare, ours, bare[, ours on the other database, bare]; each of ours is compared
with the mean of the two bare runs on either side of it (the machine is shared
and its speed drifts), and the databases' order turns every round.

Both sides are checked every round: each path got exactly one webhook-id; for
ours those are the deliveries' ids, every delivery is `delivered` with one
attempt row, and one received webhook verifies with `standardwebhooks`.
"""

from __future__ import annotations

import argparse
import asyncio
import datetime as dt
import multiprocessing
import os
import statistics
import sys
import tempfile
import time
import uuid
from collections import defaultdict
from pathlib import Path

import aiohttp
import psycopg
from aiohttp import web
from sqlalchemy import func, select, text
from standardwebhooks import Webhook

from publisher.ingest.events import EventBuilder
from publisher.models import Article
from publisher.push.delivery import webhook_body
from publisher.push.signing import webhook_headers
from publisher.push.subscriptions import SubscriptionIn
from publisher.runtime import Runtime
from publisher.settings import Settings
from publisher.store import tables as t

from benchkit import SEED_PATH, free_port, machine, wait_for

PG_ADMIN = os.environ.get("PUBLISHER_TEST_PG", "postgresql://postgres@127.0.0.1:5432/test")
LOOPBACK = ["127.0.0.1/32"]
# Outbox tables emptied between rounds; the subscriptions stay.
ROUND_TABLES = ("delivery_attempts", "deliveries", "events")
# What our client sends (transport.make_client), so both sides send the same headers.
USER_AGENT = "edition-publisher/0.1 (push)"


# -- the receiver (its own process) -------------------------------------------------

def serve(port: int) -> None:
    seen: defaultdict[str, list[str]] = defaultdict(list)
    sample: dict[str, object] = {}

    async def hook(request: web.Request) -> web.Response:
        body = await request.read()
        seen[request.path].append(request.headers.get("webhook-id", ""))
        if not sample:
            sample.update(path=request.path, body=body.decode(),
                          headers={k.lower(): v for k, v in request.headers.items()})
        return web.Response(status=204)

    async def stats(_request: web.Request) -> web.Response:
        return web.json_response({"seen": seen, "sample": sample})

    async def reset(_request: web.Request) -> web.Response:
        seen.clear()
        sample.clear()
        return web.Response(status=204)

    app = web.Application()
    app.router.add_get("/_stats", stats)
    app.router.add_post("/_reset", reset)
    app.router.add_route("POST", "/{tail:.*}", hook)
    # The default backlog (128) is enough for 8 connections; a roomier one keeps a
    # burst of SYNs from being dropped and retried a second later (docs/benchmarks.md).
    web.run_app(app, host="127.0.0.1", port=port, access_log=None, print=None, backlog=1024)


async def receiver_stats(session: aiohttp.ClientSession, base: str) -> dict[str, object]:
    async with session.get(base + "/_stats") as r:
        got: dict[str, object] = await r.json()
    async with session.post(base + "/_reset") as r:
        await r.read()
    return got


def check_once_each(got: dict[str, object], urls: list[str], base: str) -> set[str]:
    """Every URL's path got exactly one webhook-id; returns those ids."""
    seen: dict[str, list[str]] = got["seen"]  # type: ignore[assignment]
    paths = {u.removeprefix(base) for u in urls}
    assert set(seen) == paths, f"{len(paths - set(seen))} paths got nothing"
    twice = [p for p, ids in seen.items() if len(ids) != 1]
    assert not twice, f"{len(twice)} paths got more than one webhook"
    return {ids[0] for ids in seen.values()}


# -- the event ------------------------------------------------------------------------

def the_article() -> Article:
    """Six paragraphs of the seed's front page: a 2.2 KB webhook body."""
    lines = [ln.strip() for ln in SEED_PATH.read_text("utf-8").splitlines() if len(ln.strip()) > 30]
    return Article(id="p1-0001", headline="科技创新实现新突破", page=1, pages=[1],
                   paragraphs=lines[:6], authors=["胡洁"], source="新华社")


# -- one side of a round -------------------------------------------------------------

class Ours:
    """The publisher on one database: runtime, push services, 1,000 subscriptions."""

    def __init__(self, name: str, url: str, base: str, n: int, per_endpoint: int) -> None:
        self.name, self.base, self.per_endpoint = name, base, per_endpoint
        settings = Settings(database_url=url, allow_networks=LOOPBACK, seeds=None,
                            subscribers_file=Path(os.devnull))
        self.runtime = Runtime(settings)
        repo = self.runtime.push.subscriptions
        self.secrets: dict[str, str] = {}
        self.urls = [f"{base}/hook/{i}" for i in range(n)]
        for i, u in enumerate(self.urls):
            sub = repo.add(SubscriptionIn(id=f"bench-{i}", url=u,
                                          event_types=["article.published"]))
            self.secrets[u] = sub.secret
        pub = self.runtime.publications["guilin-daily"]
        now = dt.datetime.now(dt.UTC)
        evs = EventBuilder(pub, now.date(), self.runtime.links, now).release([the_article()])
        self.event = next(e for e in evs if e.type == "article.published")

    def clean(self) -> None:
        with self.runtime.store.tx() as conn:
            if conn.dialect.name == "postgresql":
                conn.execute(text(f"TRUNCATE {', '.join(ROUND_TABLES)} RESTART IDENTITY"))
            else:
                for name in ROUND_TABLES:
                    conn.execute(text(f"DELETE FROM {name}"))

    async def round(self) -> tuple[float, int]:
        """Seconds from the event to the last attempt recorded, and worker rounds."""
        await asyncio.to_thread(self.clean)
        worker = self.runtime.push.worker(per_endpoint=self.per_endpoint)
        store, total, rounds = self.runtime.store, len(self.urls), 0
        ev = self.event.model_copy(update={"id": "evt_" + uuid.uuid4().hex})
        start = time.perf_counter()
        await asyncio.to_thread(store.append_events, [ev])
        done = 0
        while done < total:
            n = await worker.run_once()
            rounds += 1
            done += n
            if n == 0 and rounds > 10 * total:
                raise SystemExit(f"{self.name}: stuck at {done} of {total}")
        return time.perf_counter() - start, rounds

    def check(self, got: dict[str, object]) -> None:
        ids = check_once_each(got, self.urls, self.base)
        d, a = t.deliveries, t.delivery_attempts
        with self.runtime.store.read() as conn:
            assert set(conn.scalars(select(d.c.id))) == ids
            assert set(conn.scalars(select(d.c.status))) == {"delivered"}
            assert conn.scalar(select(func.count()).select_from(a)) == len(self.urls)
        sample: dict[str, object] = got["sample"]  # type: ignore[assignment]
        secret = self.secrets[self.base + str(sample["path"])]
        body = str(sample["body"]).encode()
        payload = Webhook(secret).verify(body, sample["headers"])  # type: ignore[arg-type]
        assert payload["type"] == "article.published"
        assert payload["data"]["article"]["headline"] == self.event.data["article"]["headline"]

    async def aclose(self) -> None:
        await self.runtime.push.aclose()
        self.runtime.store.close()


class Bare:
    """One aiohttp.ClientSession, the same bound, bodies and headers; nothing else."""

    def __init__(self, ours: Ours, per_endpoint: int) -> None:
        self.ours, self.bound = ours, per_endpoint
        self.session: aiohttp.ClientSession | None = None

    async def round(self) -> tuple[float, int]:
        if self.session is None:  # like ours: a pool of 100 that lives across rounds
            self.session = aiohttp.ClientSession(
                connector=aiohttp.TCPConnector(limit=100), auto_decompress=False)
        session = self.session
        body = webhook_body(self.ours.event)
        stamp = dt.datetime.now(dt.UTC)
        jobs = [(u, {"content-type": "application/json", "user-agent": USER_AGENT,
                     **webhook_headers("msg_" + uuid.uuid4().hex, stamp, body, secret)})
                for u, secret in self.ours.secrets.items()]
        limit = asyncio.Semaphore(self.bound)

        async def post(url: str, headers: dict[str, str]) -> None:
            async with limit, session.post(url, data=body, headers=headers) as r:
                await r.read()
                assert r.status == 204, r.status

        start = time.perf_counter()
        await asyncio.gather(*(post(u, h) for u, h in jobs))
        return time.perf_counter() - start, 1

    def check(self, got: dict[str, object]) -> None:
        check_once_each(got, self.ours.urls, self.ours.base)

    async def aclose(self) -> None:
        if self.session is not None:
            await self.session.close()


# -- the run ---------------------------------------------------------------------------

def load() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def new_pg_database() -> tuple[str, str]:
    name = f"publisher_bench_{uuid.uuid4().hex[:8]}"
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    return name, f"{PG_ADMIN.rsplit('/', 1)[0]}/{name}"


def drop_pg_database(name: str) -> None:
    with psycopg.connect(PG_ADMIN, autocommit=True) as conn:
        conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


async def run(args: argparse.Namespace, base: str, tmp: str, pg_url: str | None) -> None:
    ours = [Ours("ours, SQLite", f"sqlite:///{tmp}/bench.db", base, args.endpoints,
                 args.per_endpoint)]
    if pg_url is not None:
        ours.append(Ours("ours, PostgreSQL", pg_url, base, args.endpoints, args.per_endpoint))
    bare = Bare(ours[0], args.per_endpoint)
    rates: dict[str, list[float]] = {o.name: [] for o in ours}
    ratios: dict[str, list[float]] = {o.name: [] for o in ours}
    bare_rates: list[float] = []
    loads: list[str] = []

    async def measure(side: Ours | Bare) -> tuple[float, int]:
        secs, worker_rounds = await side.round()
        side.check(await receiver_stats(control, base))
        return args.endpoints / secs, worker_rounds

    async with aiohttp.ClientSession() as control:
        try:
            for r in range(args.rounds + 1):  # round 0 warms pools and caches, not counted
                # the machine is shared: each of ours runs between two bare runs and is
                # compared with their mean, and the order of ours turns every round
                order = ours[r % len(ours):] + ours[:r % len(ours)]
                before, _ = await measure(bare)
                line = [f"bare {before:,.0f}/s"]
                bare_rates += [before] if r else []
                for side in order:
                    rate, worker_rounds = await measure(side)
                    after, _ = await measure(bare)
                    line += [f"{side.name} {rate:,.0f}/s ({worker_rounds} worker rounds)",
                             f"bare {after:,.0f}/s"]
                    if r:
                        bare_rates.append(after)
                        rates[side.name].append(rate)
                        ratios[side.name].append(rate / ((before + after) / 2))
                    before = after
                loads.append(load())
                print(f"round {r}{' (warm-up)' if r == 0 else ''}: " + "; ".join(line)
                      + f"; load {loads[-1]}", flush=True)
        finally:
            sides: list[Ours | Bare] = [*ours, bare]
            for each in sides:
                await each.aclose()
    print(f"\n{args.endpoints} endpoints, concurrency bound {args.per_endpoint}, "
          f"{args.rounds} rounds; load average during the run: {loads[1]} … {loads[-1]}")
    print("| what | deliveries/s, median | range over rounds | "
          "ratio to the bare runs beside it (median, range) |")
    print("|---|---|---|---|")
    for name, rs in rates.items():
        qs = ratios[name]
        print(f"| {name} | {statistics.median(rs):,.0f} | {min(rs):,.0f}–{max(rs):,.0f} | "
              f"{statistics.median(qs):.2f} ({min(qs):.2f}–{max(qs):.2f}) |")
    print(f"| bare aiohttp loop | {statistics.median(bare_rates):,.0f} | "
          f"{min(bare_rates):,.0f}–{max(bare_rates):,.0f} | 1 |")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--endpoints", type=int, default=1000)
    ap.add_argument("--rounds", type=int, default=5)
    ap.add_argument("--pg", action="store_true",
                    help=f"also on PostgreSQL (a fresh database on {PG_ADMIN})")
    ap.add_argument("--per-endpoint", type=int, default=8,
                    help="the worker's per-endpoint limit, and the bare loop's bound")
    args = ap.parse_args()
    port = free_port()
    server = multiprocessing.Process(target=serve, args=(port,), daemon=True)
    server.start()
    wait_for(port)
    about = machine(f"aiohttp {aiohttp.__version__}")
    print(f"machine: {about}; receiver: aiohttp.web, 1 process; load {load()}")
    pg_name = pg_url = None
    if args.pg:
        pg_name, pg_url = new_pg_database()
    try:
        with tempfile.TemporaryDirectory() as tmp:
            asyncio.run(run(args, f"http://127.0.0.1:{port}", tmp, pg_url))
    finally:
        if pg_name is not None:
            drop_pg_database(pg_name)
        server.terminate()
        server.join()
    sys.exit(0)


if __name__ == "__main__":
    main()
