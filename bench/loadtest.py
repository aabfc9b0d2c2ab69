"""Load test: readers, commenting readers and publishing editors against the real server.

Usage:  .venv/bin/python bench/loadtest.py [--requests 600] [--concurrency 8] [--workers 2]
        DATABASE_URL=postgres://postgres@127.0.0.1:5432/postgres .venv/bin/python bench/loadtest.py

Starts a LiveSite (gunicorn with its own demo database: SQLite, or a fresh PostgreSQL database
on the server DATABASE_URL names), then sends a fixed number of requests from --concurrency
threads: readers open the front page, sections, articles, tag pages and searches (with and
without accents); one request in --comment-every is a reader posting a comment (token, then
POST, as comments.js does); one in --publish-every is an editor publishing a waiting draft
through Wagtail's admin. It prints throughput, error rate and latency per kind of request, then
checks the database: every comment the server accepted is stored exactly once, every publish it
accepted is live and readable, and no request got a 5xx. Exits non-zero if a check fails.
Everything stays on 127.0.0.1 and stops after --requests.
"""

import argparse
import itertools
import json
import os
import statistics
import sys
import threading
import time
import uuid
from collections import defaultdict
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from e2e.clients import Browser, Commenter, Editor  # noqa: E402
from e2e.server import LiveSite  # noqa: E402

READER_URLS_SCRIPT = """
from wagtail.models import Page
from taggit.models import Tag
for page in Page.objects.live().filter(locale__language_code="vi", depth__gte=2).specific():
    print(page.get_url())
for tag in Tag.objects.all()[:10]:
    print(f"/vi/tags/{tag.slug}/")
"""
# What readers type: accented and unaccented, a phrase, a miss; and the suggest box.
SEARCH_URLS = [
    "/vi/search/?q=%C4%90i%E1%BB%87n+Bi%C3%AAn",
    "/vi/search/?q=dien+bien",
    "/vi/search/?q=le+hoi+hoa+ban",
    "/vi/search/?q=%22Saint+Petersburg%22",
    "/vi/search/?q=khong+co+bai+nao",
    "/vi/search/suggest/?q=muong",
]
ARTICLES_SCRIPT = """
from hoaban.articles.models import ArticlePage
for article in ArticlePage.objects.live().public().filter(locale__language_code="vi"):
    if article.comments_open:
        print(article.id)
"""
COMMENTS_SCRIPT = """
import json
from hoaban.discussion.models import Comment
bodies = Comment.objects.filter(body__startswith={prefix!r}).values_list("body", flat=True)
print(json.dumps(list(bodies)))
"""
LIVE_SCRIPT = """
from hoaban.articles.models import ArticlePage
for article in ArticlePage.objects.filter(id__in=[{ids}], live=True):
    print(article.id, article.get_url())
"""


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


class Load:
    def __init__(self, site: LiveSite, reader_urls: list[str], articles: list[int], drafts):
        self.site = site
        self.reader_urls = itertools.cycle(reader_urls)
        self.articles = itertools.cycle(articles)
        self.drafts = iter(drafts)
        self.lock = threading.Lock()
        self.local = threading.local()
        self.results = defaultdict(list)  # kind -> [(status, seconds)]
        self.published = []
        self.comment_prefix = f"Tải thử {uuid.uuid4().hex[:8]}"
        self.comments_accepted = []

    def _browser(self) -> Browser:
        if not hasattr(self.local, "browser"):
            self.local.browser = Browser(self.site.base_url)
        return self.local.browser

    def _editor(self) -> Editor:
        if not hasattr(self.local, "editor"):
            self.local.editor = Editor(self.site.base_url, "editor", "hoaban-editor")
        return self.local.editor

    def _commenter(self) -> Commenter:
        if not hasattr(self.local, "commenter"):
            self.local.commenter = Commenter(self.site.base_url)
        return self.local.commenter

    def one(self, index: int, publish_every: int, comment_every: int):
        with self.lock:
            draft = next(self.drafts, None) if index % publish_every == 0 else None
            article = next(self.articles) if not draft and index % comment_every == 0 else None
            url = None if draft or article else next(self.reader_urls)
        if draft or article:
            kind = "publish" if draft else "comment"
        else:
            kind = "search" if "/search/" in url else "read"
        body = f"{self.comment_prefix} #{index}: bà con Mường Chà mong sớm có đường mới."
        started = time.perf_counter()
        try:
            if draft:
                status = self._editor().publish(draft).status
            elif article:
                status, answer = self._commenter().post_comment(article, "Lò Văn Tiến", body)
            else:
                status = self._browser().request(url).status
        except OSError:
            status = 0
        elapsed = time.perf_counter() - started
        with self.lock:
            self.results[kind].append((status, elapsed))
            if draft and status == 302:
                self.published.append(draft)
            if article and status == 200 and answer.get("status") in ("pending", "published"):
                self.comments_accepted.append(body)


def report(load: Load, duration: float) -> int:
    all_results = [result for results in load.results.values() for result in results]
    errors = [status for status, _ in all_results if status == 0 or status >= 500]
    print(f"requests: {len(all_results)} in {duration:.1f}s = {len(all_results) / duration:.1f}/s")
    print(f"errors (5xx or no answer): {len(errors)} ({100 * len(errors) / len(all_results):.2f}%)")
    for kind, results in sorted(load.results.items()):
        times = [seconds * 1000 for _, seconds in results]
        statuses = defaultdict(int)
        for status, _ in results:
            statuses[status] += 1
        print(
            f"  {kind:8} n={len(results):5} p50={statistics.median(times):7.1f}ms "
            f"p95={percentile(times, 0.95):7.1f}ms p99={percentile(times, 0.99):7.1f}ms "
            f"statuses={dict(statuses)}"
        )
    return len(errors)


def verify(load: Load) -> list[str]:
    failures = []
    ids = ",".join(map(str, load.published)) or "0"
    live = dict(
        line.split() for line in load.site.shell(LIVE_SCRIPT.format(ids=ids)).splitlines() if line
    )
    missing = [page_id for page_id in load.published if str(page_id) not in live]
    if missing:
        failures.append(f"accepted publishes not live: {missing}")
    reader = Browser(load.site.base_url)
    unreadable = [url for url in live.values() if reader.request(url).status != 200]
    if unreadable:
        failures.append(f"published articles not readable: {unreadable}")
    print(f"publishes accepted: {len(load.published)}, live and readable: {len(live)}")

    stored = json.loads(load.site.shell(COMMENTS_SCRIPT.format(prefix=load.comment_prefix)))
    counts = defaultdict(int)
    for body in stored:
        counts[body] += 1
    lost = [body for body in load.comments_accepted if counts[body] == 0]
    doubled = [body for body, count in counts.items() if count > 1]
    if lost:
        failures.append(f"accepted comments not stored: {lost}")
    if doubled:
        failures.append(f"comments stored more than once: {doubled}")
    print(f"comments accepted: {len(load.comments_accepted)}, stored: {len(stored)}")
    return failures


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=600)
    parser.add_argument("--concurrency", type=int, default=8)
    parser.add_argument("--workers", type=int, default=2, help="gunicorn worker processes")
    parser.add_argument("--publish-every", type=int, default=20)
    parser.add_argument("--comment-every", type=int, default=5)
    args = parser.parse_args()

    site = LiveSite(workers=args.workers).start()
    try:
        reader_urls = [line for line in site.shell(READER_URLS_SCRIPT).splitlines() if line]
        reader_urls += SEARCH_URLS
        articles = [int(line) for line in site.shell(ARTICLES_SCRIPT).split()]
        drafts = site.create_draft_articles(args.requests // args.publish_every + 1)
        print(
            f"server: gunicorn {args.workers} workers x 4 threads, "
            f"{'PostgreSQL' if site.database_link else 'SQLite (WAL)'}; "
            f"{len(reader_urls)} reader URLs, {len(articles)} articles open to comments, "
            f"{len(drafts)} drafts; {args.requests} requests from {args.concurrency} clients"
        )
        load = Load(site, reader_urls, articles, drafts)
        started = time.perf_counter()
        with ThreadPoolExecutor(args.concurrency) as pool:
            for index in range(1, args.requests + 1):
                pool.submit(load.one, index, args.publish_every, args.comment_every)
        errors = report(load, time.perf_counter() - started)
        # The machine is shared: the figures mean little without what else was running.
        print(
            "load average (1, 5, 15 min) at the end: {:.2f} {:.2f} {:.2f}".format(*os.getloadavg())
        )
        failures = verify(load)
    finally:
        site.stop()
    if errors:
        failures.append(f"{errors} requests failed with a 5xx or no answer")
    for failure in failures:
        print(f"FAILED: {failure}")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
