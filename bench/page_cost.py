"""Queries and server time per request for the home and article pages, at two archive sizes.

Usage:  .venv/bin/python bench/page_cost.py [--small 50] [--large 5000] [--requests 50]

Builds a throwaway SQLite database with the demo content, grows the archive to --small and
then --large articles (bench/archive.py: dated before the demo stories, so both sizes show the
same front page and the same article, as a real archive grows behind them), and after each
step renders the home page and an article through Django's test client (no network, no cache
in front), printing the SQL query count, the median/p95 render time and the median CPU time of
the process (steadier than the clock when other work shares the cores). Query counts must be
equal at both sizes; times are for comparing the two columns of one run, not absolute figures.
Pages are asked for at the newspaper's host: the demo's other site (the platform) has its own.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

import archive

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def setup_django(workdir: str):
    os.environ["DJANGO_SETTINGS_MODULE"] = "hoaban.settings.test"
    os.environ["HOABAN_VAR_DIR"] = workdir
    os.environ["MEDIA_ROOT"] = os.path.join(workdir, "media")
    os.environ.pop("DATABASE_URL", None)
    os.environ["PAGE_CACHE"] = "0"  # the render itself
    # An address a Source link can hold: the demo's platform links to the newspaper's stories.
    os.environ.setdefault("PUBLIC_BASE_URL", "http://127.0.0.1:8000")
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115


def measure(url: str, host: str, requests: int) -> tuple[int, float, float, float]:
    from django.conf import settings
    from django.db import connection, reset_queries
    from django.test import Client

    client = Client(HTTP_HOST=host)
    assert client.get(url).status_code == 200  # warm caches and renditions
    settings.DEBUG = True  # record queries for one request only
    reset_queries()
    client.get(url)
    queries = list(connection.queries)
    settings.DEBUG = False
    timings, cpu = [], []
    for _ in range(requests):
        started, cpu_started = time.perf_counter(), time.process_time()
        client.get(url)
        timings.append((time.perf_counter() - started) * 1000)
        cpu.append((time.process_time() - cpu_started) * 1000)
    timings.sort()
    return (
        len(queries),
        statistics.median(timings),
        timings[int(len(timings) * 0.95) - 1],
        statistics.median(cpu),
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--small", type=int, default=50)
    parser.add_argument("--large", type=int, default=5000)
    parser.add_argument("--requests", type=int, default=50)
    options = parser.parse_args()

    with tempfile.TemporaryDirectory(prefix="hoaban-bench-") as workdir:
        setup_django(workdir)
        from hoaban.articles.models import ArticlePage

        # The Vietnamese original of the demo's syndicated story (its translations share it),
        # on the newspaper's site, and that site's front page.
        article = (
            ArticlePage.objects.live()
            .filter(locale__language_code="vi")
            .exclude(source_url="")
            .get()
        )
        host = article.get_site().hostname
        pages = {"home": "/vi/", "article": article.get_url_parts()[2]}
        results = {}
        for size in (options.small, options.large):
            archive.grow(size)
            for name, url in pages.items():
                results[(name, size)] = measure(url, host, options.requests)

    print(
        f"\n{'page':<8} {'articles':>8} {'queries':>8} {'median ms':>10} {'p95 ms':>8}"
        f" {'CPU ms':>7}"
    )
    for (name, size), (queries, median, p95, cpu) in results.items():
        print(f"{name:<8} {size:>8} {queries:>8} {median:>10.1f} {p95:>8.1f} {cpu:>7.1f}")
    for name in pages:
        small, large = results[(name, options.small)], results[(name, options.large)]
        print(
            f"{name}: queries {small[0]} → {large[0]}, "
            f"median time ratio large/small = {large[1] / small[1]:.2f}"
        )


if __name__ == "__main__":
    main()
