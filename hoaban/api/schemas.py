"""What the read API returns. Only these fields ever leave the server: no draft revision,
no editor, no reader comment or e-mail address is part of any schema."""

from datetime import datetime

from ninja import Schema


class Image(Schema):
    url: str
    width: int
    height: int
    alt: str
    caption: str
    credit: str


class SectionRef(Schema):
    id: int
    title: str
    slug: str


class Source(Schema):
    name: str
    url: str


class Article(Schema):
    """An article; every field is optional so `?fields=` can pick a subset."""

    id: int | None = None
    title: str | None = None
    slug: str | None = None
    url: str | None = None
    locale: str | None = None
    date: datetime | None = None
    updated: datetime | None = None
    dateline: str | None = None
    lead: str | None = None
    byline: str | None = None
    section: SectionRef | None = None
    tags: list[str] | None = None
    topics: list[int] | None = None
    image: Image | None = None
    video_url: str | None = None
    source: Source | None = None
    translation_key: str | None = None


class ArticleDetail(Article):
    body_html: str | None = None


class ArticlePage(Schema):
    count: int
    limit: int
    offset: int
    next: str | None
    previous: str | None
    items: list[Article]


class MostReadArticle(Article):
    reads: int


class MostRead(Schema):
    """A most-read rail: counted reads in whole clock hours (UTC) from `since` until now."""

    locale: str
    section: SectionRef | None
    window: str
    since: datetime
    items: list[MostReadArticle]


class Section(Schema):
    id: int
    title: str
    slug: str
    label: str
    url: str
    locale: str
    introduction: str
    lists_videos: bool


class Topic(Schema):
    id: int
    title: str
    slug: str
    url: str
    locale: str
    introduction_html: str
    translation_key: str


class Error(Schema):
    detail: str


class Invalid(Schema):
    """A query parameter of the wrong type or out of range."""

    detail: list[dict]


class Endpoint(Schema):
    method: str
    url: str
    summary: str


class ApiIndex(Schema):
    """What this API offers, with links to its documents."""

    title: str
    version: str
    openapi: str
    docs: str
    endpoints: list[Endpoint]
