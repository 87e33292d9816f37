"""Enrichment: tags, summary, people and places (jieba, loaded once per process)."""

from publisher.enrich.enricher import Enricher, summarize

__all__ = ["Enricher", "summarize"]
