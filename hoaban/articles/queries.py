"""The listings every news page is built from, each a fixed number of queries.

Section labels come from one query for the locale's sections, matched on tree path, instead
of asking each article for its parent: a list of twenty stories costs the same as a list of two.
"""

from django.apps import apps
from django.conf import settings
from django.db.models import Count, Q

from hoaban.translation.editions import readable


def _article_model():
    return apps.get_model("articles", "ArticlePage")


def live_articles(locale):
    return (
        readable(_article_model().objects.live().public().filter(locale=locale))
        .defer_streamfields()
        .select_related("lead_image", "author")
        .prefetch_related("lead_image__renditions")
        .order_by("-date", "-pk")
    )


def attach_sections(articles, locale=None):
    """Set `.section` on each article (its parent SectionPage) with a single query."""
    articles = list(articles)
    if not articles:
        return articles
    section_model = apps.get_model("sections", "SectionPage")
    # Search results may mix editions; every other listing stays within one locale.
    locale_ids = {locale.pk} if locale else {article.locale_id for article in articles}
    sections = {s.path: s for s in readable(section_model.objects.filter(locale_id__in=locale_ids))}
    for article in articles:
        article.section = sections.get(article.path[: -article.steplen])
    return articles


def recent_news(locale, exclude=None, count=None):
    queryset = live_articles(locale)
    if exclude is not None:
        queryset = queryset.exclude(pk=exclude.pk)
    return attach_sections(queryset[: count or settings.HOABAN_RECENT_NEWS_COUNT], locale)


def related_articles(article, count=4):
    """Stories sharing the most tags with this one, then the newest of its section."""
    tag_ids = list(article.tags.values_list("pk", flat=True))
    parent_path = article.path[: -article.steplen]
    candidates = live_articles(article.locale).exclude(pk=article.pk)
    matches = Q(path__startswith=parent_path)
    if tag_ids:
        matches |= Q(tagged_items__tag_id__in=tag_ids)
    related = (
        candidates.filter(matches)
        .annotate(shared_tags=Count("tagged_items", filter=Q(tagged_items__tag_id__in=tag_ids)))
        .order_by("-shared_tags", "-date", "-pk")[:count]
    )
    return attach_sections(related, article.locale)
