"""Where counted reads go: hourly buckets, written out in batches.

With Redis (REDIS_URL) a read is one HINCRBY on the hour's hash, and `flush()` moves the
buckets into `HourlyReads` rows, one upsert per hour for all its stories: the database sees a
write per story per flush, never one per view. Without Redis (the embedded default) a read is
one upsert that adds 1 to the story's row for the hour: Django's local-memory cache is private
to each gunicorn worker (the flush would never see the others' counts) and its file cache
increments by reading and rewriting a file (two workers lose each other's reads), while
SQLite serialises the upsert, so every read is kept. See docs/most-read.md.
"""

from datetime import UTC, datetime, timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone

from .counting import readership_cache
from .models import HourlyReads

# The longest window a rail shows, plus a day of margin; older rows are deleted by flush().
KEPT = timedelta(days=8)
HOURS_KEY = "reads:hours"


def hour_of(moment: datetime) -> datetime:
    return moment.replace(minute=0, second=0, microsecond=0)


def buffered() -> bool:
    return settings.CACHES["readership"]["BACKEND"].startswith("django_redis")


def _redis():
    from django_redis import get_redis_connection

    return get_redis_connection("readership")


def _bucket_key(hour: datetime) -> str:
    return readership_cache().make_and_validate_key(f"reads:{hour:%Y%m%d%H}")


def add_read(article_id: int, now: datetime | None = None) -> None:
    hour = hour_of(now or timezone.now())
    if not buffered():
        add_counts(hour, {article_id: 1})
        return
    pipe = _redis().pipeline(transaction=True)
    pipe.hincrby(_bucket_key(hour), str(article_id), 1)
    pipe.sadd(readership_cache().make_and_validate_key(HOURS_KEY), f"{hour:%Y%m%d%H}")
    pipe.execute()


def add_counts(hour: datetime, counts: dict[int, int]) -> None:
    """Add `counts` ({article id: reads}) to the hour's rows in one statement; ids that are not
    a live article (deleted, unpublished, made up) are dropped."""
    if not counts:
        return
    from hoaban.articles.models import ArticlePage

    quote = connection.ops.quote_name
    table = quote(HourlyReads._meta.db_table)
    pages = quote(ArticlePage._meta.get_parent_list()[-1]._meta.db_table)
    articles = quote(ArticlePage._meta.db_table)
    values = ", ".join(["(%s, %s)"] * len(counts))
    params = [number for pair in counts.items() for number in pair]
    sql = (
        f"WITH counted (article_id, views) AS (VALUES {values}) "
        f"INSERT INTO {table} (article_id, hour, views) "
        "SELECT counted.article_id, %s, counted.views FROM counted "
        f"JOIN {pages} page ON page.id = counted.article_id "
        f"JOIN {articles} article ON article.page_ptr_id = counted.article_id "
        "WHERE page.live "
        f"ON CONFLICT (article_id, hour) DO UPDATE SET views = {table}.views + excluded.views"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, connection.ops.adapt_datetimefield_value(hour)])


def _take(client, name: str) -> dict[int, int]:
    """Read and delete one hour's bucket at once, so a read landing meanwhile is kept for the
    next flush rather than lost."""
    pipe = client.pipeline(transaction=True)
    key = readership_cache().make_and_validate_key(f"reads:{name}")
    pipe.hgetall(key)
    pipe.delete(key)
    counts, _deleted = pipe.execute()
    return {int(article): int(views) for article, views in counts.items()}


def _give_back(client, name: str, counts: dict[int, int]) -> None:
    pipe = client.pipeline(transaction=True)
    key = readership_cache().make_and_validate_key(f"reads:{name}")
    for article, views in counts.items():
        pipe.hincrby(key, str(article), views)
    pipe.execute()


def flush(now: datetime | None = None) -> int:
    """Write the buffered buckets to the database and delete rows past every window.
    Returns the number of reads written."""
    now = now or timezone.now()
    written = 0
    if buffered():
        client = _redis()
        hours_key = readership_cache().make_and_validate_key(HOURS_KEY)
        current = hour_of(now)
        for raw in sorted(client.smembers(hours_key)):
            name = raw.decode()
            hour = datetime.strptime(name, "%Y%m%d%H").replace(tzinfo=UTC)
            counts = _take(client, name)
            try:
                with transaction.atomic():
                    add_counts(hour, counts)
            except Exception:
                _give_back(client, name, counts)
                raise
            written += sum(counts.values())
            # A read computed just before the hour turned may still arrive: forget an hour
            # only once the next one is over too.
            if hour < current - timedelta(hours=1):
                client.srem(hours_key, name)
    HourlyReads.objects.filter(hour__lt=hour_of(now) - KEPT).delete()
    return written
