"""Search speed and recall at two archive sizes, on SQLite or PostgreSQL.

Usage:
    .venv/bin/python bench/search_speed.py [--sizes 10000 100000] [--database-url URL]
        [--keep DIR [--reuse-index]] [--no-recall]

Without --database-url the benchmark uses a fresh SQLite file in a temporary directory; with
a postgres:// URL it creates that database (which must not exist), and drops it at the end.
With --keep DIR the SQLite database lives in DIR and stays there; a later run with the same
DIR reuses its articles (building 100,000 takes a quarter of an hour) and only adds those
missing up to the size asked for. With --database-url too, --keep keeps that PostgreSQL
database instead of dropping it (DIR then holds only media), creates it only when missing,
and reuses it the same way. --reuse-index also skips the index build when the index
already holds every article (the build time is then not measured); leave it out after
changing how things are indexed.

For each size N, in one run:
  1. grows a Vietnamese edition to N synthetic articles (bench/vietnamese_corpus.py). Pages
     are bulk-inserted straight into the page tree's tables with correct tree paths, one
     multi-row INSERT per thousand, instead of Wagtail's add_child + publish (about 10 ms
     per page): a benchmark-only shortcut, never used outside this throwaway database. The
     rows are what Wagtail itself would store for a live page without revisions.
  2. times a full index build: `manage.py rebuild_search_index`, i.e. Wagtail's own indexing
     of every article (folding included), then refreshes the table statistics as the daily
     `manage.py refresh_statistics` does.
  3. times the search page (/vi/search/?q=…) through Django's test client over a fixed set of
     200 queries: 100 with full diacritics and the same 100 typed without them (lower case,
     no accents, đ → d). One untimed pass warms caches; the timed pass gives median and p95.
  4. checks recall: each unaccented query must find exactly the article ids of its accented
     twin (the whole result set, not just the first page); --no-recall skips it.
  5. times the autocomplete endpoint over 100 partly typed titles (half without accents).
Then it prints how the latency grows from the first size to the last.
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
import unicodedata
import uuid
from datetime import timedelta
from pathlib import Path
from urllib.parse import urlencode, urlparse, urlunparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

import vietnamese_corpus as corpus  # noqa: E402

SEED = 20250313
QUERY_COUNT = 100
SUGGEST_COUNT = 100
BATCH = 1000


def without_accents(text: str) -> str:
    """What a reader on a keyboard without Vietnamese input types: no marks, đ as d."""
    stripped = "".join(
        c for c in unicodedata.normalize("NFD", text) if not unicodedata.combining(c)
    )
    return stripped.replace("đ", "d").replace("Đ", "D").lower()


def fixed_queries() -> list[str]:
    """100 queries with full diacritics, the same every run."""
    rng = random.Random(SEED)
    queries = []
    while len(queries) < QUERY_COUNT:
        kind = len(queries) % 5
        if kind == 0:
            query = rng.choice(corpus.PLACES)
        elif kind == 1:
            query = f"{rng.choice(corpus.FAMILY_NAMES)} {rng.choice(corpus.GIVEN_NAMES)}"
        elif kind == 2:
            query = rng.choice(corpus.NOUNS)
        elif kind == 3:
            query = f"{rng.choice(corpus.NOUNS)} {rng.choice(corpus.PLACES)}"
        else:
            query = f'"{rng.choice(corpus.NOUNS)}"'
        if query not in queries:
            queries.append(query)
    return queries


def fixed_prefixes() -> list[str]:
    rng = random.Random(SEED + 1)
    prefixes = []
    for number in range(SUGGEST_COUNT):
        words = corpus.title(rng).replace(":", "").split()
        cut = words[: rng.randint(1, 3)]
        cut[-1] = cut[-1][: max(2, len(cut[-1]) - 2)]
        text = " ".join(cut)
        prefixes.append(without_accents(text) if number % 2 else text)
    return prefixes


def setup_django(workdir: str, database_url: str | None):
    os.environ["DJANGO_SETTINGS_MODULE"] = "hoaban.settings.test"
    os.environ["HOABAN_VAR_DIR"] = workdir
    os.environ["MEDIA_ROOT"] = os.path.join(workdir, "media")
    os.environ.pop("REDIS_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def build_edition():
    from hoaban.sections.models import SectionPage
    from hoaban.testing import SECTION_TITLES, build_site

    keys = ("news", "business", "culture")
    kept = SectionPage.objects.filter(locale__language_code="vi").order_by("path")
    if kept.exists():  # a database kept by an earlier run (--keep)
        by_title = {section.title: section for section in kept}
        return [by_title[SECTION_TITLES[key]] for key in keys]
    site = build_site("vi")
    return [site.sections[key] for key in keys]


def grow_archive(sections, target: int, rng: random.Random):
    """Bulk-insert live articles until the edition holds `target` (see the module docstring)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection, transaction
    from django.utils import timezone
    from tqdm import tqdm
    from wagtail.models import Page

    from hoaban.articles.models import ArticlePage

    content_type = ContentType.objects.get_for_model(ArticlePage)
    columns = [field.column for field in ArticlePage._meta.local_concrete_fields]
    expected = {
        "page_ptr_id", "date", "dateline", "lead", "lead_image_id", "video_url", "body",
        "author_id", "byline", "source_name", "source_url", "source_via_name", "source_via_url",
        "lead_image_caption", "comments_open",
    }  # fmt: skip
    if set(columns) != expected:
        raise SystemExit(f"ArticlePage columns changed ({columns}); update grow_archive().")
    existing = ArticlePage.objects.count()
    now = timezone.now()
    insert = (
        f"INSERT INTO {ArticlePage._meta.db_table} ({', '.join(columns)}) "
        f"VALUES ({', '.join(['%s'] * len(columns))})"
    )
    with tqdm(total=target - existing, desc=f"articles to {target}", unit="page") as bar:
        while existing < target:
            count = min(BATCH, target - existing)
            with transaction.atomic():
                pages, rows = [], []
                for offset in range(count):
                    number = existing + offset
                    section = sections[number % len(sections)]
                    step = section.numchild + 1 + offset // len(sections)
                    title = corpus.title(rng)
                    published = now - timedelta(minutes=37 * number)
                    slug = f"bai-{number}"
                    pages.append(
                        Page(
                            path=Page._get_path(section.path, section.depth + 1, step),
                            depth=section.depth + 1,
                            numchild=0,
                            title=title,
                            draft_title=title,
                            slug=slug,
                            url_path=f"{section.url_path}{slug}/",
                            content_type=content_type,
                            locale_id=section.locale_id,
                            translation_key=uuid.uuid4(),
                            live=True,
                            first_published_at=published,
                            last_published_at=published,
                        )
                    )
                    body = [
                        {"type": "paragraph", "value": f"<p>{text}</p>", "id": str(uuid.uuid4())}
                        for text in corpus.paragraphs(rng)
                    ]
                    values = {
                        "date": published,
                        "dateline": "ĐBP",
                        "lead": corpus.lead(rng),
                        "lead_image_id": None,
                        "video_url": "",
                        "body": json.dumps(body, ensure_ascii=False),
                        "author_id": None,
                        "byline": corpus.person(rng),
                        "source_name": "",
                        "source_url": "",
                        "source_via_name": "",
                        "source_via_url": "",
                        "lead_image_caption": "",
                        "comments_open": True,
                    }
                    rows.append(values)
                created = Page.objects.bulk_create(pages)
                if connection.vendor == "sqlite" and created[0].pk is None:
                    raise SystemExit("bulk_create returned no primary keys")
                params = [
                    [page.pk if column == "page_ptr_id" else row[column] for column in columns]
                    for page, row in zip(created, rows, strict=True)
                ]
                with connection.cursor() as cursor:
                    cursor.executemany(insert, params)
                for section in sections:
                    section.numchild = Page.objects.filter(
                        path__startswith=section.path, depth=section.depth + 1
                    ).count()
                    Page.objects.filter(pk=section.pk).update(numchild=section.numchild)
            existing += count
            bar.update(count)


def timed(call) -> float:
    started = time.perf_counter()
    call()
    return (time.perf_counter() - started) * 1000


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * fraction))]


def index_is_complete() -> bool:
    from wagtail.search.models import IndexEntry

    from hoaban.articles.models import ArticlePage

    return IndexEntry.objects.count() >= ArticlePage.objects.count()


def measure(size: int, reuse_index: bool, check_recall: bool = True) -> dict:
    from django.core.management import call_command
    from django.db import connection
    from django.test import Client
    from wagtail.models import Locale

    from hoaban.operations.statistics import refresh_statistics
    from hoaban.search.query import parse
    from hoaban.search.services import search_articles

    if reuse_index and index_is_complete():
        build_seconds = None
    else:
        build_seconds = timed(lambda: call_command("rebuild_search_index", verbosity=0)) / 1000
    # What the daily cron does in production (README, Operations): without table statistics
    # SQLite walks the whole page tree to list the ten sections of the search form.
    refresh_statistics()
    if connection.vendor == "postgresql":
        # What autovacuum does after a rebuild, which rewrites every index entry (twice:
        # upsert, then title_norm): this server runs with autovacuum off.
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    client = Client(HTTP_HOST="localhost")
    accented = fixed_queries()
    unaccented = [without_accents(query) for query in accented]

    def page(query):
        response = client.get("/vi/search/?" + urlencode({"q": query}))
        assert response.status_code == 200, (query, response.status_code)

    for query in accented + unaccented:  # warm-up, untimed
        page(query)
    search_times = {"accented": [], "unaccented": []}
    for twin, plain in zip(accented, unaccented, strict=True):
        search_times["accented"].append(timed(lambda q=twin: page(q)))
        search_times["unaccented"].append(timed(lambda q=plain: page(q)))

    locale = Locale.objects.get(language_code="vi")

    def found_ids(query):
        # The whole result set, not one page.
        results = search_articles(query=parse(query), locales=[locale], newest_first=True)
        return {article.pk for article in results}

    mismatches, matched = [], 0
    # Each check loads every matching article: at 100,000 that takes longer than the rest.
    pairs = zip(accented, unaccented, strict=True) if check_recall else []
    for twin, plain in pairs:
        expected, got = found_ids(twin), found_ids(plain)
        matched += len(expected)
        if expected != got:
            mismatches.append(twin)

    suggest_times = []
    prefixes = fixed_prefixes()

    def suggest(prefix):
        response = client.get("/vi/search/suggest/?" + urlencode({"q": prefix}))
        assert response.status_code == 200

    for prefix in prefixes:
        suggest(prefix)
    for prefix in prefixes:
        suggest_times.append(timed(lambda p=prefix: suggest(p)))

    every = search_times["accented"] + search_times["unaccented"]
    return {
        "size": size,
        "index_build_s": None if build_seconds is None else round(build_seconds, 1),
        "search_median_ms": round(statistics.median(every), 1),
        "search_p95_ms": round(percentile(every, 0.95), 1),
        "accented_median_ms": round(statistics.median(search_times["accented"]), 1),
        "unaccented_median_ms": round(statistics.median(search_times["unaccented"]), 1),
        "suggest_median_ms": round(statistics.median(suggest_times), 1),
        "suggest_p95_ms": round(percentile(suggest_times, 0.95), 1),
        "recall_equal": (
            f"{len(accented) - len(mismatches)}/{len(accented)}" if check_recall else "-"
        ),
        "mean_results_per_query": round(matched / len(accented)) if check_recall else None,
        "mismatched_queries": mismatches,
    }


def create_database(url: str, keep: bool) -> str:
    """Creates the database of `url` (with `keep`, only if missing); returns the admin URL."""
    import psycopg

    parts = urlparse(url)
    name = parts.path.lstrip("/")
    admin = urlunparse(parts._replace(path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as connection:
        exists = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [name]
        ).fetchone()
        if not (keep and exists):
            connection.execute(f'CREATE DATABASE "{name}"')
    return admin


def drop_database(url: str, admin: str):
    import psycopg
    from django.db import connections

    connections.close_all()
    name = urlparse(url).path.lstrip("/")
    with psycopg.connect(admin, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[10_000, 100_000])
    parser.add_argument(
        "--database-url", help="postgres://… of a database to create and drop (see --keep)"
    )
    parser.add_argument(
        "--keep",
        metavar="DIR",
        help="keep (and reuse) the SQLite database in DIR, or the --database-url database",
    )
    parser.add_argument(
        "--reuse-index", action="store_true", help="with --keep: skip a complete index's rebuild"
    )
    parser.add_argument(
        "--no-recall", action="store_true", help="skip the recall check (slow at 100,000)"
    )
    args = parser.parse_args()
    if args.reuse_index and not args.keep:
        parser.error("--reuse-index needs --keep")

    if args.keep:
        workdir = os.path.abspath(args.keep)
        os.makedirs(workdir, exist_ok=True)
    else:
        workdir = tempfile.mkdtemp(prefix="hoaban-search-bench-")
    admin = create_database(args.database_url, bool(args.keep)) if args.database_url else None
    try:
        setup_django(workdir, args.database_url)
        from django.db import connection

        sections = build_edition()
        rng = random.Random(SEED)
        rows = []
        for size in sorted(args.sizes):
            grow_archive(sections, size, rng)
            rows.append(measure(size, args.reuse_index, check_recall=not args.no_recall))
            print(json.dumps(rows[-1], ensure_ascii=False), flush=True)
        report(connection.vendor, rows)
    finally:
        if admin and not args.keep:
            drop_database(args.database_url, admin)


def report(vendor: str, rows: list[dict]):
    print(f"\nSearch benchmark on {vendor} ({QUERY_COUNT * 2} queries, {SUGGEST_COUNT} prefixes)")
    header = (
        f"{'articles':>9} {'index s':>8} {'median ms':>10} {'p95 ms':>8} "
        f"{'accent md':>10} {'plain md':>9} {'suggest md':>11} {'recall =':>9}"
    )
    print(header)
    for row in rows:
        print(
            f"{row['size']:>9} {row['index_build_s'] or '-':>8} {row['search_median_ms']:>10} "
            f"{row['search_p95_ms']:>8} {row['accented_median_ms']:>10} "
            f"{row['unaccented_median_ms']:>9} {row['suggest_median_ms']:>11} "
            f"{row['recall_equal']:>9}"
        )
    if len(rows) > 1:
        first, last = rows[0], rows[-1]
        print(
            f"growth {first['size']} → {last['size']}: median ×"
            f"{last['search_median_ms'] / first['search_median_ms']:.2f}, p95 ×"
            f"{last['search_p95_ms'] / first['search_p95_ms']:.2f}, suggest median ×"
            f"{last['suggest_median_ms'] / first['suggest_median_ms']:.2f}"
            + (
                f", index build ×{last['index_build_s'] / max(first['index_build_s'], 0.1):.2f}"
                if first["index_build_s"] and last["index_build_s"]
                else ""
            )
        )


if __name__ == "__main__":
    main()
