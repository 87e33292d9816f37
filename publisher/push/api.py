"""The admin API's push part: /api/v1/subscriptions and /api/v1/deliveries (bearer token)."""

from __future__ import annotations

import datetime as dt
import hmac
from typing import Annotated

from fastapi import APIRouter, Depends, HTTPException, Query, Request, Response
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from pydantic import BaseModel, ConfigDict

from publisher.errors import PushError
from publisher.push.deliveries import DeliveryView
from publisher.push.services import PushServices
from publisher.push.subscriptions import SubscriptionIn, SubscriptionRecord

bearer = HTTPBearer(auto_error=False)


def services(request: Request) -> PushServices:
    push: PushServices | None = getattr(request.app.state, "push", None)
    if push is None:
        raise HTTPException(503, "push services are not configured in this process")
    return push


def require_token(
    push: Annotated[PushServices, Depends(services)],
    creds: Annotated[HTTPAuthorizationCredentials | None, Depends(bearer)],
) -> None:
    if not push.admin_token:
        raise HTTPException(503, "admin API disabled: settings.admin_token is not set")
    if creds is None or not hmac.compare_digest(creds.credentials.encode(),
                                                push.admin_token.encode()):
        raise HTTPException(401, "a valid bearer token is required",
                            headers={"WWW-Authenticate": "Bearer"})


router = APIRouter(prefix="/api/v1", tags=["push"], dependencies=[Depends(require_token)])
Push = Annotated[PushServices, Depends(services)]


class SubscriptionOut(BaseModel):
    """A subscription without its secret (shown on creation and rotation only)."""

    id: str
    url: str
    event_types: list[str]
    publication: str | None
    section: str | None
    enabled: bool
    disabled_reason: str | None
    origin: str
    failing_since: dt.datetime | None
    created_at: dt.datetime


class SubscriptionWithSecret(SubscriptionOut):
    secret: str
    previous_secret: str | None = None


class SubscriptionPatch(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: str | None = None
    event_types: list[str] | None = None
    publication: str | None = None
    section: str | None = None
    enabled: bool | None = None


class Replayed(BaseModel):
    replayed: list[str]


def _aware(value: dt.datetime) -> dt.datetime:
    if value.tzinfo is None:
        raise HTTPException(422, "since must carry a time zone (UTC-aware datetimes only)")
    return value.astimezone(dt.UTC)


def _fail(e: PushError) -> HTTPException:
    text = str(e)
    code = 404 if "no such" in text else 409 if "exists" in text else 422
    return HTTPException(code, text)


def _out(rec: SubscriptionRecord) -> SubscriptionOut:
    return SubscriptionOut.model_validate(rec.model_dump())


@router.get("/subscriptions")
def list_subscriptions(push: Push) -> list[SubscriptionOut]:
    return [_out(r) for r in push.subscriptions.find()]


@router.post("/subscriptions", status_code=201)
def add_subscription(push: Push, body: SubscriptionIn) -> SubscriptionWithSecret:
    try:
        push.guard.check_url(body.url)
        return SubscriptionWithSecret.model_validate(push.subscriptions.add(body).model_dump())
    except PushError as e:
        raise _fail(e) from e


@router.get("/subscriptions/{sid}")
def get_subscription(push: Push, sid: str) -> SubscriptionOut:
    try:
        return _out(push.subscriptions.get(sid))
    except PushError as e:
        raise _fail(e) from e


@router.patch("/subscriptions/{sid}")
def patch_subscription(push: Push, sid: str, body: SubscriptionPatch) -> SubscriptionOut:
    try:
        return _out(push.subscriptions.update(sid, **body.model_dump(exclude_unset=True)))
    except PushError as e:
        raise _fail(e) from e


@router.delete("/subscriptions/{sid}", status_code=204)
def delete_subscription(push: Push, sid: str) -> Response:
    try:
        push.subscriptions.remove(sid)
    except PushError as e:
        raise _fail(e) from e
    return Response(status_code=204)


@router.post("/subscriptions/{sid}/rotate-secret")
def rotate_secret(push: Push, sid: str) -> SubscriptionWithSecret:
    try:
        rec = push.subscriptions.rotate_secret(sid)
    except PushError as e:
        raise _fail(e) from e
    return SubscriptionWithSecret.model_validate(rec.model_dump())


@router.get("/deliveries")
def list_deliveries(push: Push, since: dt.datetime | None = None, status: str | None = None,
                    subscription: str | None = None,
                    limit: Annotated[int, Query(ge=1, le=1000)] = 100) -> list[DeliveryView]:
    return push.deliveries.find(since=_aware(since) if since else None, status=status,
                                subscription=subscription, limit=limit)


@router.post("/deliveries/replay")
def replay(push: Push, since: dt.datetime, subscription: str | None = None) -> Replayed:
    return Replayed(replayed=push.deliveries.replay(since=_aware(since),
                                                    subscription=subscription))


