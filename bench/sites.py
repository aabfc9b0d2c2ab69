"""What serving many sites from one install costs a reader's request: one site against many.

Usage:
    .venv/bin/python bench/sites.py [--sites 30] [--articles 300000] [--requests 30]
        [--database-url postgres://postgres@127.0.0.1:5432/hoaban_scale] [--keep]

Builds a throwaway install (a fresh SQLite file, or the PostgreSQL database of --database-url,
created and dropped at the end unless --keep) of --sites sites: the national platform (the
default site) and provincial sites, each a Vietnamese home with its English and Russian
translations at depth 2 and eight sections in each edition, made through Wagtail's own API.
Every site gets the same number of articles (--articles / --sites) in its Vietnamese sections,
bulk-inserted as bench/archive.py does (real tree rows, no revisions), with Vietnamese titles
and leads (bench/vietnamese_corpus.py, seeded per site) and dates that interleave the sites'
stories, then indexed for search (`index_articles`: oldest first, as published).

It measures twice, on the platform's pages with the very same content:
  1. with the platform as the install's only site (the others not built yet);
  2. with every site built, so the install holds --sites times as many pages.
Each time: the uncached render (page cache off, Django's test client, no network) of the
platform's home, a section, an article, its search page for Vietnamese typed without accents
and the API search, as median and p90 over --requests requests after one warm-up, with the
queries of one request (those reading the Site table counted apart); Wagtail's site root
paths (cold: queries and time; warm: time), `Site.find_for_request`, a page's URL; and the
page tree's depth. It prints figures and the machine's load average; it asserts nothing.
"""

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from pathlib import Path

import archive
import vietnamese_corpus as corpus
from search_speed import create_database, drop_database, percentile

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SEED = 20251208
PLATFORM = "Cổng thông tin quốc gia Hoa Ban"
PROVINCES = [
    "Điện Biên", "Lai Châu", "Sơn La", "Lào Cai", "Hà Giang", "Cao Bằng", "Lạng Sơn",
    "Yên Bái", "Tuyên Quang", "Thái Nguyên", "Bắc Kạn", "Hòa Bình", "Thanh Hóa", "Nghệ An",
    "Hà Tĩnh", "Quảng Bình", "Quảng Trị", "Huế", "Quảng Nam", "Quảng Ngãi", "Bình Định",
    "Phú Yên", "Khánh Hòa", "Đắk Lắk", "Gia Lai", "Kon Tum", "Lâm Đồng", "Cần Thơ", "Cà Mau",
]  # fmt: skip
SECTIONS = [
    "Thời sự", "Chính trị", "Kinh tế", "Văn hóa – Du lịch", "Xã hội", "Quốc phòng – An ninh",
    "Giáo dục", "Địa phương",
]  # fmt: skip
TRANSLATIONS = ("en", "ru")
# Every Vietnamese article holds "Điện Biên" (the archive's body); "khèn Mông" is in a few.
QUERIES = {"dien bien": "common", "khen mong": "rarer"}
NEWEST = datetime(2026, 12, 1, tzinfo=UTC)
SPACING = timedelta(minutes=2)  # between two consecutive stories of the whole install
SAMPLE = 200  # articles indexed by modelsearch itself, to check the bulk entries against


def setup_django(workdir: str, database_url: str | None):
    os.environ["DJANGO_SETTINGS_MODULE"] = "hoaban.settings.test"
    os.environ["HOABAN_VAR_DIR"] = workdir
    os.environ["MEDIA_ROOT"] = os.path.join(workdir, "media")
    os.environ["PAGE_CACHE"] = "0"  # the render itself
    os.environ.pop("REDIS_URL", None)
    if database_url:
        os.environ["DATABASE_URL"] = database_url
    else:
        os.environ.pop("DATABASE_URL", None)
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def site_name(number: int) -> str:
    if number == 0:
        return PLATFORM
    if number <= len(PROVINCES):
        return f"Báo {PROVINCES[number - 1]}"
    return f"Báo tỉnh số {number}"


def hostname(number: int) -> str:
    return "hoaban.test" if number == 0 else f"tinh-{number:02d}.hoaban.test"


def build_site(number: int) -> list:
    """Site `number`'s homes and sections through Wagtail's API; returns its Vietnamese
    sections."""
    from wagtail.models import Locale, Page, Site

    from hoaban.core.slugs import slug_from_title
    from hoaban.home.models import HomePage
    from hoaban.sections.models import SectionPage

    vi = Locale.objects.get_or_create(language_code="vi")[0]
    name = site_name(number)
    home = Page.get_first_root_node().add_child(
        instance=HomePage(title=name, slug=slug_from_title(name), locale=vi)
    )
    home.save_revision().publish()
    Site.objects.create(
        hostname=hostname(number), port=80, root_page=home, site_name=name,
        is_default_site=number == 0,
    )  # fmt: skip
    sections = []
    for title in SECTIONS:
        section = SectionPage(title=title, slug=slug_from_title(title), show_in_menus=True)
        home.add_child(instance=section)
        section.save_revision().publish()
        sections.append(section)
    for code in TRANSLATIONS:
        locale = Locale.objects.get_or_create(language_code=code)[0]
        for page in [home, *sections]:
            page.copy_for_translation(locale).save_revision().publish()
    return sections


def fill_site(number: int, sections: list, count: int, sites: int):
    """`count` articles in `sections`, the same for site `number` whenever it is built: text
    seeded by the site, dates spaced so that the sites' stories interleave."""
    rng = random.Random(SEED + number)

    def article(index: int):
        published = NEWEST - SPACING * (index * sites + number)
        return corpus.title(rng), corpus.lead(rng), published

    archive.add(sections, count, article, desc=f"site {number}")


def index_articles() -> float:
    """Index every article afresh, oldest first: entry ids then rise with publication across
    the sites, as when stories are indexed as they are published (the search ranks the
    newest entries first, hoaban/search/ranking.py). Seconds.

    SQLite goes through the backend's own `add_items`. On PostgreSQL that costs ~20 ms an
    article here (modelsearch prepares every field five times and compiles a Django
    expression per vector: 300,000 articles would take well over an hour), so the entries are
    written in bulk with the same SQL functions from the same prepared field values, each
    field prepared once; the body text, identical in every article of this archive
    (bench/archive.py), is prepared once for all. A sample is first indexed by `add_items`
    itself and compared (`same_entries`)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.search.backends import get_search_backend
    from wagtail.search.models import IndexEntry

    from hoaban.articles.models import ArticlePage

    started = time.perf_counter()
    index = get_search_backend().get_index_for_model(ArticlePage)
    content_type = ContentType.objects.get_for_model(ArticlePage)
    IndexEntry.objects.filter(content_type=content_type).delete()
    ids = list(ArticlePage.objects.order_by("date", "pk").values_list("pk", flat=True))
    sample = ids[:SAMPLE] if connection.vendor == "postgresql" else ids
    for start in range(0, len(sample), 1000):
        objects = ArticlePage.get_indexed_objects().filter(pk__in=sample[start : start + 1000])
        index.add_items(ArticlePage, sorted(objects, key=lambda article: article.date))
    if connection.vendor != "postgresql":
        return time.perf_counter() - started
    rest = ids[len(sample) :]
    for start in range(0, len(rest), 2000):
        objects = ArticlePage.get_indexed_objects().filter(pk__in=rest[start : start + 2000])
        write_entries(sorted(objects, key=lambda article: article.date))
    index._refresh_title_norms()
    if not same_entries(sample):
        raise SystemExit("bulk index entries differ from modelsearch's own; fix write_entries()")
    return time.perf_counter() - started


def entry_values(article, prepared: dict) -> dict:
    """(weight, text) pairs per index column, as modelsearch's ObjectIndexer collects them."""
    from modelsearch.backends.database.postgres.postgres import ObjectIndexer
    from modelsearch.index import AutocompleteField, SearchField
    from wagtail.search.backends import get_search_backend

    indexer = ObjectIndexer(article, get_search_backend())
    columns = {"title": [], "body": [], "autocomplete": []}
    for field in indexer.search_fields:
        if getattr(field, "field_name", None) == "body":  # folded (and stemmed) by edition
            key = (article.locale_id, json.dumps(list(article.body.raw_data), sort_keys=True))
            if key not in prepared:
                prepared[key] = list(indexer.prepare_field(article, field))
            found = prepared[key]
        else:
            found = indexer.prepare_field(article, field)
        for current, weight, text in found:
            if isinstance(current, AutocompleteField):
                columns["autocomplete"].append((weight, text.strip()))
            elif isinstance(current, SearchField):
                column = "title" if current.field_name == "title" else "body"
                columns[column].append((weight, text.strip()))
    return {name: [(w, t) for w, t in pairs if t] for name, pairs in columns.items()}


def write_entries(articles: list):
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.search.backends import get_search_backend

    from hoaban.articles.models import ArticlePage

    backend = get_search_backend()
    content_type = ContentType.objects.get_for_model(ArticlePage).pk
    prepared: dict = {}
    shapes: dict[tuple, list] = {}
    for article in articles:
        columns = entry_values(article, prepared)
        shape = tuple(tuple(w for w, _ in columns[name]) for name in columns)
        texts = [t for name in columns for _, t in columns[name]]
        plain = [" ".join(t for _, t in columns["title"]), " ".join(t for _, t in columns["body"])]
        shapes.setdefault(shape, []).append([content_type, str(article.pk), *texts, *plain])

    def vector(weights, config) -> str:
        parts = [f"setweight(to_tsvector('{config}'::regconfig, %s), '{w}')" for w in weights]
        return " || ".join(parts) or f"to_tsvector('{config}'::regconfig, '')"

    for (title, body, autocomplete), rows in shapes.items():
        sql = (
            "INSERT INTO wagtailsearch_indexentry (content_type_id, object_id, title, body, "
            "autocomplete, title_norm, title_text, body_text) VALUES (%s, %s, "
            f"{vector(title, backend.config)}, {vector(body, backend.config)}, "
            f"{vector(autocomplete, backend.autocomplete_config)}, 1.0, %s, %s)"
        )
        with connection.cursor() as cursor:
            cursor.executemany(sql, rows)


def same_entries(ids: list[int]) -> bool:
    """Whether entries written by write_entries() equal modelsearch's for these articles."""
    from django.db import connection, transaction
    from wagtail.search.models import IndexEntry

    from hoaban.articles.models import ArticlePage

    columns = ("title", "body", "autocomplete", "title_text", "body_text")
    entries = IndexEntry.objects.filter(object_id__in=[str(pk) for pk in ids])

    def snapshot():
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT object_id, {', '.join(f'{c}::text' for c in columns)} "
                "FROM wagtailsearch_indexentry WHERE id = ANY(%s)",
                [list(entries.values_list("id", flat=True))],
            )
            return sorted(cursor.fetchall())

    theirs = snapshot()
    with transaction.atomic():
        entries.delete()
        write_entries(list(ArticlePage.get_indexed_objects().filter(pk__in=ids)))
        ours = snapshot()
        transaction.set_rollback(True)
    return len(theirs) == len(ids) and theirs == ours


def settle():
    """Table statistics as the daily refresh and autovacuum would leave them."""
    from django.db import connection

    from hoaban.operations.statistics import refresh_statistics

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE")
    refresh_statistics()


def request_cost(url: str, host: str, requests: int) -> dict:
    from django.db import connection
    from django.test import Client
    from wagtail.models import Site

    client = Client(HTTP_HOST=host)
    response = client.get(url)
    if response.status_code != 200:
        raise SystemExit(f"{url} on {host} answered {response.status_code}")
    queries, root_path_reads = [], []

    def record(execute, sql, params, many, context):
        queries.append(sql)
        return execute(sql, params, many, context)

    wagtails = Site.__dict__["get_site_root_paths"]

    def read_root_paths():
        root_path_reads.append(1)  # each a read of the cache (a Redis round trip in production)
        return wagtails.__func__()

    Site.get_site_root_paths = staticmethod(read_root_paths)
    try:
        with connection.execute_wrapper(record):
            client.get(url)
    finally:
        Site.get_site_root_paths = wagtails
    timings = []
    for _ in range(requests):
        started = time.perf_counter()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
    site_queries = sum('"wagtailcore_site"' in sql for sql in queries)
    return {
        "queries": len(queries),
        "site queries": site_queries,
        "root path reads": len(root_path_reads),
        "median": statistics.median(timings),
        "p90": percentile(timings, 0.9),
    }


def lookups(host: str, article) -> dict:
    """Wagtail's site root paths and site lookup, and a page's URL, for `host`'s requests."""
    from django.db import connection
    from django.test import RequestFactory
    from django.test.utils import CaptureQueriesContext
    from wagtail.models import Site

    def median_ms(call, times: int) -> float:
        timings = []
        for _ in range(times):
            started = time.perf_counter()
            call()
            timings.append((time.perf_counter() - started) * 1000)
        return statistics.median(timings)

    Site.clear_site_root_paths_cache()
    with CaptureQueriesContext(connection) as cold:
        started = time.perf_counter()
        roots = Site.get_site_root_paths()
        cold_ms = (time.perf_counter() - started) * 1000
    factory = RequestFactory(HTTP_HOST=host)
    with CaptureQueriesContext(connection) as found:
        Site.find_for_request(factory.get("/vi/"))
    fresh = iter([factory.get("/vi/") for _ in range(200)])  # find_for_request keeps its answer
    return {
        "root paths": len(roots),
        "cold queries": len(cold),
        "cold ms": cold_ms,
        "warm ms": median_ms(Site.get_site_root_paths, 500),
        "find queries": len(found),
        "find ms": median_ms(lambda: Site.find_for_request(next(fresh)), 200),
        "url ms": median_ms(lambda: article.get_url_parts(None), 500),
    }


def tree() -> dict:
    from django.db.models import Max
    from wagtail.models import Page

    return {
        "pages": Page.objects.count(),
        "depth": Page.objects.aggregate(depth=Max("depth"))["depth"],
        "homes": Page.objects.filter(depth=2).count(),
    }


def measure(sites_built: int, requests: int, searches: int, article) -> dict:
    from urllib.parse import quote

    host = hostname(0)
    pages = {
        "home": "/vi/",
        "section": article.get_parent().get_url_parts()[2],
        "article": article.get_url_parts()[2],
    }
    for query, kind in QUERIES.items():
        pages[f"search page, {kind}"] = f"/vi/search/?q={quote(query)}"
        pages[f"API search, {kind}"] = f"/api/v1/search/?q={quote(query)}&locale=vi"
    return {
        "sites": sites_built,
        "load": os.getloadavg(),
        "tree": tree(),
        "lookups": lookups(host, article),
        "pages": {
            name: request_cost(url, host, searches if "search" in name else requests)
            for name, url in pages.items()
        },
    }


def report(results: list[dict], options):
    print(
        f"\nbench/sites.py --sites {options.sites} --articles {options.articles} "
        f"--requests {options.requests} --search-requests {options.search_requests}; "
        f"{options.articles // options.sites} articles per site"
    )
    header = " | ".join(f"{result['sites']} site(s)" for result in results)
    print(f"\n| platform page | {header} |")
    print("|---|" + "---|" * len(results))
    cells = " | ".join("queries (Site) · root-path reads · median / p90 ms" for _ in results)
    print(f"| cells: | {cells} |")
    for name in results[0]["pages"]:
        cells = [
            f"{cost['queries']} ({cost['site queries']}) · {cost['root path reads']} · "
            f"{cost['median']:.1f} / {cost['p90']:.1f}"
            for cost in (result["pages"][name] for result in results)
        ]
        print(f"| {name} | " + " | ".join(cells) + " |")
    for key in ("root paths", "cold queries", "cold ms", "warm ms", "find queries", "find ms",
                "url ms"):  # fmt: skip
        values = [result["lookups"][key] for result in results]
        cells = [f"{value:.3f}" if isinstance(value, float) else str(value) for value in values]
        print(f"| Site {key} | " + " | ".join(cells) + " |")
    for key in ("pages", "depth", "homes"):
        print(f"| tree {key} | " + " | ".join(str(r["tree"][key]) for r in results) + " |")
    loads = " | ".join(" ".join(f"{value:.1f}" for value in r["load"]) for r in results)
    print(f"| load average before | {loads} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sites", type=int, default=30)
    parser.add_argument("--articles", type=int, default=300_000)
    parser.add_argument("--requests", type=int, default=30)
    parser.add_argument("--search-requests", type=int, default=10, help="per search row")
    parser.add_argument("--database-url", help="postgres://…/name (created; SQLite if not given)")
    parser.add_argument(
        "--keep",
        action="store_true",
        help="keep the PostgreSQL database; reuse it when it holds --sites sites already "
        "(measured then once, as it is)",
    )
    options = parser.parse_args()
    per_site = options.articles // options.sites
    print(f"load average at start: {' '.join(f'{v:.2f}' for v in os.getloadavg())}")

    admin = None
    if options.database_url:
        admin = create_database(options.database_url, keep=options.keep)
    try:
        with tempfile.TemporaryDirectory(prefix="hoaban-sites-") as workdir:
            setup_django(workdir, options.database_url)
            results = run(options, per_site)
    finally:
        if admin and not options.keep:
            drop_database(options.database_url, admin)
    report(results, options)


def middle_of_platform(sites: int, per_site: int) -> datetime:
    """The date of the story in the middle of the platform's archive (see fill_site), the
    article measured each time."""
    return NEWEST - SPACING * ((per_site // 2) * sites)


def run(options, per_site: int) -> list[dict]:
    from wagtail.models import Page, Site

    from hoaban.articles.models import ArticlePage

    if Site.objects.filter(hostname__endswith="hoaban.test").count() == options.sites:
        article = ArticlePage.objects.get(date=middle_of_platform(options.sites, per_site))
        return [measure(options.sites, options.requests, options.search_requests, article)]
    Site.objects.all().delete()  # Wagtail's welcome page and its site: not one of ours
    Page.objects.filter(depth=2).delete()
    started = time.perf_counter()
    fill_site(0, build_site(0), per_site, options.sites)
    seconds = index_articles()
    settle()
    print(f"platform built in {time.perf_counter() - started:.0f} s (index {seconds:.0f} s)")
    article = ArticlePage.objects.get(date=middle_of_platform(options.sites, per_site))
    results = [measure(1, options.requests, options.search_requests, article)]
    if options.sites > 1:
        started = time.perf_counter()
        for number in range(1, options.sites):
            fill_site(number, build_site(number), per_site, options.sites)
        built = time.perf_counter() - started
        seconds = index_articles()
        settle()
        print(f"{options.sites - 1} more sites built in {built:.0f} s, indexed in {seconds:.0f} s")
        results.append(measure(options.sites, options.requests, options.search_requests, article))
    return results


if __name__ == "__main__":
    main()
