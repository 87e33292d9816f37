"""Enrichment: tags, summary, people and places.

The Enricher (publisher.enrich.enricher) holds jieba and is loaded once per
worker process; this package's top level stays import-cheap for the web path.
"""
