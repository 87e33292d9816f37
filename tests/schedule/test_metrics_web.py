"""/metrics and /readyz on the web app; jieba stays off the web path."""

from __future__ import annotations

import subprocess
import sys

import httpx
from conftest import ROOT, place_page
from harness import SEED, Harness, enricher, start_worker, until

from publisher.links import Links
from publisher.render.service import FeedService
from publisher.web.app import create_app

__all__ = ["enricher", "start_worker"]  # fixtures


async def test_metrics_count_pages_failures_events_and_latency(start_worker,
                                                               publications) -> None:
    h: Harness = await start_worker()
    place_page(h.inbox, SEED)
    place_page(h.inbox, b"", number=2)
    await until(lambda: len(h.files()) == 2)
    app = create_app(FeedService(h.store, publications, Links("http://feeds.test")),
                     ready=lambda: h.worker.ready)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://t") as client:
        r = await client.get("/metrics")
        ready = await client.get("/readyz")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    text = r.text
    assert 'publisher_pages_total{status="ingested"} 1.0' in text
    assert "publisher_ingest_failures_total 1.0" in text
    assert 'publisher_events_total{type="article.published"} 8.0' in text
    assert 'publisher_events_total{type="ingest.failed"} 1.0' in text
    assert "publisher_publish_latency_seconds_count" in text
    assert "publisher_publish_latency_seconds_bucket" in text
    assert ready.status_code == 200 and ready.json() == {"status": "ready"}
    await h.worker.stop()
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app),
                                 base_url="http://t") as client:
        assert (await client.get("/readyz")).status_code == 503


def test_web_path_never_imports_jieba() -> None:
    code = ("import sys; from publisher.web.app import create_app; import publisher.cli; "
            "assert 'jieba' not in sys.modules and 'publisher.enrich.enricher' not in sys.modules")
    subprocess.run([sys.executable, "-c", code], check=True, cwd=ROOT,
                   env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
