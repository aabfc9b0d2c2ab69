"""The most-read rails: an edition's or a section's stories ranked by counted reads over the
last 24 hours or 7 days, among the stories an anonymous reader may see."""

from copy import copy
from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connections
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
    """Both windows' rails as a page shows them (two queries); a page keeps them as long as
    the page cache keeps the page."""
    return _ranked(locale, section, WINDOWS, None, None)


# Stands for a window's first hour in the ranking compiled once for every window.
_MARKER_HOUR = datetime(2000, 1, 1, tzinfo=UTC)


def _ranked(locale, section, windows, count, now) -> dict[str, list]:
    """{window: its stories, most read first}: one query for the counts of every window, one
    to load their stories."""
    count = count or settings.HOABAN_MOST_READ_COUNT
    # Which stories may be listed: the same filter as the home page's listings.
    visible = queries.live_articles(locale)
    if section is not None:
        visible = visible.filter(path__startswith=section.path)
    counts = (
        HourlyReads.objects.filter(article__in=visible.order_by().values("pk"))
        .filter(hour__gte=_MARKER_HOUR)
        .values_list("article_id")
        .annotate(reads=Sum("views"))
        .order_by("-reads", "-article_id")[:count]
    )
    # The window's start as the database receives it, like the marker's.
    hour = HourlyReads._meta.get_field("hour")
    connection = connections[counts.db]
    starts = [window_start(window, now) for window in windows]
    found = queries.for_each(
        counts,
        hour.get_db_prep_value(_MARKER_HOUR, connection),
        [hour.get_db_prep_value(start, connection) for start in starts],
    )
    reads = {
        window: dict(sorted(rows, key=lambda row: (-row[1], -row[0])))
        for window, rows in zip(windows, found, strict=True)
    }
    # A rail shows titles only: no photo renditions are loaded with them.
    loaded = queries.by_id({pk for counted in reads.values() for pk in counted}, photos=False)
    ranked = {}
    for window, counted in reads.items():
        # A story in both windows is listed with each window's count: a copy each.
        ranked[window] = [copy(loaded[pk]) for pk in counted if pk in loaded]
        for article in ranked[window]:
            article.reads = counted[article.pk]
    queries.attach_sections([a for articles in ranked.values() for a in articles], locale)
    return ranked
