"""Hoa Ban against its peers, side by side on this machine, measured with wrk.

Usage:  .venv/bin/python bench/peers.py [--duration 5] [--rounds 3] [--connections 16,64]
        [--large 100000]
        [--database-url postgres://…/hoaban_bench --redis-url redis://…/7]

Everything runs on 127.0.0.1 with 2 app workers each:
  1. nginx serving a saved copy of the article page (the ceiling), and for reference Varnish
     with its builtin rules in front of that copy (what Varnish itself reaches here),
  2. Hoa Ban behind Varnish with deploy/varnish/hoaban.vcl, cache warm,
  3. Hoa Ban alone with its page cache warm (article and home page),
  4. Hoa Ban with the page cache off (article and home page),
  5. a stock Wagtail project (`wagtail start`, one ~7 KB rich-text page) under the same
     gunicorn command, without and with Django's cache middleware.
Then: the proxy's hit ratio in a mixed run over many URLs, purge correctness after a publish
(article, section, home and any feed the home page links to, through Varnish), and home and
article latency uncached at 1,000 and at --large articles. Each wrk run starts once the cores
are idle again (a slow server works on after wrk stops). nginx, Varnish and wrk come from
Debian and are installed when missing. Prints figures; asserts nothing.
"""

import argparse
import json
import os
import re
import secrets
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from peerkit import stock, tools  # noqa: E402
from peerkit.servers import Gunicorn, Nginx, Processes, Varnish  # noqa: E402

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
FIRST_PORT = int(os.environ.get("BENCH_FIRST_PORT", "8106"))


def free_ports(count: int) -> list[int]:
    """Ports from BENCH_FIRST_PORT on that nothing listens on."""
    found = []
    for port in range(FIRST_PORT, 65000):
        with socket.socket() as probe:
            try:
                probe.bind(("127.0.0.1", port))
            except OSError:
                continue
        found.append(port)
        if len(found) == count:
            return found
    raise RuntimeError("no free ports")


def hoaban_environment(workdir: Path, options) -> dict:
    env = dict(os.environ)
    env.update(
        DJANGO_SETTINGS_MODULE="hoaban.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="127.0.0.1,localhost",
        PUBLIC_BASE_URL="http://127.0.0.1",
        SECURE_SSL_REDIRECT="0",
        SECURE_COOKIES="0",
        SECURE_HSTS_SECONDS="0",
        SERVE_MEDIA="1",
        HOABAN_VAR_DIR=str(workdir / "var"),
        MEDIA_ROOT=str(workdir / "var" / "media"),
        STATIC_ROOT=str(workdir / "var" / "static"),
        LOG_LEVEL="WARNING",
        GUNICORN_ACCESS_LOG="",
        CACHE_KEY_PREFIX=f"bench{os.getpid()}",
    )
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    if options.database_url:
        env["DATABASE_URL"] = options.database_url
    if options.redis_url:
        env["REDIS_URL"] = options.redis_url
    return env


def manage(env, *args, **kwargs):
    return subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, check=True, text=True, **kwargs
    )


def shell(env, code: str) -> str:
    return manage(env, "shell", "-v", "0", "-c", code, capture_output=True).stdout.strip()


def fetch(url: str) -> tuple[int, dict, str]:
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, dict(response.headers), response.read().decode()


def prepare_hoaban(env, *, articles: int):
    manage(env, "migrate", "--no-input", "-v", "0")
    manage(env, "load_demo", stdout=subprocess.DEVNULL)
    manage(env, "collectstatic", "--no-input", "-v", "0")
    subprocess.run([PYTHON, "bench/archive.py", str(articles)], cwd=ROOT, env=env, check=True)


ARTICLE_QUERY = (
    "from hoaban.articles.models import ArticlePage;"
    "a = ArticlePage.objects.live().filter(locale__language_code='vi')"
    ".exclude(lead_image=None).exclude(slug__startswith='tin-luu-tru').order_by('-date').first();"
    "print(a.url)"
)


def mixed_urls(env) -> list[str]:
    code = (
        "from wagtail.models import Page; from taggit.models import Tag;"
        "urls = [p.url for p in Page.objects.live().filter(depth__gte=2).specific()"
        ".order_by('-last_published_at')[:400]];"
        "urls += ['/vi/tags/%s/' % t.slug for t in Tag.objects.all()[:40]];"
        "print('\\n'.join(u for u in urls if u))"
    )
    return shell(env, code).splitlines()


PUBLISH = """
from hoaban.articles.models import ArticlePage
article = ArticlePage.objects.get(url_path__endswith={slug!r})
article.title = {title!r}
article.save_revision().publish()
"""


def purge_check(env, varnish_url: str, article_path: str) -> dict:
    """Publish a new title and time how long until Varnish serves it on every listing."""
    _, _, home = fetch(varnish_url + "/vi/")
    feeds = re.findall(r'<link[^>]+type="application/(?:rss|atom)\+xml"[^>]+href="([^"]+)"', home)
    section = article_path.rstrip("/").rsplit("/", 1)[0] + "/"
    watched = {"article": article_path, "section": section, "home": "/vi/"}
    watched.update({f"feed {href}": href for href in feeds})
    for path in watched.values():
        fetch(varnish_url + path)
        fetch(varnish_url + path)  # cached now
    title = f"Điện Biên – Saint Petersburg: bản tin cập nhật {secrets.token_hex(3)}"
    slug = "/" + article_path.rstrip("/").rsplit("/", 1)[1] + "/"
    shell(env, PUBLISH.format(slug=slug, title=title))
    published = time.monotonic()
    seen = {}
    while len(seen) < len(watched) and time.monotonic() - published < 10:
        for name, path in watched.items():
            if name not in seen and title in fetch(varnish_url + path)[2]:
                seen[name] = time.monotonic() - published
        time.sleep(0.02)
    return {name: seen.get(name) for name in watched}


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--duration", type=int, default=5, help="seconds per wrk run")
    parser.add_argument("--rounds", type=int, default=3, help="passes over all targets")
    parser.add_argument("--connections", default="16,64")
    parser.add_argument("--large", type=int, default=100_000, help="archive size to scale to")
    parser.add_argument("--database-url", default="", help="PostgreSQL for Hoa Ban (else SQLite)")
    parser.add_argument("--redis-url", default="", help="Redis for Hoa Ban (else files/memory)")
    options = parser.parse_args()
    connections = [int(c) for c in options.connections.split(",")]
    tools.ensure_installed()

    workdir = Path(tempfile.mkdtemp(prefix="hoaban-peers-"))
    processes = Processes(workdir)
    try:
        run(options, connections, workdir, processes)
    finally:
        processes.stop_all()
        shutil.rmtree(workdir, ignore_errors=True)


def run(options, connections, workdir: Path, processes: Processes):
    env = hoaban_environment(workdir, options)
    print("== preparing Hoa Ban (demo + archive of 1,000 articles)", flush=True)
    if options.database_url:
        tools.recreate_postgres_database(options.database_url)
    prepare_hoaban(env, articles=1000)
    stock_dir = stock.build(workdir / "stock", PYTHON)

    names = ("nginx", "varnish", "plain", "cached", "uncached", "s1", "s2")
    ports = dict(zip(names, free_ports(len(names)), strict=True))
    cached = processes.start(
        Gunicorn("hoaban-cached", "hoaban.wsgi", ROOT, ports["cached"], env).with_env(
            PAGE_CACHE="1", FRONTEND_CACHE_URL=f"http://127.0.0.1:{ports['varnish']}"
        )
    )
    uncached = processes.start(
        Gunicorn("hoaban-uncached", "hoaban.wsgi", ROOT, ports["uncached"], env).with_env(
            PAGE_CACHE="0"
        )
    )
    processes.start_plain(
        "task-worker",
        [PYTHON, "manage.py", "db_worker", "--interval", "0.1", "--no-startup-delay"],
        ROOT,
        {**env, "FRONTEND_CACHE_URL": f"http://127.0.0.1:{ports['varnish']}"},
    )
    varnish = processes.start(Varnish(ports["varnish"], ports["cached"], workdir))
    stock_env = stock.environment(stock_dir)
    stock_plain = processes.start(
        Gunicorn("stock", "stocksite.wsgi", stock_dir, ports["s1"], stock_env)
    )
    stock_cached = processes.start(
        Gunicorn("stock-cached", "stocksite.wsgi", stock_dir, ports["s2"], stock_env).with_env(
            DJANGO_SETTINGS_MODULE="stocksite.settings.cached"
        )
    )

    article = shell(env, ARTICLE_QUERY)
    status, headers, article_html = fetch(uncached.url + article)
    static_dir = workdir / "static"
    nginx = processes.start(Nginx(ports["nginx"], static_dir, article_html))
    plain_varnish = processes.start(Varnish(ports["plain"], ports["nginx"], workdir, plain=True))
    _, _, stock_html = fetch(stock_plain.url + "/")
    print(
        f"   article {article}: {len(article_html.encode()) / 1024:.1f} KB; "
        f"stock page: {len(stock_html.encode()) / 1024:.1f} KB; "
        f"anonymous article sets cookie: {'Set-Cookie' in headers}, "
        f"Vary: {headers.get('Vary', '-')}"
    )

    targets = [
        ("1 nginx static", nginx.url + "/article.html"),
        ("1b plain Varnish + nginx copy", plain_varnish.url + "/article.html"),
        ("2 Varnish + Hoa Ban article", varnish.url + article),
        ("3 Hoa Ban cached article", cached.url + article),
        ("3 Hoa Ban cached home", cached.url + "/vi/"),
        ("4 Hoa Ban uncached article", uncached.url + article),
        ("4 Hoa Ban uncached home", uncached.url + "/vi/"),
        ("5 stock Wagtail", stock_plain.url + "/"),
        ("5 stock Wagtail + cache mw", stock_cached.url + "/"),
    ]
    load = ", ".join(f"{value:.1f}" for value in os.getloadavg())
    print(
        f"\n== throughput: wrk, 2 threads, {options.duration}s per run, one run at a time, "
        f"{options.rounds} rounds over all targets"
    )
    print(f"   {os.cpu_count()} cores; load average before the runs: {load}")
    for _name, url in targets:
        for _ in range(3):
            fetch(url)  # warm every cache in front of it
    # Round after round over every target, so that a burst of other work on the machine
    # lands on all of them alike rather than on whichever ran at that moment.
    rounds = []
    for number in range(1, options.rounds + 1):
        rounds.append(
            {
                (name, count): tools.wrk(url, connections=count, seconds=options.duration)
                for name, url in targets
                for count in connections
            }
        )
        print(f"   round {number} of {options.rounds} done", flush=True)
    print(f"   medians over the rounds\n{tools.HEADER}")
    for name, _url in targets:
        for count in connections:
            print(tools.row(name, count, tools.median_figures(r[(name, count)] for r in rounds)))

    print("\n== ratios (req/s; median of the per-round ratios, lowest and highest round)")
    for count in connections:
        for label, top, bottom in [
            ("2/1 Varnish+Hoa Ban / nginx", "2 Varnish + Hoa Ban article", "1 nginx static"),
            # Varnish's own ceiling here: its builtin rules, the same bytes, nginx behind it.
            ("1b/1 plain Varnish / nginx", "1b plain Varnish + nginx copy", "1 nginx static"),
            (
                "3/5 Hoa Ban cached / stock+cache mw",
                "3 Hoa Ban cached article",
                "5 stock Wagtail + cache mw",
            ),
            ("4/5 Hoa Ban uncached / stock", "4 Hoa Ban uncached article", "5 stock Wagtail"),
        ]:
            ratios = sorted(r[(top, count)]["rps"] / r[(bottom, count)]["rps"] for r in rounds)
            print(
                f"   {label:<40} c={count:<3} {statistics.median(ratios):6.2f}"
                f"   ({ratios[0]:.2f}–{ratios[-1]:.2f})"
            )

    print("\n== mixed run through Varnish (anonymous readers, many URLs)")
    urls = mixed_urls(env)
    for url in urls:
        fetch(varnish.url + url)  # the first reader of each page
    before = varnish.counters()
    mixed = tools.wrk_urls(
        varnish.url, urls, connections=64, seconds=options.duration, workdir=workdir
    )
    after = varnish.counters()
    hits = after["hit"] - before["hit"]
    lookups = hits + (after["miss"] - before["miss"]) + (after["pass"] - before["pass"])
    print(
        f"   {len(urls)} URLs, {mixed['rps']:,.0f} req/s, p99 {mixed['p99']:.2f} ms; "
        f"hit ratio {hits / max(lookups, 1):.2%} ({hits:,} of {lookups:,})"
    )

    print("\n== purge after publish (through Varnish)")
    # The editor's process runs with the site's settings, the proxy to purge included.
    editor_env = {**env, "FRONTEND_CACHE_URL": f"http://127.0.0.1:{ports['varnish']}"}
    for name, seconds in purge_check(editor_env, varnish.url, article).items():
        shown = f"{seconds:.2f} s" if seconds is not None else "NOT within 10 s"
        print(f"   {name:<40} new version served after {shown}")

    print(
        f"\n== archive size: uncached latency at 1,000 vs {options.large:,} articles "
        f"(16 connections, {options.duration}s)"
    )
    scale = {}
    for size in (1000, options.large):
        if size != 1000:
            subprocess.run([PYTHON, "bench/archive.py", str(size)], cwd=ROOT, env=env, check=True)
        for page, path in (("home", "/vi/"), ("article", article)):
            fetch(uncached.url + path)
            scale[(page, size)] = tools.wrk(
                uncached.url + path, connections=16, seconds=options.duration
            )
            print(tools.row(f"{page} at {size:,}", 16, scale[(page, size)]), flush=True)
    for page in ("home", "article"):
        small, large = scale[(page, 1000)], scale[(page, options.large)]
        print(
            f"   {page}: p50 {small['p50']:.1f} → {large['p50']:.1f} ms "
            f"(×{large['p50'] / small['p50']:.2f}), req/s ×{large['rps'] / small['rps']:.2f}"
        )
    print(json.dumps({"options": vars(options)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
