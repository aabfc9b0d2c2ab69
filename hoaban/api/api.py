"""The read-only JSON API for apps and partners, with its OpenAPI document.

Built on django-ninja, the library Wagtail 8's own v3 API uses; docs/api.md says why not
Wagtail's API v2 or v3 as they are.
"""

import re
from datetime import date
from functools import cache
from typing import Annotated, Literal

from django.conf import settings
from django.db.models import Q
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from ninja import NinjaAPI, Path, Query, Swagger
from ninja.errors import HttpError
from pydantic import BeforeValidator
from wagtail.models import Locale, Site

from hoaban.core.models import NewsroomSettings
from hoaban.core.public_url import absolute_url
from hoaban.core.sites import current_site, read_site, site_named
from hoaban.core.visibility import seen, visible
from hoaban.search import query as reader_query
from hoaban.search import services as search_service
from hoaban.seo.structured_data import ShareContext
from hoaban.tagging import labels as tag_labels

from . import articles as service
from .schemas import (
    ApiIndex,
    ArticleDetail,
    ArticlePage,
    Error,
    Invalid,
    MostRead,
    Section,
    Topic,
)
from .strict_query import learn_parameters


class VendoredSwagger(Swagger):
    """The docs page on the Swagger UI vendored with its licence in hoaban/api/static/api/."""

    template = "api/swagger.html"


LanguageCode = Literal[tuple(code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES)]
MAX_LIMIT = 100

api = NinjaAPI(
    title="Hoa Ban read API",
    version="1",
    description=(
        "Published articles, sections and topics of every language edition. Read-only; "
        "drafts and private pages are never returned. Responses carry ETag and Last-Modified "
        "and answer conditional requests with 304."
    ),
    urls_namespace="read_api",
    docs=VendoredSwagger(),
    docs_url="/docs/",
    openapi_url="/openapi.json",
)
# What a 400 means on every endpoint, in the OpenAPI document.
BAD_REQUEST = {
    "responses": {
        400: {
            "description": (
                "A query parameter the endpoint does not take, a name in `fields` that is not "
                "an article field, a `site` the install does not serve, or a NUL character in "
                "a parameter; `detail` says which."
            )
        }
    }
}


def _iso_date(value):
    # Pydantic also reads a number as a Unix time, so `until=0` meant 1 January 1970.
    if not isinstance(value, date) and not re.fullmatch(r"\d{4}-\d{2}-\d{2}", str(value)):
        raise ValueError("Use a date written YYYY-MM-DD.")
    return value


IsoDate = Annotated[date, BeforeValidator(_iso_date)]


def _share(request) -> ShareContext:
    site = current_site()
    return ShareContext(request, NewsroomSettings.for_site(site).publisher_name if site else "")


def _read_site(request, hostname: str | None) -> None:
    """Answer for the site named by `?site=` instead of the one the request's host names."""
    if not hostname:
        return
    site = site_named(hostname)
    if site is None:
        known = Site.objects.order_by("hostname").values_list("hostname", flat=True)
        raise HttpError(
            400,
            _("No site has the host name “%(site)s”. Sites: %(known)s.")
            % {"site": hostname, "known": ", ".join(dict.fromkeys(known))},
        )
    read_site(request, site)


def _locale(code):
    if code is None:
        return None
    return Locale.objects.filter(language_code=code).first() or Locale(language_code=code, pk=0)


def _published(model, locale_code):
    """Visible pages of one type in tree order, of one edition when a locale is given."""
    pages = visible(model.objects).select_related("locale").order_by("path")
    language = _locale(locale_code)
    return pages if language is None else pages.filter(locale=language)


def _one_published(model, pk):
    return get_object_or_404(visible(model.objects).select_related("locale"), pk=pk)


def _fields(requested: str | None, default=service.DEFAULT_FIELDS):
    if not requested:
        return default
    names = [name.strip() for name in requested.split(",") if name.strip()]
    unknown = [name for name in names if name not in service.ARTICLE_FIELDS]
    if unknown:
        raise HttpError(
            400,
            _("Unknown field(s): %(unknown)s. Choose from: %(known)s.")
            % {"unknown": ", ".join(unknown), "known": ", ".join(service.ARTICLE_FIELDS)},
        )
    return tuple(dict.fromkeys(names))


def _page_link(request, offset, limit, count):
    if offset < 0 or offset >= count:
        return None
    query = request.GET.copy()
    query["offset"] = str(offset)
    query["limit"] = str(limit)
    return absolute_url(f"{request.path}?{query.urlencode()}")


def _paged(request, share, queryset, fields, limit, offset, count=None):
    count = queryset.count() if count is None else count
    window = service.load(queryset[offset : offset + limit], fields)
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": _page_link(request, offset + limit, limit, count),
        "previous": _page_link(request, max(offset - limit, 0), limit, count) if offset else None,
        "items": [service.article_data(share, article, fields) for article in window],
    }


PageId = Path(..., ge=1, le=2**31 - 1, description="The page's id.")
Limit = Query(20, ge=1, le=MAX_LIMIT, description="Items per page (1–100).")
Offset = Query(0, ge=0, le=100_000, description="Items to skip.")
SiteParam = Query(
    None,
    description=(
        "Host name of the site whose content to return, e.g. `localhost`; by default the site "
        "the request's host names. Addresses in the answer are on that site's; an unknown host "
        "name is answered 400 with the known ones."
    ),
)
FieldsParam = Query(
    None,
    description=(
        "Comma-separated article fields to return, e.g. `id,title,url`; any other name is "
        f"answered 400. Fields: {', '.join(service.ARTICLE_FIELDS)}. Default: all."
    ),
)


@api.get(
    "/",
    response={200: ApiIndex, 400: Error},
    tags=["index"],
    summary="This API's endpoints and documents",
    openapi_extra=BAD_REQUEST,
)
def api_index(request: HttpRequest):
    return {
        "title": api.title,
        "version": api.version,
        "openapi": absolute_url(reverse("read_api:openapi-json")),
        "docs": absolute_url(reverse("read_api:openapi-view")),
        "endpoints": [
            {**endpoint, "url": absolute_url(endpoint["url"])} for endpoint in _endpoints()
        ],
    }


@cache
def _endpoints() -> list[dict]:
    root = reverse("read_api:api_index")
    return [
        {"method": method, "url": root + path.lstrip("/"), "summary": operation.summary or ""}
        for path, path_view in api.default_router.path_operations.items()
        if path != "/"
        for operation in path_view.operations
        if operation.include_in_schema
        for method in operation.methods
    ]


@api.get(
    "/articles/",
    response={200: ArticlePage, 400: Error, 422: Invalid},
    openapi_extra=BAD_REQUEST,
    exclude_unset=True,
    tags=["articles"],
    summary="List published articles, newest first",
)
def list_articles(
    request: HttpRequest,
    locale: LanguageCode | None = Query(None, description="Language edition."),
    section: str | None = Query(None, description="Section slug."),
    tag: str | None = Query(
        None, description="Tag slug: the tag's own, or its slug in the `locale` edition."
    ),
    topic: str | None = Query(None, description="Topic slug."),
    since: IsoDate | None = Query(None, description="Published on or after this date."),
    until: IsoDate | None = Query(None, description="Published on or before this date."),
    site: str | None = SiteParam,
    fields: str | None = FieldsParam,
    limit: int = Limit,
    offset: int = Offset,
):
    from hoaban.sections.models import SectionPage
    from hoaban.topics.models import TopicPage

    _read_site(request, site)
    chosen = _fields(fields)
    articles = service.article_queryset()
    language = _locale(locale)
    if language is not None:
        articles = articles.filter(locale=language)
    if section:
        sections = visible(SectionPage.objects).filter(slug=section)
        if language is not None:
            sections = sections.filter(locale=language)
        in_sections = Q(pk__in=[])
        for path in sections.values_list("path", flat=True):
            in_sections |= Q(path__startswith=path)
        articles = articles.filter(in_sections)
    if tag:
        ids = tag_labels.tag_ids_for_slug(tag, language)
        articles = articles.filter(tagged_items__tag__in=ids).distinct()
    if topic:
        keys = visible(TopicPage.objects).filter(slug=topic).values("translation_key")
        articles = articles.filter(topics__translation_key__in=keys).distinct()
    if since:
        articles = articles.filter(date__date__gte=since)
    if until:
        articles = articles.filter(date__date__lte=until)
    return _paged(request, _share(request), articles, chosen, limit, offset)


@api.get(
    "/articles/{article_id}/",
    response={200: ArticleDetail, 400: Error, 404: Error, 422: Invalid},
    openapi_extra=BAD_REQUEST,
    exclude_unset=True,
    tags=["articles"],
    summary="One published article with its body",
)
def get_article(
    request: HttpRequest,
    article_id: int = PageId,
    site: str | None = SiteParam,
    fields: str | None = FieldsParam,
):
    _read_site(request, site)
    chosen = _fields(fields, default=(*service.DEFAULT_FIELDS, "translation_key"))
    found = service.load(service.article_queryset(with_body=True).filter(pk=article_id), chosen)
    if not found:
        raise Http404(_("No published article has this id."))
    article = found[0]
    data = service.article_data(_share(request), article, chosen)
    if not fields:
        # The body's own words (a photo's "Photo:" credit label) are in the article's language,
        # whatever language the client's messages are in.
        with translation.override(article.locale.language_code):
            data["body_html"] = str(article.body)
    return data


@api.get(
    "/sections/",
    response={200: list[Section], 400: Error, 422: Invalid},
    openapi_extra=BAD_REQUEST,
    tags=["sections"],
    summary="Sections of the editions, in menu order",
)
def list_sections(
    request: HttpRequest,
    locale: LanguageCode | None = Query(None),
    site: str | None = SiteParam,
):
    from hoaban.sections.models import SectionPage

    _read_site(request, site)
    share = _share(request)
    return [_section_data(share, section) for section in _published(SectionPage, locale)]


@api.get(
    "/sections/{section_id}/",
    response={200: Section, 400: Error, 404: Error, 422: Invalid},
    openapi_extra=BAD_REQUEST,
    tags=["sections"],
    summary="One section",
)
def get_section(request: HttpRequest, section_id: int = PageId, site: str | None = SiteParam):
    from hoaban.sections.models import SectionPage

    _read_site(request, site)
    return _section_data(_share(request), _one_published(SectionPage, section_id))


def _section_data(share, section):
    return {
        "id": section.pk,
        "title": section.title,
        "slug": section.slug,
        "label": section.display_label,
        "url": share.page_url(section),
        "locale": section.locale.language_code,
        "introduction": section.introduction,
        "lists_videos": section.is_video_listing,
    }


@api.get(
    "/topics/",
    response={200: list[Topic], 400: Error, 422: Invalid},
    openapi_extra=BAD_REQUEST,
    tags=["topics"],
    summary="Topics (running stories)",
)
def list_topics(
    request: HttpRequest,
    locale: LanguageCode | None = Query(None),
    site: str | None = SiteParam,
):
    from hoaban.topics.models import TopicPage

    _read_site(request, site)
    share = _share(request)
    return [_topic_data(share, topic) for topic in _published(TopicPage, locale)]


@api.get(
    "/topics/{topic_id}/",
    response={200: Topic, 400: Error, 404: Error, 422: Invalid},
    openapi_extra=BAD_REQUEST,
    tags=["topics"],
    summary="One topic",
)
def get_topic(request: HttpRequest, topic_id: int = PageId, site: str | None = SiteParam):
    from hoaban.topics.models import TopicPage

    _read_site(request, site)
    return _topic_data(_share(request), _one_published(TopicPage, topic_id))


def _topic_data(share, topic):
    return {
        "id": topic.pk,
        "title": topic.title,
        "slug": topic.slug,
        "url": share.page_url(topic),
        "locale": topic.locale.language_code,
        "introduction_html": str(topic.introduction),
        "translation_key": str(topic.translation_key),
    }


@api.get(
    "/search/",
    response={200: ArticlePage, 400: Error, 422: Invalid},
    openapi_extra=BAD_REQUEST,
    exclude_unset=True,
    tags=["articles"],
    summary="Search published articles (Wagtail search), best match first",
)
def search_articles(
    request: HttpRequest,
    q: str = Query(..., min_length=1, max_length=200, description="Words to look for."),
    locale: LanguageCode | None = Query(None),
    site: str | None = SiteParam,
    fields: str | None = FieldsParam,
    limit: int = Limit,
    offset: int = Offset,
):
    _read_site(request, site)
    chosen = _fields(fields)
    # The same reading of the query as the search page: folded words and quoted phrases, so
    # accents are optional and no search-engine syntax reaches the backend.
    query = reader_query.parse(q)
    language = _locale(locale)
    locales = [language] if language is not None else list(Locale.objects.all())
    results = search_service.search_articles(query=query, locales=locales) if query else []
    count = results.count() if query else 0
    ids = [article.pk for article in results[offset : offset + limit]]
    ordering = {pk: position for position, pk in enumerate(ids)}
    window = service.load(service.article_queryset().filter(pk__in=ids), chosen)
    window.sort(key=lambda article: ordering[article.pk])
    share = _share(request)
    return {
        "count": count,
        "limit": limit,
        "offset": offset,
        "next": _page_link(request, offset + limit, limit, count),
        "previous": _page_link(request, max(offset - limit, 0), limit, count) if offset else None,
        "items": [service.article_data(share, article, chosen) for article in window],
    }


@api.get(
    "/most-read/",
    response={200: MostRead, 400: Error, 404: Error, 422: Invalid},
    openapi_extra=BAD_REQUEST,
    exclude_unset=True,
    tags=["articles"],
    summary="Most-read stories of an edition or a section, over 24 hours or 7 days",
)
def most_read(
    request: HttpRequest,
    locale: LanguageCode = Query(..., description="Language edition."),
    section: str | None = Query(None, description="Section slug in that edition."),
    window: Literal["24h", "7d"] = Query("24h", description="Count reads over 24 hours or 7 days."),
    limit: int = Query(5, ge=1, le=20, description="Stories to return (1–20)."),
    site: str | None = SiteParam,
    fields: str | None = FieldsParam,
):
    from hoaban.articles import queries
    from hoaban.readership import ranking

    _read_site(request, site)
    chosen = _fields(fields)
    request.changes_without_publishing = True  # no Last-Modified (ReadApiMiddleware)
    language = Locale.objects.filter(language_code=locale).first()
    if language is None:
        raise Http404(_("This edition has no content yet."))
    chosen_section = None
    if section:
        # The edition's sections of every site are loaded for the labels anyway; the reader's
        # site's own is the one meant (both sites may have a section of this slug).
        sections = seen(queries.edition_sections(language.pk).values(), language)
        chosen_section = next((s for s in sections if s.slug == section), None)
        if chosen_section is None:
            raise Http404(_("No published section of this edition has this slug."))
    ranked = ranking.most_read(language, section=chosen_section, window=window, count=limit)
    reads = {article.pk: article.reads for article in ranked}
    window_articles = service.load(service.article_queryset().filter(pk__in=list(reads)), chosen)
    by_id = {article.pk: article for article in window_articles}
    share = _share(request)
    return {
        "locale": locale,
        "section": (
            {"id": chosen_section.pk, "title": chosen_section.title, "slug": chosen_section.slug}
            if chosen_section
            else None
        ),
        "window": window,
        "since": ranking.window_start(window),
        "items": [
            {**service.article_data(share, by_id[pk], chosen), "reads": count}
            for pk, count in reads.items()
            if pk in by_id
        ],
    }


learn_parameters(api)
