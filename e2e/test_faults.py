"""Faults on the real server: the database or Redis goes away, the app server is killed
mid-write."""

import collections
import http.client
import itertools
import json
import os
import re
import signal
import threading
import time
import uuid
from contextlib import contextmanager

from hoaban.core.tests.fake_redis import FakeRedis

from .clients import Browser, Commenter, Editor
from .feedportal import FeedPortal
from .server import free_port

INTEGRITY_SCRIPT = """
from urllib.parse import urlsplit
from wagtail.models import Page
from hoaban.articles.models import ArticlePage
ids = [{ids}]
problems = Page.find_problems()
print(sum(len(found) for found in problems))
half = ArticlePage.objects.filter(id__in=ids, live=True, live_revision__isnull=True).count()
half += ArticlePage.objects.filter(id__in=ids, live=False).exclude(live_revision=None).count()
print(half)
for article in ArticlePage.objects.filter(id__in=ids, live=True):
    print(article.id, urlsplit(article.get_url()).path)
"""


def page_integrity(live_site, ids) -> tuple[int, int, dict[int, str]]:
    """(tree problems, half-published pages, {id: url} of live pages) among the given articles."""
    script = INTEGRITY_SCRIPT.format(ids=",".join(map(str, ids)))
    tree, half, *live = live_site.shell(script).splitlines()
    live = dict(line.split() for line in live if line.strip())
    return int(tree), int(half), {int(page_id): url for page_id, url in live.items()}


def test_database_outage_gives_a_503_page_and_the_site_recovers_by_itself(live_site):
    reader = Browser(live_site.base_url)
    with live_site.database_outage():
        for attempt in range(3):
            reply = reader.request(f"/vi/?outage={uuid.uuid4().hex}&attempt={attempt}")
            assert reply.status == 503, reply.status
            assert "Dịch vụ tạm thời gián đoạn" in reply.body  # the Vietnamese edition
            assert "Traceback" not in reply.body and "OperationalError" not in reply.body
            assert reply.headers["Retry-After"] == "30"
    assert reader.request(f"/vi/?after={uuid.uuid4().hex}").status == 200


@contextmanager
def serving_with_redis(live_site, redis_url: str, workers: int | None = None, **env):
    """The server restarted with the production cache layout (REDIS_URL set) on the given
    Redis, and restarted as it was afterwards."""
    kept = live_site.server_env, live_site.workers
    live_site.server_env = {**kept[0], "REDIS_URL": redis_url, **env}
    live_site.workers = workers or live_site.workers
    live_site.restart()  # waits for the front page: it must render without Redis
    try:
        yield
    finally:
        live_site.server_env, live_site.workers = kept
        live_site.restart()


def redis_unreachable(live_site):
    """A Redis that nobody listens on."""
    return serving_with_redis(live_site, f"redis://127.0.0.1:{free_port()}/0")


def test_redis_unreachable_pages_comments_and_sign_in_still_work_and_healthz_names_it(
    live_site,
):
    article_id = int(live_site.shell(FIRST_ARTICLE_SCRIPT))
    with redis_unreachable(live_site):
        reader = Browser(live_site.base_url)
        detail = reader.request(f"/api/v1/articles/{article_id}/")
        assert detail.status == 200, detail.body[:500]
        article = json.loads(detail.body)["url"].removeprefix(live_site.base_url)
        for path in (
            "/vi/",
            article,
            article,  # a second read is no cache hit, but still a page
            "/vi/feeds/rss.xml",
            "/sitemap.xml",
            "/vi/search/?q=hoa+ban",
            "/api/v1/articles/",
        ):
            reply = reader.request(path)
            assert reply.status == 200, (path, reply.body[:500])
        assert "Điện Biên" in reader.request(article).body

        text = "Mất kết nối bộ nhớ đệm mà bà con Mường Phăng vẫn gửi được ý kiến."
        status, answer = Commenter(live_site.base_url).post_comment(article_id, "Lò Thị Păng", text)
        assert status == 200 and answer.get("status") in ("pending", "published"), answer

        # Editors' sessions are kept in the database too: signing in and the admin still work.
        editor = Editor(live_site.base_url, "editor", "hoaban-editor")
        assert editor.request("/admin/").status == 200

        health = reader.request("/healthz")
        results = json.loads(health.body)
        assert health.status == 200, results
        down = {name for name, state in results.items() if state != "OK"}
        assert down == {f"Cache(alias='{alias}')" for alias in ("default", "pages", "sessions")}
    stored = json.loads(live_site.shell(COMMENTS_SCRIPT.format(prefix=text)))
    assert [row["body"] for row in stored["rows"]] == [text]


def test_redis_that_never_answers_costs_one_timeout_then_pages_skip_it(live_site):
    # One worker process, so the one breaker the test can tell about is the server's; a
    # cool-down longer than the test, so no probe lands in it.
    hung = FakeRedis(silent=True)
    try:
        with serving_with_redis(live_site, hung.url, workers=1, REDIS_BREAKER_COOLDOWN="600"):
            # The front page the restart waited for met the silent Redis: one socket timeout.
            sent = len(hung.commands)
            assert sent
            reader = Browser(live_site.base_url)
            articles = json.loads(reader.request("/api/v1/articles/?limit=2").body)["items"]
            seconds = {}
            for path in (
                "/vi/",
                *(article["url"].removeprefix(live_site.base_url) for article in articles),
                "/vi/feeds/rss.xml",
                "/vi/search/?q=hoa+ban",
            ):
                started = time.monotonic()
                reply = reader.request(path)
                seconds[path] = round(time.monotonic() - started, 2)
                assert reply.status == 200, (path, reply.body[:500])
            print("seconds per page with a silent Redis:", seconds)
            # Nothing reached Redis, so no page waited for its 2-second timeout.
            assert len(hung.commands) == sent

            health = json.loads(reader.request("/healthz").body)
            for alias in ("default", "pages", "sessions"):
                assert "circuit breaker open" in health[f"Cache(alias='{alias}')"], health
            assert len(hung.commands) == sent
    finally:
        hung.close()


def test_server_killed_while_editors_publish_loses_no_accepted_publish(live_site):
    drafts = live_site.create_draft_articles(12)
    editor = Editor(live_site.base_url, "editor", "hoaban-editor")
    accepted, done = [], threading.Event()

    def publish_all():
        for page_id in drafts:
            try:
                if editor.publish(page_id).status == 302:
                    accepted.append(page_id)
            except (OSError, http.client.HTTPException):
                continue  # the server went down mid-answer: go on with the next draft
        done.set()

    worker = threading.Thread(target=publish_all)
    worker.start()
    while len(accepted) < 4 and not done.is_set():
        done.wait(0.05)
    assert not done.is_set(), "the kill should land in the middle of the run"
    live_site.restart()
    worker.join()

    tree_problems, half_published, live = page_integrity(live_site, drafts)
    assert tree_problems == 0
    assert half_published == 0
    assert set(accepted) <= set(live)
    reader = Browser(live_site.base_url)
    for page_id in accepted:
        assert reader.request(live[page_id]).status == 200


COMMENTS_SCRIPT = """
import json
from django.db import connection
from hoaban.discussion.models import Comment
rows = list(Comment.objects.filter(body__startswith={prefix!r}).values("body", "name", "ip_hash"))
integrity = "ok"
if connection.vendor == "sqlite":
    with connection.cursor() as cursor:
        integrity = cursor.execute("PRAGMA integrity_check").fetchone()[0]
print(json.dumps({{"rows": rows, "integrity": integrity}}))
"""
FIRST_ARTICLE_SCRIPT = """
from hoaban.articles.models import ArticlePage
print(ArticlePage.objects.live().public().filter(locale__language_code="vi").latest("date").pk)
"""


def wait_for(condition, timeout: float, message: str):
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, message
        time.sleep(0.05)


def test_server_killed_while_readers_comment_keeps_each_accepted_comment_exactly_once(live_site):
    article_id = int(live_site.shell(FIRST_ARTICLE_SCRIPT))
    prefix = f"Sự cố {uuid.uuid4().hex[:6]}"
    body = re.compile(rf"^{prefix} \d+-\d+: bà con Mường Phăng mong có trạm y tế mới\.$")
    accepted, server_errors, lock, stop = [], [], threading.Lock(), threading.Event()

    def comment_until_stopped(reader_number: int):
        reader = Commenter(live_site.base_url, timeout=20)
        for number in itertools.count():
            if stop.is_set():
                return
            text = f"{prefix} {reader_number}-{number}: bà con Mường Phăng mong có trạm y tế mới."
            try:
                status, answer = reader.post_comment(article_id, "Lò Thị Păng", text)
            except (OSError, http.client.HTTPException, ValueError):
                stop.wait(0.1)  # the server is down or the answer was cut: go on shortly
                continue
            if status >= 500:
                server_errors.append(status)
            if status == 200 and answer.get("status") in ("pending", "published"):
                with lock:
                    accepted.append(text)

    readers = [threading.Thread(target=comment_until_stopped, args=(n,)) for n in range(6)]
    for reader in readers:
        reader.start()
    try:
        wait_for(lambda: len(accepted) >= 30, 60, "readers could not post before the kill")
        before = len(accepted)
        live_site.restart()  # SIGKILL to every gunicorn process while posts are in flight
        wait_for(lambda: len(accepted) >= before + 30, 60, "readers could not post after it")
    finally:
        stop.set()
        for reader in readers:
            reader.join()

    assert server_errors == []
    stored = json.loads(live_site.shell(COMMENTS_SCRIPT.format(prefix=prefix)))
    assert stored["integrity"] == "ok"
    counts = collections.Counter(row["body"] for row in stored["rows"])
    assert not [text for text in accepted if counts[text] != 1]
    assert max(counts.values()) == 1  # a post the client gave up on is stored once at most
    # Nothing half-written: every stored comment is whole.
    assert all(body.match(row["body"]) and row["name"] and row["ip_hash"] for row in stored["rows"])


SOURCE_SCRIPT = """
from hoaban.ingest.models import Source
from hoaban.sections.models import SectionPage
section = SectionPage.objects.filter(locale__language_code="vi").order_by("path").first()
Source.objects.create(name={name!r}, home_url={home!r}, feed_url={feed!r}, default_section=section)
"""
IMPORTS_SCRIPT = """
import json, os
from django.conf import settings
from django.core.files.storage import default_storage
from wagtail.models import Page, Revision
from hoaban.articles.models import ArticlePage
from hoaban.images.models import NewsImage
from hoaban.ingest.models import ImportedItem

items = ImportedItem.objects.filter(source__name={name!r}).select_related("article")
pages = ArticlePage.objects.filter(source_name={name!r})
incomplete = []
for item in items:
    article = item.article
    photos = [article.lead_image] if article and article.lead_image else []
    for block in article.body if article else []:
        if block.block_type == "image":
            photos.append(block.value["image"])
    revisions = Revision.page_revisions.filter(object_id=str(article.pk)).count() if article else 0
    if item.status != "imported" or revisions != 1 or len(photos) != 2 or not all(
        default_storage.exists(photo.file.name) for photo in photos
    ):
        incomplete.append(item.url)
folder = os.path.join(settings.MEDIA_ROOT, "original_images")
on_disk = set(os.listdir(folder)) if os.path.isdir(folder) else set()
on_disk = {{name for name in on_disk if name.startswith("ban-tin-")}}
known = {{os.path.basename(name) for name in NewsImage.objects.values_list("file", flat=True)}}
urls = list(items.values_list("url", flat=True))
print(json.dumps({{
    "items": len(urls),
    "distinct_urls": len(set(urls)),
    "pages": pages.count(),
    "pages_without_item": pages.exclude(pk__in=items.values("article_id")).count(),
    "incomplete": incomplete,
    "tree_problems": sum(len(found) for found in Page.find_problems()),
    "stray_files": len(on_disk - known),
}}))
"""


def imports(live_site, name: str) -> dict:
    return json.loads(live_site.shell(IMPORTS_SCRIPT.format(name=name)))


def test_syndication_killed_midway_leaves_whole_items_and_the_rerun_finishes(live_site):
    stories = 16
    portal = FeedPortal(stories, slow_every=3).start()
    name = f"Cổng thông tin huyện Mường Chà {uuid.uuid4().hex[:6]}"
    live_site.shell(SOURCE_SCRIPT.format(name=name, home=portal.base_url, feed=portal.feed_url))
    try:
        # Killed just as a story's photos are in (the importer writes it next), a little later
        # (inside its transaction, most likely), and later still.
        for story, delay in ((3, 0.0), (7, 0.08), (11, 0.15)):
            run = live_site.spawn("syndicate", "--source", name)
            served = portal.last_photo_served(story).wait(60)
            time.sleep(delay)
            os.killpg(run.pid, signal.SIGKILL)
            run.wait()
            assert served, f"the run never reached story {story}:\n{live_site.log()[-3000:]}"
            state = imports(live_site, name)
            assert state["incomplete"] == [] and state["pages_without_item"] == 0, state
            assert state["items"] < stories, "the kill should land in the middle of the run"
        rerun = live_site.manage("syndicate", "--source", name, check=False)
        assert rerun.returncode == 0, rerun.stdout + rerun.stderr
    finally:
        portal.stop()

    state = imports(live_site, name)
    assert state["items"] == state["distinct_urls"] == state["pages"] == stories, state
    assert state["incomplete"] == [] and state["pages_without_item"] == 0
    assert state["tree_problems"] == 0
    # Photo files a killed run wrote were taken over by the rerun, not left beside new copies.
    assert state["stray_files"] == 0
