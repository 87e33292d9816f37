"""Standard Webhooks signatures (v1, HMAC-SHA256) and WebSub's X-Hub-Signature."""

from __future__ import annotations

import base64
import datetime as dt
import hashlib
import hmac
import secrets

from publisher.errors import PushError

PREFIX = "whsec_"
ROTATION_OVERLAP = dt.timedelta(hours=24)


def new_secret() -> str:
    return PREFIX + base64.b64encode(secrets.token_bytes(24)).decode()


def secret_key(secret: str) -> bytes:
    """The HMAC key of a `whsec_` secret: its base64-decoded tail."""
    if not secret.startswith(PREFIX):
        raise PushError("a webhook secret must start with whsec_", key="secret")
    try:
        return base64.b64decode(secret.removeprefix(PREFIX), validate=True)
    except ValueError as e:
        raise PushError("a webhook secret must be whsec_ + base64", key="secret") from e


def sign(secret: str, msg_id: str, timestamp: int, body: bytes) -> str:
    signed = f"{msg_id}.{timestamp}.".encode() + body
    mac = hmac.new(secret_key(secret), signed, hashlib.sha256).digest()
    return "v1," + base64.b64encode(mac).decode()


def webhook_headers(
    msg_id: str, stamp: dt.datetime, body: bytes, secret: str,
    previous_secret: str | None = None, rotated_at: dt.datetime | None = None,
    now: dt.datetime | None = None,
) -> dict[str, str]:
    """The three Standard Webhooks headers; both signatures for 24 h after a rotation.
    `stamp` is the real send time; `now` (the injected clock) judges the 24 h."""
    ts = int(stamp.timestamp())
    now = now or stamp
    sigs = [sign(secret, msg_id, ts, body)]
    if previous_secret and rotated_at and now - rotated_at < ROTATION_OVERLAP:
        sigs.append(sign(previous_secret, msg_id, ts, body))
    return {"webhook-id": msg_id, "webhook-timestamp": str(ts),
            "webhook-signature": " ".join(sigs)}


def hub_signature(secret: str, body: bytes) -> str:
    """WebSub's X-Hub-Signature value: sha256=<hex HMAC of the body>."""
    return "sha256=" + hmac.new(secret.encode(), body, hashlib.sha256).hexdigest()
