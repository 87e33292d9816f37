"""`publisher subscribers ...` and `publisher deliveries ...` (typer sub-apps)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated

import typer
from rich.console import Console
from rich.table import Table

from publisher.errors import PublisherError
from publisher.push.config_sync import sync_config
from publisher.push.subscriptions import SubscriptionIn
from publisher.runtime import Runtime
from publisher.settings import load_settings

subscribers = typer.Typer(help="Webhook subscriptions.", no_args_is_help=True)
deliveries = typer.Typer(help="Webhook deliveries: list and replay.", no_args_is_help=True)
out = Console()
err = Console(stderr=True)


def _runtime() -> Runtime:
    return Runtime(load_settings())


def _fail(e: PublisherError) -> typer.Exit:
    err.print(f"[red]error:[/red] {e}", highlight=False, soft_wrap=True)
    return typer.Exit(2)


def _since(value: str) -> dt.datetime:
    try:
        when = dt.datetime.fromisoformat(value)
    except ValueError as e:
        raise typer.BadParameter("an ISO 8601 time, e.g. 2026-04-02T00:00:00Z") from e
    if when.tzinfo is None:
        raise typer.BadParameter("give a time zone (Z or +08:00): UTC-aware times only")
    return when.astimezone(dt.UTC)


@subscribers.command("add")
def add(url: str,
        event: Annotated[list[str] | None, typer.Option(help="event type (repeatable)")] = None,
        publication: str | None = None, section: str | None = None,
        secret: Annotated[str | None, typer.Option(help="whsec_… (generated if not given)")]
        = None, sub_id: Annotated[str | None, typer.Option("--id")] = None) -> None:
    """Add a webhook subscription; prints its id and secret."""
    try:
        rt = _runtime()
        rt.push.guard.check_url(url)
        rec = rt.push.subscriptions.add(SubscriptionIn(
            id=sub_id, url=url, secret=secret, event_types=event or [],
            publication=publication, section=section))
    except PublisherError as e:
        raise _fail(e) from None
    typer.echo(f"{rec.id}\t{rec.secret}")


@subscribers.command("list")
def list_() -> None:
    """Every subscription (secrets not shown)."""
    try:
        rt = _runtime()
        sync_config(rt.push.subscriptions, rt.settings.subscribers_file)
        subs = rt.push.subscriptions.find()
    except PublisherError as e:
        raise _fail(e) from None
    table = Table("id", "url", "events", "publication", "section", "enabled", "origin", "note")
    for s in subs:
        table.add_row(s.id, s.url, ",".join(s.event_types) or "*", s.publication or "*",
                      s.section or "*", "yes" if s.enabled else "no", s.origin,
                      s.disabled_reason or "")
    out.print(table)


@subscribers.command("remove")
def remove(sub_id: str) -> None:
    """Delete a subscription and its deliveries."""
    try:
        _runtime().push.subscriptions.remove(sub_id)
    except PublisherError as e:
        raise _fail(e) from None


@subscribers.command("rotate-secret")
def rotate_secret(sub_id: str) -> None:
    """A new secret; for 24 h every push is signed with the old one too."""
    try:
        rec = _runtime().push.subscriptions.rotate_secret(sub_id)
    except PublisherError as e:
        raise _fail(e) from None
    typer.echo(f"{rec.id}\t{rec.secret}")


@subscribers.command("enable")
def enable(sub_id: str) -> None:
    """Enable a subscription again (after a 410 or five failing days)."""
    try:
        _runtime().push.subscriptions.update(sub_id, enabled=True)
    except PublisherError as e:
        raise _fail(e) from None


@deliveries.command("list")
def list_deliveries(since: Annotated[str | None, typer.Option()] = None,
                    status: str | None = None, limit: int = 50) -> None:
    """Recent deliveries, newest first."""
    try:
        rows = _runtime().push.deliveries.find(since=_since(since) if since else None,
                                               status=status, limit=limit)
    except PublisherError as e:
        raise _fail(e) from None
    table = Table("webhook-id", "event", "subscription", "status", "attempts", "last", "next")
    for d in rows:
        table.add_row(d.id, d.event_type, d.subscription_id, d.status, str(d.attempts),
                      str(d.last_status or d.last_error or ""),
                      d.next_attempt_at.isoformat() if d.next_attempt_at else "")
    out.print(table)


@deliveries.command("replay")
def replay(since: Annotated[str, typer.Option(help="ISO time with zone")],
           subscription: str | None = None) -> None:
    """Send failed and dead deliveries created since T again (same webhook-id)."""
    try:
        ids = _runtime().push.deliveries.replay(since=_since(since), subscription=subscription)
    except PublisherError as e:
        raise _fail(e) from None
    out.print(f"{len(ids)} deliveries queued again")
