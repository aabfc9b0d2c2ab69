"""Counting into hourly rows: directly on the embedded default, batched through Redis."""

import os
from datetime import UTC, datetime, timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hoaban.readership import store
from hoaban.readership.models import HourlyReads

pytestmark = pytest.mark.news_site_per_module

NOW = datetime(2026, 12, 7, 9, 41, tzinfo=UTC)


def views(article, hour):
    row = HourlyReads.objects.filter(article=article, hour=hour).first()
    return row.views if row else 0


def test_reads_of_one_hour_add_up_in_one_row(news_site):
    article = news_site.article(title="Vốn tín dụng chính sách giúp hộ nghèo Điện Biên")
    for minute in (0, 15, 59):
        store.add_read(article.pk, NOW.replace(minute=minute))
    store.add_read(article.pk, NOW + timedelta(hours=1))
    store.flush(NOW + timedelta(hours=1))
    assert views(article, NOW.replace(minute=0)) == 3
    assert views(article, NOW.replace(minute=0) + timedelta(hours=1)) == 1
    assert HourlyReads.objects.count() == 2


@pytest.mark.skipif(bool(os.environ.get("REDIS_URL")), reason="with Redis a read writes nothing")
def test_a_read_without_redis_is_one_statement(news_site):
    article = news_site.article(title="Sáp nhập Đài Phát thanh - Truyền hình vào Báo Điện Biên Phủ")
    store.add_read(article.pk, NOW)
    with CaptureQueriesContext(connection) as captured:
        store.add_read(article.pk, NOW)
    assert len(captured) == 1
    assert views(article, NOW.replace(minute=0)) == 2


def test_reads_of_drafts_and_unknown_ids_are_dropped(news_site):
    draft = news_site.article(title="Bản nháp về vật liệu xây dựng", publish=False)
    store.add_counts(NOW.replace(minute=0), {draft.pk: 4, 999_999: 2})
    assert not HourlyReads.objects.exists()


def test_flush_deletes_rows_older_than_every_window(news_site):
    article = news_site.article(title="Nỗ lực ngăn chặn buôn bán động vật hoang dã")
    hour = NOW.replace(minute=0)
    store.add_counts(hour - timedelta(days=9), {article.pk: 5})
    store.add_counts(hour - timedelta(days=6), {article.pk: 7})
    store.flush(NOW)
    assert list(HourlyReads.objects.values_list("views", flat=True)) == [7]


redis_only = pytest.mark.skipif(
    not os.environ.get("REDIS_URL"), reason="Redis buffering runs in the PostgreSQL + Redis run"
)


@redis_only
def test_with_redis_reads_wait_in_hourly_buckets_until_the_flush(news_site, django_db_blocker):
    first = news_site.article(title="Hỗ trợ thí sinh khó khăn dự thi tốt nghiệp THPT")
    second = news_site.article(title="Đại hội chi bộ cơ sở nhiệm kỳ 2025 – 2027")
    assert store.buffered()
    with CaptureQueriesContext(connection) as captured:
        for _ in range(5):
            store.add_read(first.pk, NOW)
        store.add_read(second.pk, NOW)
        store.add_read(first.pk, NOW - timedelta(hours=2))
    assert len(captured) == 0
    assert not HourlyReads.objects.exists()

    with CaptureQueriesContext(connection) as captured:
        assert store.flush(NOW) == 7
    writes = [q for q in captured if q["sql"].lstrip().upper().startswith("WITH")]
    assert len(writes) == 2  # one statement per hour, for all its stories
    hour = NOW.replace(minute=0)
    assert views(first, hour) == 5 and views(second, hour) == 1
    assert views(first, hour - timedelta(hours=2)) == 1
    assert store.flush(NOW) == 0  # nothing counted twice


@redis_only
def test_with_redis_a_failed_flush_keeps_the_counts_for_the_next(news_site, monkeypatch):
    article = news_site.article(title="Vay vốn làm nhà theo Nghị định 28/2022/NĐ-CP")
    store.add_read(article.pk, NOW)

    def refuse(hour, counts):
        raise RuntimeError("database away")

    monkeypatch.setattr(store, "add_counts", refuse)
    with pytest.raises(RuntimeError):
        store.flush(NOW)
    monkeypatch.undo()
    assert store.flush(NOW) == 1
    assert views(article, NOW.replace(minute=0)) == 1
