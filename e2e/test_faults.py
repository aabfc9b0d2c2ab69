"""Faults on the real server: the database goes away, the app server is killed mid-write."""

import threading
import uuid

from .clients import Browser, Editor

INTEGRITY_SCRIPT = """
from wagtail.models import Page
from hoaban.articles.models import ArticlePage
ids = [{ids}]
problems = Page.find_problems()
print(sum(len(found) for found in problems))
half = ArticlePage.objects.filter(id__in=ids, live=True, live_revision__isnull=True).count()
half += ArticlePage.objects.filter(id__in=ids, live=False).exclude(live_revision=None).count()
print(half)
for article in ArticlePage.objects.filter(id__in=ids, live=True):
    print(article.id, article.get_url())
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


def test_server_killed_while_editors_publish_loses_no_accepted_publish(live_site):
    drafts = live_site.create_draft_articles(12)
    editor = Editor(live_site.base_url, "editor", "hoaban-editor")
    accepted, done = [], threading.Event()

    def publish_all():
        for page_id in drafts:
            try:
                if editor.publish(page_id).status == 302:
                    accepted.append(page_id)
            except OSError:
                continue
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
