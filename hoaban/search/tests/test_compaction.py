from io import StringIO

import pytest
from django.core.management import call_command
from django.db import connection

from hoaban.search.compaction import fts_tables, optimize_fts_indexes

pytestmark = pytest.mark.news_site_per_module

SEARCH_URL = "/vi/search/"
TITLES = [
    "Điện Biên khánh thành cầu treo bản Huổi Só",
    "Mường Chà mở lớp xoá mù chữ cho đồng bào Mông",
    "Nậm Pồ đón đoàn công tác của Bộ Nông nghiệp",
]


def found(client, query):
    return client.get(SEARCH_URL, {"q": query}).context["results"].paginator.count


def stored_blocks(table):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT count(*) FROM {table}_data")  # noqa: S608
        return cursor.fetchone()[0]


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's")
def test_merging_leaves_fewer_blocks_and_the_same_results(client, news_site):
    # FTS5 writes a segment at each savepoint of the publishes; edits add stale copies.
    for title in TITLES:
        article = news_site.article("news", title=title)
        article.title = title + " (cập nhật)"
        article.save_revision().publish()
    before = {table: stored_blocks(table) for table in fts_tables(connection)}
    results = [found(client, query) for query in ("huoi so", "muong cha", "cap nhat")]
    assert results == [1, 1, 3]

    assert optimize_fts_indexes() == list(before)
    after = {table: stored_blocks(table) for table in before}
    assert sum(after.values()) < sum(before.values())
    assert all(after[table] <= before[table] for table in before)
    assert [found(client, query) for query in ("huoi so", "muong cha", "cap nhat")] == results


@pytest.mark.skipif(connection.vendor != "sqlite", reason="FTS5 is SQLite's")
def test_rebuild_reports_the_merge(news_site):
    news_site.article("news", title=TITLES[0])
    out = StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=StringIO())
    assert "Merged the full-text indexes" in out.getvalue()


@pytest.mark.skipif(connection.vendor == "sqlite", reason="other databases")
def test_nothing_to_merge_elsewhere(news_site):
    assert optimize_fts_indexes() == []
    out = StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=StringIO())
    assert "Merged" not in out.getvalue()
