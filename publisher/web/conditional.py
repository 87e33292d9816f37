"""Conditional GET: strong ETags, Last-Modified, 304s (RFC 9110 section 13)."""

from __future__ import annotations

from email.utils import format_datetime, parsedate_to_datetime

from starlette.requests import Request
from starlette.responses import Response

from publisher.render.service import Rendered


def not_modified(request: Request, rendered: Rendered) -> bool:
    inm = request.headers.get("if-none-match")
    if inm is not None:
        tags = {t.strip() for t in inm.split(",")}
        return "*" in tags or rendered.etag in tags
    ims = request.headers.get("if-modified-since")
    if ims:
        try:
            since = parsedate_to_datetime(ims)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            return False
        return rendered.last_modified.replace(microsecond=0) <= since
    return False


def respond(request: Request, rendered: Rendered, *, cache_control: str,
            extra: dict[str, str] | None = None) -> Response:
    headers = {
        "ETag": rendered.etag,
        "Last-Modified": format_datetime(rendered.last_modified, usegmt=True),
        "Cache-Control": cache_control,
        **(extra or {}),
    }
    if not_modified(request, rendered):
        return Response(status_code=304, headers=headers)
    body = b"" if request.method == "HEAD" else rendered.body
    resp = Response(body, media_type=rendered.media_type, headers=headers)
    if request.method == "HEAD":
        resp.headers["content-length"] = str(len(rendered.body))
    return resp
