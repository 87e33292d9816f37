"""The `publisher` command."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer
from rich.console import Console
from rich.table import Table

from publisher.errors import PublisherError
from publisher.runtime import Runtime
from publisher.settings import load_settings

if TYPE_CHECKING:
    import asyncio

    from publisher.schedule.worker import Worker

app = typer.Typer(help="Edition feed publisher: newspaper pages in, feeds and pushes out.",
                  no_args_is_help=True, pretty_exceptions_enable=False)
err = Console(stderr=True)
out = Console()


def _push_apps() -> None:
    from publisher.push.cli import deliveries, subscribers

    app.add_typer(subscribers, name="subscribers")
    app.add_typer(deliveries, name="deliveries")


_push_apps()


def _runtime() -> Runtime:
    return Runtime(load_settings())


def _fail(e: PublisherError) -> typer.Exit:
    err.print(f"[red]error:[/red] {e}", markup=True, highlight=False, soft_wrap=True)
    return typer.Exit(2)


@app.command()
def parse(
    paths: Annotated[list[Path], typer.Argument(help="page files or edition folders")],
    as_json: Annotated[bool, typer.Option("--json", help="the parse contract as JSON")] = False,
) -> None:
    """Split page text into articles (no store, no side effects)."""
    from publisher.edition import contract_json, parse_paths
    from publisher.edition.report import render_table

    try:
        settings = load_settings()
        from publisher.config import load_publications

        edition = parse_paths(paths, load_publications(settings.publications_dir))
    except PublisherError as e:
        raise _fail(e) from None
    if as_json:
        sys.stdout.write(json.dumps(contract_json(edition), ensure_ascii=False, indent=1) + "\n")
    else:
        render_table(edition, out)


@app.command()
def ingest(paths: Annotated[list[Path], typer.Argument(help="page files or folders")]) -> None:
    """Store pages (files, edition folders or a whole inbox) and emit their events."""
    try:
        rt = _runtime()
        results = rt.ingestor.ingest_paths(paths) + rt.ingestor.release_due()
    except PublisherError as e:
        raise _fail(e) from None
    table = Table("file", "status", "new", "updated", "withdrawn", "events", "note")
    for r in results:
        table.add_row(r.path, r.status, str(r.new), str(r.updated), str(r.withdrawn),
                      str(r.events), r.error or ("released" if r.released else ""))
    out.print(table)
    if any(r.status == "quarantined" for r in results):
        raise typer.Exit(1)


@app.command()
def render(
    to: Annotated[Path | None, typer.Option(help="target folder (default: feeds_dir)")] = None,
) -> None:
    """Write the static tree (feeds, pages, OPML) to feeds/."""
    from publisher.render.static import write_tree

    try:
        rt = _runtime()
        written = write_tree(rt.feeds, to or rt.settings.feeds_dir)
    except PublisherError as e:
        raise _fail(e) from None
    out.print(f"wrote {len(written)} files to {to or rt.settings.feeds_dir}")


def _serve(rt: Runtime) -> None:
    from publisher.web import server
    from publisher.web.app import create_app

    app = create_app(rt.feeds, rt.push)
    server.run(server.serve(app, rt.settings.host, rt.settings.port))


@app.command()
def serve() -> None:
    """The web process: feeds, pages, hub and API over HTTP."""
    try:
        rt = _runtime()
        rt.store  # noqa: B018  # fail before binding the port if the database is wrong
    except PublisherError as e:
        raise _fail(e) from None
    _serve(rt)


def _logging() -> None:
    import logging

    logging.basicConfig(level=logging.INFO,
                        format="%(asctime)s %(levelname)s %(name)s: %(message)s")
    for noisy in ("apscheduler", "watchfiles", "alembic"):
        logging.getLogger(noisy).setLevel(logging.WARNING)


def _wake_on_events(worker: Worker) -> asyncio.Event:
    """Set whenever this process's ingest wrote events: deliveries start at once."""
    import asyncio

    wake = asyncio.Event()
    worker.pipeline.listeners.append(lambda result: wake.set() if result.events else None)
    return wake


async def _run_all(rt: Runtime) -> None:
    """The web server and the worker on one loop. When this process leads (always on SQLite)
    the worker is up before the port is bound; otherwise it stands by in the background."""
    import asyncio

    from publisher.push.runner import run_delivery_worker
    from publisher.web import server
    from publisher.web.app import create_app

    worker = rt.worker()
    stop, wake = asyncio.Event(), _wake_on_events(worker)
    standby: asyncio.Task[None] | None = None
    if await asyncio.to_thread(worker.leader.try_acquire):
        await worker.start()
    else:
        standby = asyncio.create_task(worker.run(stop))
    deliveries = asyncio.create_task(run_delivery_worker(rt, stop, wake=wake))
    app = create_app(rt.feeds, rt.push, ready=lambda: worker.ready)
    try:
        await server.serve(app, rt.settings.host, rt.settings.port)
    finally:
        stop.set()
        await deliveries
        if standby is not None:
            await standby
        else:
            await worker.stop()
            worker.leader.release()


async def _run_worker(rt: Runtime) -> None:
    import asyncio
    import signal

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, stop.set)
    from publisher.push.runner import run_delivery_worker

    # ingest and deliveries share one loop until SIGINT or SIGTERM
    worker = rt.worker()
    await asyncio.gather(worker.run(stop),
                         run_delivery_worker(rt, stop, wake=_wake_on_events(worker)))


@app.command()
def run() -> None:
    """Everything in one process: the worker (seeds, inbox, embargoes) and the web."""
    from publisher.web import server

    _logging()
    try:
        server.run(_run_all(_runtime()))
    except PublisherError as e:
        raise _fail(e) from None


@app.command()
def worker() -> None:
    """The worker process: inbox watch, ingest, embargo releases, webhook and WebSub deliveries."""
    import asyncio

    _logging()
    try:
        asyncio.run(_run_worker(_runtime()))
    except PublisherError as e:
        raise _fail(e) from None


@app.command()
def status(
    limit: Annotated[int, typer.Option(help="editions and files to show")] = 10,
) -> None:
    """Latest editions, editions under embargo, the outbox and quarantined files."""
    from publisher.ingest.quarantine import quarantined

    try:
        rt = _runtime()
        store = rt.store
        latest, waiting = store.editions(limit=limit), store.embargoed()
        outbox, total = store.outbox_size(), store.event_count()
        bad = quarantined(rt.settings.quarantine)[:limit]
    except PublisherError as e:
        raise _fail(e) from None
    table = Table("publication", "date", "pages", "articles", "publish at", "published",
                  title="Latest editions")
    for ed in latest:
        table.add_row(ed.publication, ed.date.isoformat(), str(ed.page_count),
                      str(ed.article_count), ed.publish_at.isoformat(timespec="minutes"),
                      ed.published_at.isoformat(timespec="seconds") if ed.published_at else "-")
    out.print(table)
    table = Table("publication", "date", "pages", "articles", "goes out at",
                  title="Under embargo")
    for ed in waiting:
        table.add_row(ed.publication, ed.date.isoformat(), str(ed.page_count),
                      str(ed.article_count), ed.publish_at.isoformat(timespec="minutes"))
    out.print(table)
    table = Table("events", "not yet dispatched", title="Outbox")
    table.add_row(str(total), str(outbox))
    out.print(table)
    table = Table("file", "reason", title=f"Quarantined ({rt.settings.quarantine})")
    for path, reason in bad:
        table.add_row(str(path), reason)
    out.print(table)


def main() -> None:
    app()
