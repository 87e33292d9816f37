"""/metrics in the Prometheus text format.

Counts come from the store (pages by status, events by type, the outbox), so
a web process shows what every worker did; the arrival-to-publication latency
is measured where pages are ingested, and shown by the process that does it
(`publisher run`, or a worker's own registry).
"""

from __future__ import annotations

from collections.abc import Iterator

from prometheus_client import CollectorRegistry, Histogram, generate_latest
from prometheus_client.core import CounterMetricFamily, GaugeMetricFamily, Metric
from prometheus_client.registry import Collector
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import Response

from publisher.errors import StoreError
from publisher.store import Store

CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8"
LATENCY_BUCKETS = (0.05, 0.1, 0.2, 0.3, 0.5, 0.75, 1.0, 2.0, 5.0, 10.0, 30.0)

# Process-wide: observed by the worker, exposed by whichever registry includes it.
PUBLISH_LATENCY = Histogram(
    "publisher_publish_latency_seconds",
    "From a page file's arrival in the inbox to its articles being published",
    buckets=LATENCY_BUCKETS, registry=None)
INGEST_SECONDS = Histogram(
    "publisher_ingest_duration_seconds", "Time to ingest one page (parse, store, events)",
    buckets=LATENCY_BUCKETS, registry=None)


class StoreCollector(Collector):
    """Counters read from the store at scrape time."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def collect(self) -> Iterator[Metric]:
        try:
            files, events = self.store.file_counts(), self.store.event_counts()
            outbox = self.store.outbox_size()
        except StoreError:
            return
        pages = CounterMetricFamily("publisher_pages", "Page files handled, by outcome",
                                    labels=["status"])
        for status in ("ingested", "unchanged", "quarantined"):
            pages.add_metric([status], files.get(status, 0))
        yield pages
        yield CounterMetricFamily("publisher_ingest_failures",
                                  "Page files refused and quarantined",
                                  value=files.get("quarantined", 0))
        ev = CounterMetricFamily("publisher_events", "Events written to the outbox, by type",
                                 labels=["type"])
        for kind, n in sorted(events.items()):
            ev.add_metric([kind], n)
        yield ev
        yield GaugeMetricFamily("publisher_outbox_pending", "Events not yet dispatched",
                                value=outbox)


def build_registry(store: Store) -> CollectorRegistry:
    registry = CollectorRegistry(auto_describe=False)
    registry.register(StoreCollector(store))
    registry.register(PUBLISH_LATENCY)
    registry.register(INGEST_SECONDS)
    return registry


async def metrics(request: Request) -> Response:
    registry: CollectorRegistry = request.app.state.metrics
    body = await run_in_threadpool(generate_latest, registry)
    return Response(body, media_type=CONTENT_TYPE,
                    headers={"Cache-Control": "no-store"})
