"""Pure parts: retry policy, guard classification, signing against the reference library."""

from __future__ import annotations

import datetime as dt
import email.utils
import random

import pytest
from httpx import Headers
from standardwebhooks import Webhook

from publisher.errors import PushError
from publisher.push.guard import Guard
from publisher.push.retry import SCHEDULE, backoff, judge, retry_after
from publisher.push.signing import new_secret, secret_key, webhook_headers

NOW = dt.datetime(2026, 4, 2, tzinfo=dt.UTC)


def test_schedule_spans_about_a_day() -> None:
    total = sum(SCHEDULE, dt.timedelta())
    assert dt.timedelta(hours=26) < total < dt.timedelta(hours=29)
    rng = random.Random(3)
    for n, base in enumerate(SCHEDULE, start=1):
        d = backoff(n, rng)
        assert d is not None and 0.8 * base <= d <= 1.2 * base
    assert backoff(len(SCHEDULE) + 1, rng) is None


@pytest.mark.parametrize(("status", "want"), [
    (200, "delivered"), (204, "delivered"), (301, "failed"), (400, "failed"),
    (500, "failed"), (None, "failed"), (410, "dead")])
def test_judge(status: int | None, want: str) -> None:
    out = judge(1, NOW, status, None, random.Random(1))
    assert out.status == want
    assert (out.disable == "410 Gone") is (status == 410)


def test_retry_after_forms() -> None:
    assert retry_after(Headers({"retry-after": "120"}), NOW) == dt.timedelta(seconds=120)
    date = email.utils.format_datetime(NOW + dt.timedelta(minutes=10), usegmt=True)
    assert retry_after(Headers({"retry-after": date}), NOW) == dt.timedelta(minutes=10)
    assert retry_after(Headers({"retry-after": "soon"}), NOW) is None
    assert retry_after(Headers({"retry-after": "999999999"}), NOW) == dt.timedelta(days=1)
    out = judge(1, NOW, 429, Headers({"retry-after": "60"}), random.Random(1))
    assert out.next_attempt_at == NOW + dt.timedelta(seconds=60)
    out = judge(1, NOW, 500, Headers({"retry-after": "60"}), random.Random(1))
    assert out.next_attempt_at != NOW + dt.timedelta(seconds=60)  # only 429 and 503


@pytest.mark.parametrize("address", [
    "127.0.0.1", "127.8.9.10", "10.0.0.1", "172.16.5.4", "192.168.1.1", "169.254.169.254",
    "100.64.0.1", "100.127.255.254", "224.0.0.251", "239.1.2.3", "240.0.0.1",
    "255.255.255.255", "0.0.0.0", "::", "::1", "fe80::1", "fc00::1", "ff02::1",
    "::ffff:127.0.0.1", "::ffff:10.0.0.1", "::ffff:169.254.169.254", "2002:a00:1::1",
    "64:ff9b::7f00:1", "192.0.2.1", "198.18.0.1"])
def test_guard_refuses(address: str) -> None:
    assert Guard().blocked(address)
    with pytest.raises(PushError, match="outbound guard"):
        Guard().check_address(address, key="x")


@pytest.mark.parametrize("address", ["8.8.8.8", "1.1.1.1", "2606:4700:4700::1111",
                                     "::ffff:8.8.8.8", "100.128.0.1"])
def test_guard_lets_public_through(address: str) -> None:
    assert not Guard().blocked(address)


def test_guard_allow_networks() -> None:
    g = Guard(["127.0.0.1/32", "10.1.0.0/16"])
    assert not g.blocked("127.0.0.1") and not g.blocked("::ffff:127.0.0.1")
    assert not g.blocked("10.1.2.3") and g.blocked("10.2.0.1") and g.blocked("127.0.0.2")


def test_signature_matches_reference_library() -> None:
    secret = new_secret()
    assert len(secret_key(secret)) == 24
    body = '{"type":"article.published","data":{"headline":"桂林"}}'.encode()
    now = dt.datetime.now(dt.UTC)
    h = webhook_headers("msg_1", now, body, secret)
    assert h["webhook-signature"] == Webhook(secret).sign("msg_1", now, body.decode())
    Webhook(secret).verify(body, h)
    with pytest.raises(PushError):
        secret_key("not-a-secret")
