"""The retry policy: pure, given the attempt count, the clock's now and the reply."""

from __future__ import annotations

import datetime as dt
import email.utils
import random
from dataclasses import dataclass
from typing import Literal

from httpx import Headers

# Delays after the 1st, 2nd, ... failed attempt: 8 attempts over about 28 hours.
SCHEDULE: tuple[dt.timedelta, ...] = (
    dt.timedelta(seconds=5), dt.timedelta(minutes=5), dt.timedelta(minutes=30),
    dt.timedelta(hours=2), dt.timedelta(hours=5), dt.timedelta(hours=10),
    dt.timedelta(hours=10),
)
JITTER = 0.2  # ±20 %
MAX_RETRY_AFTER = dt.timedelta(days=1)
DISABLE_AFTER = dt.timedelta(days=5)  # an endpoint failing every attempt this long


@dataclass(frozen=True)
class Outcome:
    status: Literal["delivered", "failed", "dead"]
    next_attempt_at: dt.datetime | None = None
    disable: str | None = None  # why the endpoint is to be disabled


def retry_after(headers: Headers | None, now: dt.datetime) -> dt.timedelta | None:
    """Retry-After as seconds or an HTTP date; None when absent or unreadable."""
    value = (headers or Headers()).get("retry-after", "").strip()
    if not value:
        return None
    if value.isdigit():
        delay = dt.timedelta(seconds=int(value))
    else:
        try:
            when = email.utils.parsedate_to_datetime(value)
        except (TypeError, ValueError):
            return None
        if when.tzinfo is None:
            return None
        delay = when - now
    return max(dt.timedelta(0), min(delay, MAX_RETRY_AFTER))


def backoff(attempts_made: int, rng: random.Random) -> dt.timedelta | None:
    """The jittered delay after `attempts_made` attempts, None when they are used up."""
    if attempts_made < 1 or attempts_made > len(SCHEDULE):
        return None
    return SCHEDULE[attempts_made - 1] * rng.uniform(1 - JITTER, 1 + JITTER)


def judge(attempts_made: int, now: dt.datetime, status: int | None,
          headers: Headers | None, rng: random.Random) -> Outcome:
    """What follows an attempt. status None: no response at all (refused, timeout).
    2xx delivered; 410 gone for good (endpoint disabled); 3xx, 4xx, 5xx retried;
    429 and 503 come back when Retry-After says."""
    if status is not None and 200 <= status < 300:
        return Outcome("delivered")
    if status == 410:
        return Outcome("dead", disable="410 Gone")
    delay = backoff(attempts_made, rng)
    if delay is None:
        return Outcome("dead")
    if status in (429, 503):
        asked = retry_after(headers, now)
        if asked is not None:
            delay = asked
    return Outcome("failed", now + delay)
