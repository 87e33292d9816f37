"""Ready responses: a feed answered before, answered again without the router.

A subscription feed is the hot path (readers poll it, mostly for 304s). The feed
handler, after building a response, records it here with the change token its
bytes were built for; the next request of the same kind (path, negotiated coding,
browser or reader, GET or HEAD, 200 or 304) is sent from the event loop straight
from those bytes and headers while the publication's last change is still that
token. Anything else (another method, a query string, a new change, a kind not
yet seen) goes to the app, which renders, answers and records.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Scope, Send

from publisher.render.service import FeedService
from publisher.web.compression import negotiate
from publisher.web.conditional import unchanged

Kind = tuple[str, str, bool]  # path, negotiated coding, browser
MAX_CODINGS = 256  # distinct Accept-Encoding values remembered


@dataclass
class Entry:
    slug: str
    token: dt.datetime | None
    etag: str
    last_modified: dt.datetime
    # (status, HEAD) -> raw headers and body, exactly as the app sent them
    responses: dict[tuple[int, bool], tuple[list[tuple[bytes, bytes]], bytes]] = field(
        default_factory=dict)


class ReadyFeeds:
    def __init__(self, service: FeedService) -> None:
        self.service = service
        self._entries: dict[Kind, Entry] = {}
        self._codings: dict[str, str] = {}

    def coding(self, accept_encoding: str) -> str:
        coding = self._codings.get(accept_encoding)
        if coding is None:
            coding = negotiate(accept_encoding)
            if len(self._codings) >= MAX_CODINGS:
                self._codings.clear()
            self._codings[accept_encoding] = coding
        return coding

    def record(self, request: Request, slug: str, token: dt.datetime | None,
               last_modified: dt.datetime, response: Response) -> None:
        """Called by the feed handler (in the thread pool) with what it answered."""
        if request.scope["query_string"] or response.status_code not in (200, 304):
            return
        h = request.headers
        kind = (request.scope["path"], self.coding(h.get("accept-encoding", "")),
                "text/html" in h.get("accept", ""))
        etag = response.headers["etag"]
        entry = self._entries.get(kind)
        if entry is None or entry.token != token or entry.etag != etag:
            # a new Entry, never a mutated one: the loop may be reading the old one
            entry = Entry(slug, token, etag, last_modified)
            self._entries[kind] = entry
        head = request.method == "HEAD"
        entry.responses[(response.status_code, head)] = (list(response.raw_headers),
                                                         bytes(response.body))

    def find(self, scope: Scope) -> tuple[int, list[tuple[bytes, bytes]], bytes] | None:
        """The status, headers and body to send, or None: the app answers."""
        if scope["method"] not in ("GET", "HEAD") or scope["query_string"]:
            return None
        ae = accept = inm = ims = None
        for name, value in scope["headers"]:  # the first of each, as Request.headers
            if name == b"accept-encoding":
                ae = ae if ae is not None else value.decode("latin-1")
            elif name == b"accept":
                accept = accept if accept is not None else value.decode("latin-1")
            elif name == b"if-none-match":
                inm = inm if inm is not None else value.decode("latin-1")
            elif name == b"if-modified-since":
                ims = ims if ims is not None else value.decode("latin-1")
        entry = self._entries.get((scope["path"], self.coding(ae or ""),
                                   "text/html" in (accept or "")))
        if entry is None:
            return None
        fresh, token = self.service.fresh_change(entry.slug)
        if not fresh or token != entry.token:
            return None
        status = 304 if unchanged(inm, ims, entry.etag, entry.last_modified) else 200
        sent = entry.responses.get((status, scope["method"] == "HEAD"))
        return None if sent is None else (status, *sent)


async def send_ready(send: Send, found: tuple[int, list[tuple[bytes, bytes]], bytes]) -> None:
    status, headers, body = found
    await send({"type": "http.response.start", "status": status, "headers": headers})
    await send({"type": "http.response.body", "body": body})
