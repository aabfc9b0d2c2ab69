from django.db import models


class TitleAutocompleteEntry(models.Model):
    """A row of the title autocomplete index, an FTS5 table that exists on SQLite only.

    The migration creates it: FTS5 over the index entries' folded titles (their
    `autocomplete` text), with prefix indexes for the 2- and 3-letter starts the header box
    sends, kept up to date by triggers on the index entries. Suggestions match here instead
    of the main FTS table, whose lists for a name also hold every mention in article bodies
    and which has no prefix index: "nguyen van c" took a quarter of a second at 100,000
    articles. Never written through Django.
    """

    index_entry = models.OneToOneField(
        "wagtailsearch.IndexEntry",
        primary_key=True,
        db_column="rowid",
        on_delete=models.DO_NOTHING,
        related_name="+",
    )
    autocomplete = models.TextField()

    class Meta:
        managed = False
        db_table = "newssearch_title_autocomplete"

    def __str__(self):
        return self.autocomplete
