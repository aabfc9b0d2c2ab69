"""What a counted read costs: the beacon's server time and database statements per read, on
the embedded default (one upsert per read) and with Redis (HINCRBY; one upsert per hour per
flush), measured side by side in one run.

Usage:  .venv/bin/python bench/most_read.py [--reads 2000] [--redis redis://127.0.0.1:6379/11]

Each mode runs in its own process on a throwaway SQLite database with the demo content, posts
--reads beacons through Django's test client (each from another address, so all count), then
flushes. Times are for comparing the columns of one run on the same machine, not absolute.
"""

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PHONE = (
    "Mozilla/5.0 (Linux; Android 14; SM-A546E) AppleWebKit/537.36 Chrome/131.0 Mobile Safari/537.36"
)


def run_mode(reads: int) -> dict:
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", stdout=open(os.devnull, "w"))  # noqa: SIM115
    from django.db import connection, reset_queries
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    from hoaban.articles.models import ArticlePage
    from hoaban.readership import store
    from hoaban.readership.models import HourlyReads

    ids = list(ArticlePage.objects.live().values_list("pk", flat=True))
    client = Client()
    before = sum(HourlyReads.objects.values_list("views", flat=True))
    times, statements = [], 0
    for number in range(reads):
        reset_queries()
        with CaptureQueriesContext(connection) as captured:
            started = time.perf_counter()
            client.post(
                "/reads/",
                {"article": ids[number % len(ids)]},
                REMOTE_ADDR=f"10.{number // 65536 % 256}.{number // 256 % 256}.{number % 256}",
                HTTP_USER_AGENT=PHONE,
            )
            times.append(time.perf_counter() - started)
        statements += sum(1 for q in captured if "readership_hourlyreads" in q["sql"])
    with CaptureQueriesContext(connection) as captured:
        started = time.perf_counter()
        store.flush()
        flush_time = time.perf_counter() - started
    flush_writes = sum(1 for q in captured if q["sql"].lstrip().upper().startswith("WITH"))
    after = sum(HourlyReads.objects.values_list("views", flat=True))
    times.sort()
    return {
        "mode": "Redis buffer" if store.buffered() else "embedded (upsert)",
        "reads": reads,
        "kept": after - before,
        "median_ms": statistics.median(times) * 1000,
        "p95_ms": times[int(len(times) * 0.95)] * 1000,
        "db_statements_per_read": statements / reads,
        "flush_ms": flush_time * 1000,
        "flush_upserts": flush_writes,
    }


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--reads", type=int, default=2000)
    parser.add_argument("--redis", default="")
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        print(json.dumps(run_mode(args.reads)))
        return
    rows = []
    for redis_url in ("", args.redis) if args.redis else ("",):
        with tempfile.TemporaryDirectory() as workdir:
            env = {
                **os.environ,
                "DJANGO_SETTINGS_MODULE": "hoaban.settings.test",
                "HOABAN_VAR_DIR": workdir,
                "MEDIA_ROOT": os.path.join(workdir, "media"),
                "REDIS_URL": redis_url,
                "CACHE_KEY_PREFIX": "bench-most-read",
                # An address a Source link can hold: the demo's platform links to the newspaper.
                "PUBLIC_BASE_URL": os.environ.get("PUBLIC_BASE_URL", "http://127.0.0.1:8000"),
            }
            env.pop("DATABASE_URL", None)
            command = [sys.executable, __file__, "--child", "--reads", str(args.reads)]
            output = subprocess.run(command, env=env, capture_output=True, text=True, check=True)
            rows.append(json.loads(output.stdout.strip().splitlines()[-1]))
    print(
        f"{'mode':<20}{'reads':>7}{'kept':>7}{'median ms':>11}{'p95 ms':>9}"
        f"{'DB writes/read':>16}{'flush ms':>10}{'flush upserts':>15}"
    )
    for row in rows:
        print(
            f"{row['mode']:<20}{row['reads']:>7}{row['kept']:>7}{row['median_ms']:>11.2f}"
            f"{row['p95_ms']:>9.2f}{row['db_statements_per_read']:>16.2f}{row['flush_ms']:>10.1f}"
            f"{row['flush_upserts']:>15}"
        )


if __name__ == "__main__":
    main()
