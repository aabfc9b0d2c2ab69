from datetime import timedelta

import pytest
from django.contrib.auth import get_user_model
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hoaban.ingest.models import FetchRun, ImportedItem

from .factories import make_source

pytestmark = pytest.mark.news_site_per_module


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(user)
    return client


def record(source, days_ago, **counts):
    FetchRun.objects.create(
        source=source, started_at=timezone.now() - timedelta(days=days_ago), **counts
    )


def test_report_sums_runs_of_the_chosen_period_per_source(admin_client, news_site, portal):
    dienbien = make_source(news_site, portal, "Cổng TTĐT tỉnh Điện Biên", feed_url=portal.url("a"))
    newspaper = make_source(news_site, portal, "Báo Điện Biên Phủ", feed_url=portal.url("b"))
    record(dienbien, 1, fetched=10, imported=6, duplicates=2, failed=2)
    record(dienbien, 3, fetched=5, imported=5)
    record(dienbien, 20, fetched=40, imported=40)
    record(newspaper, 2, fetched=3, duplicates=3)
    response = admin_client.get(reverse("ingest_report"), {"days": 7})
    assert response.status_code == 200
    rows = {row.name: row for row in response.context["object_list"]}
    assert (rows[dienbien.name].fetched, rows[dienbien.name].imported) == (15, 11)
    assert (rows[dienbien.name].duplicates, rows[dienbien.name].failed) == (2, 2)
    assert (rows[newspaper.name].duplicates, rows[newspaper.name].run_count) == (3, 1)
    assert "Cổng TTĐT tỉnh Điện Biên" in response.content.decode()
    month = admin_client.get(reverse("ingest_report"), {"days": 30})
    rows = {row.name: row for row in month.context["object_list"]}
    assert rows[dienbien.name].imported == 51


def test_report_query_count_does_not_grow_with_sources(admin_client, news_site, portal):
    def queries():
        with CaptureQueriesContext(connection) as context:
            admin_client.get(reverse("ingest_report"))
        return len(context)

    make_source(news_site, portal, "Nguồn 1", feed_url=portal.url("a"))
    few = queries()
    for number in range(2, 8):
        source = make_source(news_site, portal, f"Nguồn {number}", feed_url=portal.url("a"))
        record(source, 1, fetched=1, imported=1)
    assert queries() == few


def test_report_is_refused_to_users_without_source_permissions(client, news_site):
    user = get_user_model().objects.create_user("reader", "r@example.com", "pw")
    client.force_login(user)
    assert client.get(reverse("ingest_report")).status_code in {302, 403}


def test_source_snippet_is_listed_in_the_admin(admin_client, news_site, portal):
    make_source(news_site, portal, "Báo Điện Biên Phủ", feed_url=portal.url("b"))
    response = admin_client.get(reverse("wagtailsnippets_ingest_source:list"))
    assert "Báo Điện Biên Phủ" in response.content.decode()


def test_report_counts_items_that_may_be_incomplete_without_inflating_the_sums(
    admin_client, news_site, portal
):
    source = make_source(news_site, portal, "Cổng TTĐT tỉnh Điện Biên", feed_url=portal.url("a"))
    record(source, 1, fetched=3, imported=3)
    record(source, 2, fetched=2, imported=2)
    for number, doubt in enumerate(["mã HTML của trang bị cắt cụt", "", "bài kết thúc giữa chừng"]):
        ImportedItem.objects.create(
            source=source,
            url=portal.url(f"tin-tuc/{number}.html"),
            canonical_url=portal.url(f"tin-tuc/{number}.html"),
            status=ImportedItem.Status.IMPORTED,
            title=f"Tin số {number}",
            incomplete=doubt,
            signature=b"",
            raw_html=ImportedItem.compress("<html></html>"),
        )
    response = admin_client.get(reverse("ingest_report"), {"days": 7})
    (row,) = response.context["object_list"]
    assert (row.incomplete_count, row.fetched, row.run_count) == (2, 5, 2)
    assert "Có thể chưa đầy đủ" in response.content.decode()
