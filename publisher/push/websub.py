"""The WebSub hub (W3C Recommendation): requests, verification of intent, denial.

Distribution of new content is in websub_distribute.py.
"""

from __future__ import annotations

import contextlib
import secrets
from dataclasses import dataclass
from typing import Literal, Protocol
from urllib.parse import parse_qsl, urlsplit

import httpx

from publisher.errors import PushError
from publisher.links import FORMATS, Links
from publisher.models import Publication
from publisher.push.transport import send
from publisher.push.websub_store import HubSubscriptions
from publisher.render.service import Rendered

DEFAULT_LEASE = 10 * 86400
MAX_LEASE = 30 * 86400
MIN_LEASE = 60
FILES = {v: k for k, v in FORMATS.items()}


class FeedSource(Protocol):
    """Where distributed content comes from (FeedService in production)."""

    def feed(self, slug: str, section: str | None, fmt: str) -> Rendered: ...


@dataclass(frozen=True)
class HubRequest:
    mode: Literal["subscribe", "unsubscribe"]
    topic: str
    callback: str
    lease_seconds: int
    secret: str | None


def parse_request(body: bytes) -> HubRequest:
    """A form-encoded hub request; unknown parameters are ignored. PushError if bad."""
    form = dict(parse_qsl(body.decode("utf-8", errors="replace"), keep_blank_values=True))
    mode, topic, callback = (form.get(k, "") for k in ("hub.mode", "hub.topic", "hub.callback"))
    if mode not in ("subscribe", "unsubscribe"):
        raise PushError("hub.mode must be subscribe or unsubscribe", key="hub.mode")
    for name, url in (("hub.topic", topic), ("hub.callback", callback)):
        p = urlsplit(url)
        if p.scheme not in ("http", "https") or not p.netloc:
            raise PushError("must be an absolute http(s) URL", key=name)
    raw = form.get("hub.lease_seconds", "").strip()
    if raw and not raw.isdigit():
        raise PushError("must be a whole number of seconds", key="hub.lease_seconds")
    lease = min(max(int(raw), MIN_LEASE), MAX_LEASE) if raw else DEFAULT_LEASE
    secret = form.get("hub.secret") or None
    if secret is not None and len(secret.encode()) >= 200:
        raise PushError("must be shorter than 200 bytes", key="hub.secret")
    return HubRequest(mode, topic, callback, lease, secret)  # type: ignore[arg-type]


def resolve_topic(topic: str, links: Links, publications: dict[str, Publication]
                  ) -> tuple[str, str | None, str] | None:
    """A topic we serve: one of our feed URLs, as (publication, section, format)."""
    if not topic.startswith(links.base + "/"):
        return None
    parts = topic[len(links.base) + 1:].split("?", 1)[0].split("/")
    if len(parts) not in (2, 3) or parts[-1] not in FILES:
        return None
    pub = publications.get(parts[0])
    if pub is None:
        return None
    section = parts[1] if len(parts) == 3 else None
    if section is not None and pub.section(section) is None:
        return None
    return pub.slug, section, FILES[parts[-1]]


class Hub:
    def __init__(self, subs: HubSubscriptions, client: httpx.AsyncClient, links: Links,
                 publications: dict[str, Publication]) -> None:
        self.subs, self.client = subs, client
        self.links, self.publications = links, publications

    async def handle(self, req: HubRequest) -> bool:
        """After the 202: deny a topic we do not serve, else verify intent and apply."""
        if resolve_topic(req.topic, self.links, self.publications) is None:
            await self.deny(req, "unknown topic: not a feed of this hub")
            return False
        if not await self.verify(req):
            return False
        if req.mode == "subscribe":
            self.subs.upsert(req.callback, req.topic, req.lease_seconds, req.secret)
        else:
            self.subs.remove(req.callback, req.topic)
        return True

    async def verify(self, req: HubRequest) -> bool:
        """GET the callback (its own query kept); only an echoed challenge confirms."""
        challenge = secrets.token_urlsafe(24)
        params = {"hub.mode": req.mode, "hub.topic": req.topic, "hub.challenge": challenge}
        if req.mode == "subscribe":
            params["hub.lease_seconds"] = str(req.lease_seconds)
        try:
            reply = await send(self.client, "GET", req.callback, params=params)
        except PushError:
            return False
        return 200 <= reply.status < 300 and reply.body == challenge.encode()

    async def deny(self, req: HubRequest, reason: str) -> None:
        params = {"hub.mode": "denied", "hub.topic": req.topic, "hub.reason": reason}
        with contextlib.suppress(PushError):  # a courtesy; nothing is stored either way
            await send(self.client, "GET", req.callback, params=params)
