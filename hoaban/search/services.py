"""Searching the published articles: full results for the search page, titles for autocomplete.

Both go through Wagtail's search framework (`.search()` / `.autocomplete()` on a page
queryset), so the configured backend does the work and the filters below are plain
FilterFields every backend understands (locale, path, date).
"""

import operator
from datetime import date, datetime, time, timedelta
from functools import reduce

from django.db.models import Q
from django.utils import timezone
from wagtail.models import Locale

from hoaban.articles.models import ArticlePage
from hoaban.core.visibility import visible
from hoaban.sections.models import SectionPage

from .query import ReaderQuery

SUGGESTION_COUNT = 8


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def search_articles(
    *,
    query: ReaderQuery,
    locales: list[Locale],
    section: SectionPage | None = None,
    date_from: date | None = None,
    date_to: date | None = None,
    newest_first: bool = False,
):
    """Visible articles of `locales` matching `query`, best match first (or newest)."""
    articles = (
        visible(ArticlePage.objects)
        .filter(locale__in=locales)
        .defer_streamfields()
        .select_related("lead_image", "locale")
    )
    if section is not None:
        # The same desk in every chosen edition: its translations share a translation key.
        paths = SectionPage.objects.filter(
            translation_key=section.translation_key, locale__in=locales
        ).values_list("path", flat=True)
        within = [Q(path__startswith=path) for path in paths]
        articles = articles.filter(reduce(operator.or_, within)) if within else articles.none()
    if date_from is not None:
        articles = articles.filter(date__gte=_start_of(date_from))
    if date_to is not None:
        articles = articles.filter(date__lt=_start_of(date_to + timedelta(days=1)))
    if newest_first:
        articles = articles.order_by("-date", "-id")
    languages = [locale.language_code for locale in locales]
    return articles.search(
        query.as_search_query(languages=languages), order_by_relevance=not newest_first
    )


def suggest_titles(*, query: ReaderQuery, locale: Locale, limit: int = SUGGESTION_COUNT):
    """Up to `limit` visible articles whose title starts words the way the query does."""
    if not query:
        return []
    articles = visible(ArticlePage.objects).filter(locale=locale).defer_streamfields()
    return list(articles.autocomplete(query.as_prefix_text(), operator="and")[:limit])
