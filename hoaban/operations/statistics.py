"""Table statistics for the query planner.

SQLite plans without statistics until ANALYZE has run, and then guesses badly on a news site's
shape: almost every page is an article, while sections, home pages and view restrictions are a
handful of rows (often none). Without statistics it walks the whole page tree to find the ten
sections or to learn that no page is restricted — tens of milliseconds per query at 100,000
articles, on every render. ANALYZE records the real sizes; an empty table gets no row, so it is
recorded as holding one row, the way SQLite's documentation allows applications to adjust
sqlite_stat1. PostgreSQL's autovacuum keeps its own statistics; ANALYZE there only refreshes
them sooner.
"""

from django.db import connections

# A table created and dropped at once: the schema change that makes connections reload.
RELOAD_MARK = "hoaban_statistics_reload"


def refresh_statistics(using: str = "default") -> None:
    connection = connections[using]
    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
        if connection.vendor != "sqlite":
            return
        cursor.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        tables = {name for (name,) in cursor.fetchall() if not name.startswith("sqlite_")}
        cursor.execute("SELECT DISTINCT tbl FROM sqlite_stat1")
        measured = {name for (name,) in cursor.fetchall()}
        for table in sorted(tables - measured):
            cursor.execute(
                "INSERT INTO sqlite_stat1 (tbl, idx, stat) VALUES (%s, NULL, '1')", [table]
            )
        # Planners read sqlite_stat1 only when they load the schema. This connection reloads it
        # on request; every other open one (persistent connections of the app servers) reloads
        # it when the schema changes, so change it: without this, servers kept planning for the
        # archive's old size (an article page 6x slower after growing from 1,000 to 100,000).
        cursor.execute("ANALYZE sqlite_schema")
        cursor.execute(f"CREATE TABLE {RELOAD_MARK} (refreshed INTEGER)")
        cursor.execute(f"DROP TABLE {RELOAD_MARK}")
