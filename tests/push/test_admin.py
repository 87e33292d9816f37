"""Admin API (/api/v1), the CLI sub-apps and config/subscribers.toml sync."""

from __future__ import annotations

import datetime as dt
from collections.abc import AsyncIterator
from pathlib import Path

import httpx
import pytest
from standardwebhooks import Webhook
from typer.testing import CliRunner

from publisher.cli import app as cli_app
from publisher.clock import FixedClock, SystemClock
from publisher.errors import ConfigError
from publisher.models import Publication
from publisher.push.config_sync import load_subscribers, sync_config
from publisher.push.services import PushServices
from publisher.push.subscriptions import SubscriptionRepo
from publisher.render.service import FeedService
from publisher.store import SqlStore
from publisher.store import tables as t
from publisher.web.app import create_app

from .helpers import LINKS, Receiver, add_events, rows, simple_event

ROOT = Path(__file__).resolve().parents[2]
TOKEN = "s3cret-token"


@pytest.fixture
async def api(store: SqlStore, clock: FixedClock, guilin: Publication
              ) -> AsyncIterator[httpx.AsyncClient]:
    push = PushServices(store, clock, LINKS, {"guilin-daily": guilin}, None,  # type: ignore[arg-type]
                        admin_token=TOKEN)
    app = create_app(FeedService(push.store, push.publications, push.links), push)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://test",
                                 headers={"authorization": f"Bearer {TOKEN}"}) as c:
        yield c


async def test_token_required(api: httpx.AsyncClient) -> None:
    assert (await api.get("/api/v1/subscriptions", headers={"authorization": ""})
            ).status_code == 401
    assert (await api.get("/api/v1/subscriptions", headers={"authorization": "Bearer x"})
            ).status_code == 401
    assert (await api.get("/api/v1/subscriptions")).status_code == 200
    assert "/api/v1/subscriptions" in (await api.get("/openapi.json")).json()["paths"]


async def test_subscription_lifecycle(api: httpx.AsyncClient) -> None:
    r = await api.post("/api/v1/subscriptions", json={
        "url": "https://partner.example/hook", "event_types": ["article.*"],
        "publication": "guilin-daily"})
    assert r.status_code == 201
    sub = r.json()
    assert sub["secret"].startswith("whsec_") and sub["origin"] == "api"
    listed = (await api.get("/api/v1/subscriptions")).json()
    assert [s["id"] for s in listed] == [sub["id"]] and "secret" not in listed[0]
    r = await api.patch(f"/api/v1/subscriptions/{sub['id']}", json={"enabled": False})
    assert r.json()["enabled"] is False
    r = await api.post(f"/api/v1/subscriptions/{sub['id']}/rotate-secret")
    assert r.json()["previous_secret"] == sub["secret"]
    assert (await api.delete(f"/api/v1/subscriptions/{sub['id']}")).status_code == 204
    assert (await api.get(f"/api/v1/subscriptions/{sub['id']}")).status_code == 404


async def test_private_url_and_bad_secret_refused(api: httpx.AsyncClient) -> None:
    r = await api.post("/api/v1/subscriptions", json={"url": "http://10.0.0.1/hook"})
    assert r.status_code == 422 and "outbound guard" in r.json()["detail"]
    r = await api.post("/api/v1/subscriptions", json={"url": "https://a.example/",
                                                      "secret": "plain"})
    assert r.status_code == 422


async def test_deliveries_list_and_replay(api: httpx.AsyncClient, store: SqlStore,
                                          clock: FixedClock) -> None:
    await api.post("/api/v1/subscriptions", json={"id": "p", "url": "https://p.example/"})
    add_events(store, [simple_event(1, clock.now())])
    from publisher.push.outbox import Outbox

    Outbox(store, clock).fan_out()
    with store.tx() as conn:
        conn.execute(t.deliveries.update().values(status="dead"))
    since = (clock.now() - dt.timedelta(hours=1)).isoformat()
    listed = (await api.get("/api/v1/deliveries", params={"since": since})).json()
    assert [d["status"] for d in listed] == ["dead"]
    r = await api.post("/api/v1/deliveries/replay", params={"since": since})
    assert r.json()["replayed"] == [listed[0]["id"]]
    assert [d.status for d in rows(store, t.deliveries)] == ["pending"]
    r = await api.post("/api/v1/deliveries/replay", params={"since": "2026-04-01T00:00:00"})
    assert r.status_code == 422  # naive time refused


def test_config_sync(store: SqlStore, clock: FixedClock, tmp_path: Path) -> None:
    repo = SubscriptionRepo(store, clock)
    assert [s.id for s in load_subscribers(ROOT / "config" / "subscribers.toml")] == [
        "example-partner"]
    path = tmp_path / "subscribers.toml"
    path.write_text('[[subscriber]]\nid = "a"\nurl = "https://a.example/"\n'
                    '[[subscriber]]\nurl = "https://b.example/"\nevent_types = ["feed.updated"]\n')
    assert len(sync_config(repo, path)) == 2
    first = {s.id: s.secret for s in repo.find()}
    assert all(s.origin == "config" for s in repo.find())
    path.write_text('[[subscriber]]\nid = "a"\nurl = "https://a2.example/"\n')
    sync_config(repo, path)
    (only,) = repo.find()
    assert (only.id, only.url, only.secret) == ("a", "https://a2.example/", first["a"])
    path.write_text("[[subscriber]]\nurl = 3\n")
    with pytest.raises(ConfigError):
        sync_config(repo, path)


def test_cli(tmp_path: Path) -> None:
    env = {"PUBLISHER_CONFIG": str(ROOT / "config" / "publisher.toml"),
           "PUBLISHER_DATABASE_URL": f"sqlite:///{tmp_path / 'cli.db'}",
           "PUBLISHER_PUBLICATIONS_DIR": str(ROOT / "config" / "publications"),
           "PUBLISHER_SUBSCRIBERS_FILE": str(ROOT / "config" / "subscribers.toml"),
           "COLUMNS": "250"}
    runner = CliRunner()
    r = runner.invoke(cli_app, ["subscribers", "add", "https://p.example/h", "--id", "p",
                                "--event", "article.published"], env=env)
    assert r.exit_code == 0, r.output
    assert r.output.startswith("p\twhsec_")
    r = runner.invoke(cli_app, ["subscribers", "list"], env=env)
    assert "p.example" in r.output and "example-partner" in r.output
    r = runner.invoke(cli_app, ["subscribers", "rotate-secret", "p"], env=env)
    assert r.exit_code == 0 and "whsec_" in r.output
    r = runner.invoke(cli_app, ["subscribers", "add", "http://10.1.2.3/"], env=env)
    assert r.exit_code == 2 and "outbound guard" in r.output
    r = runner.invoke(cli_app, ["deliveries", "replay", "--since", "2026-04-01T00:00:00Z"],
                      env=env)
    assert r.exit_code == 0 and "0 deliveries" in r.output
    r = runner.invoke(cli_app, ["deliveries", "list"], env=env)
    assert r.exit_code == 0
    r = runner.invoke(cli_app, ["subscribers", "remove", "p"], env=env)
    assert r.exit_code == 0


async def test_run_delivery_worker(tmp_path: Path, receiver: Receiver) -> None:
    import asyncio

    from publisher.push.runner import run_delivery_worker
    from publisher.runtime import Runtime
    from publisher.settings import Settings

    subs = tmp_path / "subscribers.toml"
    subs.write_text(f'[[subscriber]]\nid = "r"\nurl = "{receiver.url}/hook"\n'
                    'secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"\n')
    settings = Settings(database_url=f"sqlite:///{tmp_path / 'w.db'}", subscribers_file=subs,
                        publications_dir=ROOT / "config" / "publications",
                        allow_networks=["127.0.0.1/32"])
    rt = Runtime(settings, clock=SystemClock())
    add_events(rt.store, [simple_event(1, dt.datetime.now(dt.UTC))])
    stop = asyncio.Event()
    task = asyncio.create_task(run_delivery_worker(rt, stop, idle=0.05))
    for _ in range(100):
        if receiver.seen:
            break
        await asyncio.sleep(0.05)
    stop.set()
    await asyncio.wait_for(task, 5)
    (seen,) = receiver.seen
    Webhook("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw").verify(seen.body, seen.headers)
    rt.store.close()
