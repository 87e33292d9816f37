"""Deciding what changed between the stored and the newly parsed edition.

Pure logic: no store, no clock. Ids are reconciled first so that a corrected
headline, or an article that moved, keeps the id it was published under.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from difflib import SequenceMatcher

from pydantic import BaseModel, Field

from publisher.models import Article

# How alike two bodies must be for a re-parsed article to keep an old id.
SAME_ARTICLE_RATIO = 0.6


def content_hash(article: Article) -> str:
    raw = json.dumps(article.content_key(), ensure_ascii=False, sort_keys=True)
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Updated(BaseModel):
    article: Article
    changed: list[str]


class EditionDiff(BaseModel):
    """The outcome of re-parsing an edition against what the store holds."""

    articles: list[Article] = Field(default_factory=list, description="reconciled, in order")
    new: list[Article] = Field(default_factory=list)
    updated: list[Updated] = Field(default_factory=list)
    withdrawn: list[Article] = Field(default_factory=list)
    unchanged: list[Article] = Field(default_factory=list)

    @property
    def changed(self) -> bool:
        return bool(self.new or self.updated or self.withdrawn)


def _body(a: Article) -> str:
    return "".join(a.paragraphs)[:400]


def _similar(a: Article, b: Article) -> float:
    return SequenceMatcher(None, _body(a), _body(b), autojunk=False).ratio()


def reconcile_ids(old: list[Article], new: list[Article]) -> list[Article]:
    """Give each new article the id of the old article it is, when there is one.

    Same id first; then, for the rest, the most similar unclaimed old article
    by body. An id never moves to a different article: unmatched new
    articles keep (or are salted into) fresh ids.
    """
    old_by_id = {a.id: a for a in old}
    claimed: set[str] = {a.id for a in new if a.id in old_by_id}
    out: list[Article] = []
    for art in new:
        if art.id in old_by_id:
            out.append(art)
            continue
        best, best_ratio = None, SAME_ARTICLE_RATIO
        for cand in old:
            if cand.id in claimed:
                continue
            r = _similar(cand, art)
            if r >= best_ratio:
                best, best_ratio = cand, r
        if best is not None:
            claimed.add(best.id)
            out.append(art.model_copy(update={"id": best.id}))
        else:
            out.append(art)
    taken: set[str] = set()
    final: list[Article] = []
    for art in out:
        key, n = art.id, 1
        while key in taken or (key in old_by_id and key not in claimed):
            n += 1
            key = f"{art.id}-{n}"
        taken.add(key)
        final.append(art if key == art.id else art.model_copy(update={"id": key}))
    return final


def changed_fields(old: Article, new: Article) -> list[str]:
    a, b = old.content_key(), new.content_key()
    return sorted(k for k in b if a.get(k) != b.get(k))


def diff_edition(old: list[Article], withdrawn_ids: set[str], new: list[Article]) -> EditionDiff:
    """Compare stored articles (old; some already withdrawn) with a fresh parse."""
    articles = reconcile_ids(old, new)
    old_by_id = {a.id: a for a in old}
    result = EditionDiff(articles=articles)
    seen: set[str] = set()
    for art in articles:
        seen.add(art.id)
        prev = old_by_id.get(art.id)
        if prev is None or art.id in withdrawn_ids:
            result.new.append(art)
            continue
        fields = changed_fields(prev, art)
        if fields:
            result.updated.append(Updated(article=art, changed=fields))
        else:
            result.unchanged.append(art)
    for a in old:
        if a.id not in seen and a.id not in withdrawn_ids:
            result.withdrawn.append(a)
    return result


# A page this long after its edition's release is an archive being filled in.
LATE_PAGE = dt.timedelta(hours=24)


def first_published(publish_at: dt.datetime, now: dt.datetime, *, release: bool) -> dt.datetime:
    """When articles that go public in this ingest count as published.

    With the release: the edition's publish time. A page arriving later the same
    day: the moment it arrived, so readers see it as new. A page of an edition a
    day or more past its release (a back-filled archive): the edition's publish
    time, so old news does not top the feeds as today's.
    """
    if release or now - publish_at >= LATE_PAGE:
        return publish_at
    return now
