"""Storage stage: the Store protocol and its SQLAlchemy implementation."""

from publisher.store.protocol import (
    EditionCommit,
    EditionRecord,
    FileRecord,
    Store,
    StoredPage,
)
from publisher.store.sql import SqlStore


def open_store(url: str, *, migrate: bool = True) -> SqlStore:
    store = SqlStore(url)
    if migrate:
        store.migrate()
    return store


__all__ = [
    "EditionCommit", "EditionRecord", "FileRecord", "SqlStore", "Store", "StoredPage",
    "open_store",
]
