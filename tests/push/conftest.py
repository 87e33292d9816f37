from __future__ import annotations

from collections.abc import AsyncIterator

import httpx
import pytest

from publisher.clock import FixedClock
from publisher.push.guard import Guard
from publisher.push.transport import make_client

from .helpers import Receiver, real_now_clock

LOOPBACK = ["127.0.0.1/32"]


@pytest.fixture
def now_clock() -> FixedClock:
    return real_now_clock()


@pytest.fixture
async def client() -> AsyncIterator[httpx.AsyncClient]:
    c = make_client(Guard(LOOPBACK))
    yield c
    await c.aclose()


@pytest.fixture
async def receiver() -> AsyncIterator[Receiver]:
    r = await Receiver().start()
    yield r
    await r.stop()
