"""The /websub route: hub requests answered 202, verification after the response."""

from __future__ import annotations

from starlette.background import BackgroundTask
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import BaseRoute, Route

from publisher.errors import PushError
from publisher.push.websub import Hub, parse_request

ABOUT = ("WebSub hub (W3C Recommendation). POST hub.mode=subscribe|unsubscribe, hub.topic "
         "(a feed URL of this site), hub.callback, optional hub.lease_seconds and hub.secret, "
         "form-encoded.\n")


async def websub(request: Request) -> Response:
    if request.method in ("GET", "HEAD"):
        return PlainTextResponse(ABOUT)
    ctype = request.headers.get("content-type", "").split(";")[0].strip().lower()
    if ctype != "application/x-www-form-urlencoded":
        return PlainTextResponse("415 form-encoded body expected\n", status_code=415)
    try:
        req = parse_request(await request.body())
    except PushError as e:
        return PlainTextResponse(f"400 {e}\n", status_code=400)
    push = getattr(request.app.state, "push", None)
    if push is None:
        return PlainTextResponse("503 the hub is not configured\n", status_code=503)
    hub: Hub = push.hub
    return PlainTextResponse("202 accepted: verification of intent follows\n",
                             status_code=202, background=BackgroundTask(hub.handle, req))


ROUTES: list[BaseRoute] = [
    Route("/websub", websub, methods=["GET", "HEAD", "POST"], name="websub"),
]
