"""JSON Feed 1.1 (https://jsonfeed.org/version/1.1), serialised through pydantic."""

from __future__ import annotations

from pydantic import BaseModel, ConfigDict, Field

from publisher.render.model import FeedDoc, FeedItem, local

VERSION = "https://jsonfeed.org/version/1.1"


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
    sections: list[str]


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
    version: str = VERSION
    title: str
    home_page_url: str
    feed_url: str
    description: str
    next_url: str | None = None
    language: str
    authors: list[JFAuthor]
    hubs: list[JFHub]
    expired: bool | None = None
    items: list[JFItem]


def _item(doc: FeedDoc, i: FeedItem) -> JFItem:
    a = i.article
    return JFItem(
        id=i.id, url=i.url, title=i.title, summary=i.summary,
        content_html=i.content_html, content_text=i.content_text,
        tags=list(dict.fromkeys([*(s.name for s in i.sections), *i.tags])),
        date_published=local(i.published, doc.zone).isoformat(),
        date_modified=local(i.updated, doc.zone, fraction=True).isoformat(),
        authors=[JFAuthor(name=x) for x in i.authors], language=doc.language,
        edition=JFEdition(
            publication=doc.publication.name, date=i.edition_date.isoformat(), page=a.page,
            page_name=a.page_name, kicker=a.kicker, subheadline=a.subheadline,
            pages=a.pages or [a.page], sections=[s.slug for s in i.sections]))


def render_json(doc: FeedDoc) -> bytes:
    feed = JSONFeed(
        title=doc.title, home_page_url=doc.home_url, feed_url=doc.self_urls["json"],
        description=doc.description, next_url=doc.prev_archive.get("json"),
        language=doc.language, authors=[JFAuthor(name=doc.publication.name)],
        hubs=[JFHub(type="WebSub", url=doc.hub_url)],
        items=[_item(doc, i) for i in doc.items])
    body = feed.model_dump_json(by_alias=True, exclude_none=True, indent=2)
    # <, > and & occur only inside JSON strings: escaped, the body is inert even if
    # a browser or a page embedding it mistakes it for HTML.
    return (body.translate(_INERT) + "\n").encode("utf-8")


_INERT = str.maketrans({"<": "\\u003c", ">": "\\u003e", "&": "\\u0026"})
