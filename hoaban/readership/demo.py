"""Plausible most-read counts for the demo site, so the rails are not empty on `make run`."""

from datetime import timedelta

from django.utils import timezone
from wagtail.models import Locale

from hoaban.articles import queries

from .models import HourlyReads
from .store import hour_of

HOURS = 7 * 24


def plausible_reads() -> int:
    """Hourly reads over the past week for every edition's stories, unless some exist: newer
    stories are read more, reads follow the day (quiet at night, Vietnam time), and every
    third story was read earlier in the week but not in the last 24 hours. Returns rows made."""
    if HourlyReads.objects.exists():
        return 0
    now = hour_of(timezone.now())
    rows = []
    for locale in Locale.objects.all():
        articles = list(queries.live_articles(locale).values_list("pk", flat=True))
        for rank, article_id in enumerate(articles):
            popularity = max(40 - 3 * rank, 4) * (3 if locale.language_code == "vi" else 1)
            for age in range(HOURS):
                if rank % 3 == 2 and age < 24:
                    continue
                hour = now - timedelta(hours=age)
                local_hour = (hour.hour + 7) % 24
                daytime = 1.0 if 6 <= local_hour <= 22 else 0.2
                views = int(popularity * daytime * (1 - age / (HOURS * 1.5)) / 4)
                if views:
                    rows.append(HourlyReads(article_id=article_id, hour=hour, views=views))
    HourlyReads.objects.bulk_create(rows, batch_size=500)
    return len(rows)
