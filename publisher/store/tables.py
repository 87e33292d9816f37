"""The schema, as SQLAlchemy Core tables (migrations in store/migrations)."""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import (
    JSON,
    Boolean,
    Column,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    LargeBinary,
    MetaData,
    String,
    Table,
    Text,
    TypeDecorator,
    UniqueConstraint,
)
from sqlalchemy.engine import Dialect


class UTCDateTime(TypeDecorator[dt.datetime]):
    """Stores UTC, always returns aware UTC datetimes (SQLite keeps no zone)."""

    impl = DateTime(timezone=True)
    cache_ok = True

    def process_bind_param(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            raise ValueError("naive datetime given to the store")
        value = value.astimezone(dt.UTC)
        return value.replace(tzinfo=None) if dialect.name == "sqlite" else value

    def process_result_value(self, value: Any, dialect: Dialect) -> Any:
        if value is None:
            return None
        if value.tzinfo is None:
            return value.replace(tzinfo=dt.UTC)
        return value.astimezone(dt.UTC)


metadata = MetaData()

editions = Table(
    "editions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("publication", String(64), nullable=False),
    Column("date", Date, nullable=False),
    Column("name", String(200), nullable=False),
    Column("publish_at", UTCDateTime, nullable=False),
    Column("published_at", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
    Column("updated_at", UTCDateTime, nullable=False),
    UniqueConstraint("publication", "date", name="uq_editions_pub_date"),
)

pages = Table(
    "pages",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("edition_id", Integer, ForeignKey("editions.id", ondelete="CASCADE"), nullable=False),
    Column("number", Integer, nullable=False),
    Column("name", String(200)),
    Column("file", Text),
    Column("sha256", String(64), nullable=False),
    Column("content", LargeBinary, nullable=False),
    Column("ingested_at", UTCDateTime, nullable=False),
    UniqueConstraint("edition_id", "number", name="uq_pages_edition_number"),
)

articles = Table(
    "articles",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("edition_id", Integer, ForeignKey("editions.id", ondelete="CASCADE"), nullable=False),
    Column("publication", String(64), nullable=False),
    Column("edition_date", Date, nullable=False),
    Column("key", String(64), nullable=False),
    Column("position", Integer, nullable=False),
    Column("data", JSON, nullable=False),
    Column("content_hash", String(64), nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    Column("published_at", UTCDateTime),
    Column("updated_at", UTCDateTime, nullable=False),
    Column("withdrawn", Boolean, nullable=False, default=False),
    UniqueConstraint("publication", "edition_date", "key", name="uq_articles_key"),
    Index("ix_articles_pub_published", "publication", "published_at"),
)

events = Table(
    "events",
    metadata,
    Column("seq", Integer, primary_key=True, autoincrement=True),
    Column("id", String(64), nullable=False, unique=True),
    Column("type", String(64), nullable=False),
    Column("timestamp", UTCDateTime, nullable=False),
    Column("publication", String(64)),
    Column("section", String(64)),
    Column("data", JSON, nullable=False),
    # set once the event has been fanned out into deliveries
    Column("dispatched_at", UTCDateTime),
    Index("ix_events_undispatched", "dispatched_at", "seq"),
)

ingest_files = Table(
    "ingest_files",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text, nullable=False),
    Column("sha256", String(64)),
    Column("status", String(16), nullable=False),  # ingested | unchanged | quarantined
    Column("error", Text),
    Column("received_at", UTCDateTime, nullable=False),
    Column("processed_at", UTCDateTime, nullable=False),
)

subscriptions = Table(
    "subscriptions",
    metadata,
    Column("id", String(64), primary_key=True),
    Column("url", Text, nullable=False),
    Column("secret", String(200), nullable=False),
    Column("previous_secret", String(200)),
    Column("secret_rotated_at", UTCDateTime),
    Column("event_types", JSON, nullable=False),
    Column("publication", String(64)),
    Column("section", String(64)),
    Column("enabled", Boolean, nullable=False, default=True),
    Column("disabled_reason", Text),
    Column("origin", String(16), nullable=False, default="api"),  # api | config
    Column("failing_since", UTCDateTime),
    Column("created_at", UTCDateTime, nullable=False),
)

deliveries = Table(
    "deliveries",
    metadata,
    Column("id", String(64), primary_key=True),  # the webhook-id, stable across retries
    Column("event_seq", Integer, ForeignKey("events.seq", ondelete="CASCADE"), nullable=False),
    Column(
        "subscription_id",
        String(64),
        ForeignKey("subscriptions.id", ondelete="CASCADE"),
        nullable=False,
    ),
    Column("status", String(16), nullable=False),  # pending | delivered | failed | dead
    Column("attempts", Integer, nullable=False, default=0),
    Column("next_attempt_at", UTCDateTime),
    Column("claimed_until", UTCDateTime),
    Column("last_status", Integer),
    Column("last_error", Text),
    Column("created_at", UTCDateTime, nullable=False),
    Column("delivered_at", UTCDateTime),
    UniqueConstraint("event_seq", "subscription_id", name="uq_deliveries_event_sub"),
    Index("ix_deliveries_due", "status", "next_attempt_at"),
)

delivery_attempts = Table(
    "delivery_attempts",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column(
        "delivery_id", String(64), ForeignKey("deliveries.id", ondelete="CASCADE"), nullable=False
    ),
    Column("at", UTCDateTime, nullable=False),
    Column("status_code", Integer),
    Column("duration_ms", Integer, nullable=False),
    Column("error", Text),
    Column("response", Text),
)

websub_subscriptions = Table(
    "websub_subscriptions",
    metadata,
    Column("id", Integer, primary_key=True, autoincrement=True),
    Column("callback", Text, nullable=False),
    Column("topic", Text, nullable=False),
    Column("secret", String(200)),
    Column("lease_seconds", Integer, nullable=False),
    Column("expires_at", UTCDateTime, nullable=False),
    Column("created_at", UTCDateTime, nullable=False),
    # a failed distribution waits here for its retry, surviving a restart
    Column("retry_at", UTCDateTime),
    Column("retry_attempt", Integer),
    UniqueConstraint("callback", "topic", name="uq_websub_callback_topic"),
)
