"""Planner statistics: every table is measured, empty ones recorded as tiny."""

import pytest
from django.db import connection

from hoaban.operations.statistics import refresh_statistics


def test_refresh_records_every_table_and_empty_ones_as_small(db, news_site):
    news_site.article("news", title="Mường Phăng đón khách du lịch dịp lễ hội hoa ban")
    refresh_statistics()
    if connection.vendor != "sqlite":
        return  # PostgreSQL keeps its statistics in pg_statistic: ANALYZE ran without error
    with connection.cursor() as cursor:
        cursor.execute("SELECT tbl, stat FROM sqlite_stat1")
        stats = {}
        for table, stat in cursor.fetchall():
            stats.setdefault(table, stat)
    assert stats["wagtailcore_pageviewrestriction"] == "1"
    assert int(stats["wagtailcore_page"].split()[0]) >= 4


@pytest.mark.skipif(connection.vendor != "sqlite", reason="SQLite's schema cookie")
def test_refresh_makes_every_open_connection_reload_the_statistics(db):
    # Other connections reload the schema, and with it sqlite_stat1, when this number moves.
    def schema_version():
        with connection.cursor() as cursor:
            cursor.execute("PRAGMA schema_version")
            return cursor.fetchone()[0]

    before = schema_version()
    refresh_statistics()
    assert schema_version() > before
    assert "hoaban_statistics_reload" not in connection.introspection.table_names()
