"""Which sections an article belongs to: by page, by topic keyword, or both."""

from __future__ import annotations

from publisher.models import Article, Publication, Section


def in_section(article: Article, section: Section) -> bool:
    if section.pages and set(article.pages or [article.page]) & set(section.pages):
        return True
    if section.keywords:
        text = "".join([article.headline, article.kicker or "", article.subheadline or "",
                        *article.paragraphs, *article.tags])
        return any(k in text for k in section.keywords)
    return False


def sections_for(article: Article, publication: Publication) -> list[Section]:
    return [s for s in publication.sections if in_section(article, s)]
