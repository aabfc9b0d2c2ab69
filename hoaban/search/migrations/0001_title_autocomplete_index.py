"""The title autocomplete index on SQLite (see models.TitleAutocompleteEntry).

An external-content FTS5 table: it reads the text from the index entries instead of keeping
a copy, and triggers keep it in step with every insert, update and delete Wagtail makes there,
so `rebuild_search_index` and ordinary saves maintain it. Other databases get nothing.
"""

import django.db.models.deletion
from django.db import migrations, models

TABLE = "newssearch_title_autocomplete"


def create_index(apps, schema_editor):
    from modelsearch.backends.database.sqlite.utils import fts5_available

    if schema_editor.connection.vendor != "sqlite" or not fts5_available():
        return
    entries = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    delete_old = (
        f"INSERT INTO {TABLE}({TABLE}, rowid, autocomplete) "
        "VALUES ('delete', OLD.id, OLD.autocomplete);"
    )
    insert_new = f"INSERT INTO {TABLE}(rowid, autocomplete) VALUES (NEW.id, NEW.autocomplete);"
    for statement in [
        f"CREATE VIRTUAL TABLE {TABLE} USING fts5("
        f"autocomplete, content='{entries}', content_rowid='id', prefix='2 3')",
        f"CREATE TRIGGER {TABLE}_insert AFTER INSERT ON {entries} BEGIN {insert_new} END",
        f"CREATE TRIGGER {TABLE}_delete AFTER DELETE ON {entries} BEGIN {delete_old} END",
        # Only when the text changes: Wagtail rewrites title_norm on every row after a rebuild.
        f"CREATE TRIGGER {TABLE}_update AFTER UPDATE OF autocomplete ON {entries} "
        f"BEGIN {delete_old} {insert_new} END",
        f"INSERT INTO {TABLE}({TABLE}) VALUES ('rebuild')",
    ]:
        schema_editor.execute(statement)


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor != "sqlite":
        return
    for trigger in ("insert", "delete", "update"):
        schema_editor.execute(f"DROP TRIGGER IF EXISTS {TABLE}_{trigger}")
    schema_editor.execute(f"DROP TABLE IF EXISTS {TABLE}")


class Migration(migrations.Migration):
    initial = True

    dependencies = [
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    operations = [
        migrations.CreateModel(
            name="TitleAutocompleteEntry",
            fields=[
                (
                    "index_entry",
                    models.OneToOneField(
                        db_column="rowid",
                        on_delete=django.db.models.deletion.DO_NOTHING,
                        primary_key=True,
                        related_name="+",
                        serialize=False,
                        to="wagtailsearch.indexentry",
                    ),
                ),
                ("autocomplete", models.TextField()),
            ],
            options={
                "db_table": TABLE,
                "managed": False,
            },
        ),
        migrations.RunPython(create_index, drop_index),
    ]
