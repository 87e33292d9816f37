"""Query filters on any feed: ?limit=, ?keyword=, ?exclude= (pure, validated)."""

from __future__ import annotations

from collections.abc import Iterable
from urllib.parse import urlencode

from pydantic import BaseModel

from publisher.models import Article

MAX_LIMIT = 500
MAX_TERMS = 10
MAX_TERM_LEN = 50
KNOWN = ("limit", "keyword", "exclude")


class QueryError(ValueError):
    """A bad filter value; its message is the reason given with the 400."""


class FeedQuery(BaseModel, frozen=True):
    limit: int | None = None
    keywords: tuple[str, ...] = ()
    excludes: tuple[str, ...] = ()

    @property
    def empty(self) -> bool:
        return self.limit is None and not self.keywords and not self.excludes

    def query_string(self) -> str:
        """Canonical form: the cache key and the filtered feed's self link."""
        pairs: list[tuple[str, str]] = []
        if self.limit is not None:
            pairs.append(("limit", str(self.limit)))
        pairs += [("keyword", k) for k in self.keywords]
        pairs += [("exclude", k) for k in self.excludes]
        return urlencode(pairs)

    def matches(self, article: Article) -> bool:
        text = searchable(article)
        if self.keywords and not any(k in text for k in self.keywords):
            return False
        return not any(k in text for k in self.excludes)


def searchable(a: Article) -> str:
    return "\n".join([a.headline, a.kicker or "", a.subheadline or "", a.summary or "",
                      *a.paragraphs, *a.tags]).casefold()


def _terms(name: str, values: list[str]) -> tuple[str, ...]:
    terms: list[str] = []
    for value in values:
        for raw in value.split(","):
            term = raw.strip().casefold()
            if not term:
                raise QueryError(f"{name} must not be empty")
            if len(term) > MAX_TERM_LEN:
                raise QueryError(f"{name} must be at most {MAX_TERM_LEN} characters")
            if not term.isprintable():
                raise QueryError(f"{name} must not contain control characters")
            if term not in terms:
                terms.append(term)
    if len(terms) > MAX_TERMS:
        raise QueryError(f"at most {MAX_TERMS} {name} values")
    return tuple(terms)


def parse_query(items: Iterable[tuple[str, str]]) -> FeedQuery:
    """Parse the query's (name, value) pairs; unknown names are ignored (cache busters)."""
    grouped: dict[str, list[str]] = {k: [] for k in KNOWN}
    for name, value in items:
        if name in grouped:
            grouped[name].append(value)
    limit: int | None = None
    if grouped["limit"]:
        if len(grouped["limit"]) > 1:
            raise QueryError("limit given more than once")
        raw = grouped["limit"][0].strip()
        if (not raw.isascii() or not raw.isdigit() or len(raw) > 6
                or not 1 <= int(raw) <= MAX_LIMIT):
            raise QueryError(f"limit must be an integer from 1 to {MAX_LIMIT}")
        limit = int(raw)
    return FeedQuery(limit=limit, keywords=_terms("keyword", grouped["keyword"]),
                     excludes=_terms("exclude", grouped["exclude"]))
