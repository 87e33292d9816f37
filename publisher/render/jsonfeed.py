"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1), serialised through pydantic."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from publisher.render.model import FeedDoc, local


class JFAuthor(BaseModel):
    name: str


class JFHub(BaseModel):
    type: str
    url: str


class JFEdition(BaseModel):
    """Our `_edition` extension object: where the article stood in the paper."""

    publication: str
    date: str
    page: int
    page_name: str | None
    kicker: str | None
    subheadline: str | None
    pages: list[int]


class JFItem(BaseModel):
    model_config = ConfigDict(populate_by_name=True)

    id: str
    url: str
    title: str
    summary: str | None = None
    content_html: str
    content_text: str
    tags: list[str] = Field(default_factory=list)
    date_published: str
    date_modified: str
    authors: list[JFAuthor] = Field(default_factory=list)
    language: str
    edition: JFEdition = Field(serialization_alias="_edition")


class JSONFeed(BaseModel):
    version: str = "https://jsonfeed.org/version/1.1"
    title: str
    home_page_url: str
    feed_url: str
    description: str
    language: str
    authors: list[JFAuthor]
    hubs: list[JFHub]
    items: list[JFItem]


def render_json(doc: FeedDoc) -> bytes:
    pub = doc.publication
    feed = JSONFeed(
        title=doc.title, home_page_url=doc.home_url, feed_url=doc.self_urls["json"],
        description=doc.description, language=doc.language,
        authors=[JFAuthor(name=pub.name)], hubs=[JFHub(type="WebSub", url=doc.hub_url)],
        items=[JFItem(
            id=i.id, url=i.url, title=i.title, summary=i.summary,
            content_html=i.content_html, content_text=i.content_text,
            tags=[*i.section_names, *i.tags],
            date_published=local(i.published, doc.zone).isoformat(),
            date_modified=local(i.updated, doc.zone).isoformat(),
            authors=[JFAuthor(name=a) for a in i.authors], language=doc.language,
            edition=JFEdition(
                publication=pub.name, date=i.edition_date.isoformat(), page=i.article.page,
                page_name=i.article.page_name, kicker=i.article.kicker,
                subheadline=i.article.subheadline, pages=i.article.pages or [i.article.page]),
        ) for i in doc.items])
    return feed.model_dump_json(by_alias=True, exclude_none=True, indent=2).encode("utf-8")
