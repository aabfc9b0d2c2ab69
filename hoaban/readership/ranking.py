"""The most-read rails: an edition's or a section's stories ranked by counted reads over the
last 24 hours or 7 days, among the stories an anonymous reader may see."""

from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Sum
from django.utils import timezone

from hoaban.articles import queries

from .models import HourlyReads
from .store import hour_of

# A window is whole clock hours: the current one and the ones before it.
WINDOWS = {"24h": timedelta(hours=24), "7d": timedelta(days=7)}


def window_start(window: str, now: datetime | None = None) -> datetime:
    return hour_of(now or timezone.now()) + timedelta(hours=1) - WINDOWS[window]


def most_read(locale, *, section=None, window="24h", count=None, now=None) -> list:
    """Story cards (with `.section` and `.reads`) of the edition, or of one section, most read
    first: two queries, plus the private parts of the site and the sections' labels."""
    count = count or settings.HOABAN_MOST_READ_COUNT
    # Which stories may be listed: the same filter as the home page's listings, called once.
    visible = queries.live_articles(locale)
    if section is not None:
        visible = visible.filter(path__startswith=section.path)
    totals = (
        HourlyReads.objects.filter(
            hour__gte=window_start(window, now), article__in=visible.order_by().values("pk")
        )
        .values_list("article_id")
        .annotate(reads=Sum("views"))
        .order_by("-reads", "-article_id")[:count]
    )
    reads = dict(totals)
    loaded = visible.in_bulk(list(reads))
    ranked = [loaded[pk] for pk in reads if pk in loaded]
    for article in ranked:
        article.reads = reads[article.pk]
    return queries.attach_sections(ranked, locale)


def rails(locale, section=None) -> dict[str, list]:
    """Both windows' rails as a page shows them; a page keeps them as long as the page cache
    keeps the page."""
    return {window: most_read(locale, section=section, window=window) for window in WINDOWS}
