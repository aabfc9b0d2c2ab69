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
        # Planners read sqlite_stat1 when the schema is loaded: make them read it again.
        cursor.execute("ANALYZE sqlite_schema")
