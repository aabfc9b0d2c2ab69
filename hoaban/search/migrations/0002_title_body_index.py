"""On PostgreSQL, a GIN index on the expression modelsearch matches searches against.

modelsearch's PostgreSQL backend searches `(title || body) @@ query` on the index entries, and
has GIN indexes on `title` and on `body` but none on their concatenation: every search read
every entry's body out of TOAST (about a second at 100,000 articles). This index serves that
exact expression, so searches find their matches in the index (postgres_ranking.py). Other
databases get nothing.

Built CONCURRENTLY (outside a transaction, hence `atomic = False`): on a large archive the
build takes a while (11-14 s at 100,000 articles on 2 cores), and a plain CREATE INDEX would
hold up every publish meanwhile. A build that failed half-way leaves an invalid index behind,
which is dropped and built again.
"""

from django.db import migrations

INDEX = "newssearch_entry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    with schema_editor.connection.cursor() as cursor:
        cursor.execute(
            "SELECT 1 FROM pg_index JOIN pg_class ON pg_class.oid = indexrelid "
            "WHERE relname = %s AND NOT indisvalid",
            [INDEX],
        )
        if cursor.fetchone():
            schema_editor.execute(f"DROP INDEX CONCURRENTLY {INDEX}")
    schema_editor.execute(
        f"CREATE INDEX CONCURRENTLY IF NOT EXISTS {INDEX} "
        f'ON "{entries}" USING gin ((title || body))'
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    schema_editor.execute(f"DROP INDEX CONCURRENTLY IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    atomic = False

    dependencies = [
        ("newssearch", "0001_title_autocomplete_index"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [migrations.RunPython(create_index, drop_index)]
