"""Ingest: from a page file to stored articles and outbox events."""
