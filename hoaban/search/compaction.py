"""Merging SQLite's full-text indexes into one b-tree each, after a full rebuild.

FTS5 writes a new segment for every transaction and, for every replaced row, keeps the old
positions beside a delete marker until segments are merged. A rebuild writes each index
entry more than once (Wagtail inserts it, then rewrites every row's title weight, which its
trigger copies into the FTS table as a delete and an insert), so a freshly rebuilt archive
leaves many segments, half of them stale, that every query reads past. FTS5's own
'optimize' command merges them into one. Ordinary publishing adds small segments that FTS5's
automerge keeps in check; PostgreSQL keeps its GIN indexes itself.
"""

from django.db import connections

from .models import TitleAutocompleteEntry


def fts_tables(connection) -> list[str]:
    """The FTS5 tables of the search index on this connection (none off SQLite)."""
    if connection.vendor != "sqlite":
        return []
    from modelsearch.backends.database.sqlite.sqlite import SQLiteFTSIndexEntry

    wanted = [SQLiteFTSIndexEntry._meta.db_table, TitleAutocompleteEntry._meta.db_table]
    existing = set(connection.introspection.table_names())
    return [table for table in wanted if table in existing]


def optimize_fts_indexes(using: str = "default") -> list[str]:
    """Merge each FTS5 table's segments into one; returns the tables merged."""
    connection = connections[using]
    tables = fts_tables(connection)
    with connection.cursor() as cursor:
        for table in tables:
            # `table` comes from the models above, never from input.
            cursor.execute(f"INSERT INTO {table}({table}) VALUES ('optimize')")  # noqa: S608
    return tables
