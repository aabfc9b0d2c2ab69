"""The most-read rails: an edition's or a section's stories ranked by counted reads over the
last 24 hours or 7 days, among the stories an anonymous reader may see."""

from copy import copy
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
    return _ranked(locale, section, [window], count, now)[window]


def rails(locale, section=None) -> dict[str, list]:
    """Both windows' rails as a page shows them (three queries); a page keeps them as long as
    the page cache keeps the page."""
    return _ranked(locale, section, WINDOWS, None, None)


def _ranked(locale, section, windows, count, now) -> dict[str, list]:
    """{window: its stories, most read first}: one query per window for the counts, one to
    load the stories of all windows."""
    count = count or settings.HOABAN_MOST_READ_COUNT
    # Which stories may be listed: the same filter as the home page's listings. A rail shows
    # titles only, so no photo renditions are loaded with them.
    visible = queries.live_articles(locale).prefetch_related(None)
    if section is not None:
        visible = visible.filter(path__startswith=section.path)
    listed = HourlyReads.objects.filter(article__in=visible.order_by().values("pk"))
    reads = {
        window: dict(
            listed.filter(hour__gte=window_start(window, now))
            .values_list("article_id")
            .annotate(reads=Sum("views"))
            .order_by("-reads", "-article_id")[:count]
        )
        for window in windows
    }
    loaded = visible.in_bulk({pk for counted in reads.values() for pk in counted})
    ranked = {}
    for window, counted in reads.items():
        # A story in both windows is listed with each window's count: a copy each.
        ranked[window] = [copy(loaded[pk]) for pk in counted if pk in loaded]
        for article in ranked[window]:
            article.reads = counted[article.pk]
    queries.attach_sections([a for articles in ranked.values() for a in articles], locale)
    return ranked
