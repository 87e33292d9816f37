"""Conditional GET: strong ETags per representation, Last-Modified, 304s (RFC 9110 §13)."""

from __future__ import annotations

import datetime as dt
from email.utils import format_datetime, parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

from publisher.render.rendered import Rendered
from publisher.web.compression import negotiate


def _etag_matches(header: str, etag: str) -> bool:
    """If-None-Match uses the weak comparison: W/"x" matches "x"."""
    if header == etag:  # a reader sending back the one ETag it was given
        return True
    tags = {t.strip().removeprefix("W/") for t in header.split(",")}
    return "*" in tags or etag in tags


def not_modified(request: Request, etag: str, last_modified: dt.datetime) -> bool:
    return unchanged(request.headers.get("if-none-match"),
                     request.headers.get("if-modified-since"), etag, last_modified)


def unchanged(inm: str | None, ims: str | None, etag: str, last_modified: dt.datetime) -> bool:
    """A 304 is due, given the request's If-None-Match and If-Modified-Since."""
    if inm is not None:  # when present, If-Modified-Since is ignored
        return _etag_matches(inm, etag)
    if ims:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError, IndexError):
            return False
        if since.tzinfo is None:
            return False
        return last_modified.replace(microsecond=0) <= since
    return False


def respond(request: Request, rendered: Rendered, *, cache_control: str,
            extra: dict[str, str] | None = None, media_type: str | None = None,
            vary: tuple[str, ...] = ()) -> Response:
    """200 (or 304) with the representation the client accepts; HEAD sends no body."""
    coding = "identity"
    headers = {"Cache-Control": cache_control}
    varies = list(vary)
    if rendered.compressible():
        coding = negotiate(request.headers.get("accept-encoding"))
        varies.append("Accept-Encoding")
    if varies:
        headers["Vary"] = ", ".join(varies)
    body, etag = rendered.encoded(coding)
    headers.update({"ETag": etag,
                    "Last-Modified": format_datetime(rendered.last_modified, usegmt=True)})
    headers.update(extra or {})
    if request.method in ("GET", "HEAD") and not_modified(request, etag, rendered.last_modified):
        return Response(status_code=304, headers=headers)
    if coding != "identity":
        headers["Content-Encoding"] = coding
    resp = Response(b"" if request.method == "HEAD" else body,
                    media_type=media_type or rendered.media_type,
                    headers=headers)
    resp.headers["content-length"] = str(len(body))
    return resp
