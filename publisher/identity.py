"""Article identity: short keys inside an edition, tag: URIs outside.

The parser gives every article a provisional key from its first page and
headline; ingest reconciles keys with what the store already holds so that a
corrected headline keeps its id (publisher.ingest.changes).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import re

_SPACE = re.compile(r"\s+")


def article_key(page: int, headline: str, salt: str = "") -> str:
    """A URL-safe key, unique within an edition: page number and headline hash."""
    text = _SPACE.sub("", headline) + salt
    digest = hashlib.blake2s(text.encode("utf-8"), digest_size=5).hexdigest()
    return f"{page:02d}-{digest}"


def tag_uri(authority: str, publication: str, edition: dt.date, key: str) -> str:
    """RFC 4151 tag URI, the article's guid / atom:id / JSON Feed id."""
    return f"tag:{authority},{edition.isoformat()}:{publication}/{edition.isoformat()}/{key}"
