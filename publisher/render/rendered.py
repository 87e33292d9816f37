"""A rendered document: its bytes, strong ETag, Last-Modified and compressed variants."""

from __future__ import annotations

import datetime as dt
import gzip
import hashlib
import threading
from dataclasses import dataclass, field

import brotli

EPOCH = dt.datetime(2000, 1, 1, tzinfo=dt.UTC)
HTML = "text/html; charset=utf-8"
MIN_COMPRESS = 256  # smaller bodies are sent as they are
ENCODINGS = ("br", "gzip")


@dataclass(frozen=True)
class Rendered:
    body: bytes
    etag: str
    last_modified: dt.datetime
    media_type: str
    _variants: dict[str, bytes] = field(default_factory=dict, compare=False, repr=False)
    _lock: threading.Lock = field(default_factory=threading.Lock, compare=False, repr=False)

    def compressible(self) -> bool:
        return len(self.body) >= MIN_COMPRESS

    def encoded(self, coding: str) -> tuple[bytes, str]:
        """The body in *coding* ('identity', 'br', 'gzip') and that representation's ETag.

        A compressed representation has its own strong ETag (the identity one with a
        suffix): different bytes, different validator, as RFC 9110 requires.
        """
        if coding == "identity":
            return self.body, self.etag
        with self._lock:
            data = self._variants.get(coding)
            if data is None:
                data = _compress(self.body, coding)
                self._variants[coding] = data
        return data, self.etag[:-1] + "-" + coding + '"'


def _compress(body: bytes, coding: str) -> bytes:
    if coding == "gzip":
        return gzip.compress(body, compresslevel=6, mtime=0)  # deterministic: no timestamp
    if coding == "br":
        # Compressed on the request path after each change: quality 11 costs hundreds
        # of milliseconds on a 50-item feed for a few percent of size; 5 costs a few.
        out: bytes = brotli.compress(body, quality=5)
        return out
    raise ValueError(f"unknown content coding {coding!r}")


def make_rendered(body: bytes, last_modified: dt.datetime | None, media_type: str) -> Rendered:
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    when = (last_modified or EPOCH).astimezone(dt.UTC).replace(microsecond=0)
    return Rendered(body, etag, when, media_type)
