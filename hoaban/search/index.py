"""Search fields whose indexed value is folded (see folding.py).

They go through Wagtail's search framework like any field, so the database backends
(SQLite FTS5, PostgreSQL) and OpenSearch/Elasticsearch all index the same folded words, and
the reader's query is folded the same way before it is sent (query.py).
"""

from wagtail.search import index

from .folding import fold


def _folded_text(value) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_folded_text(item) for item in value)
    return "" if value is None else fold(str(value))


class FoldedSearchField(index.SearchField):
    def get_value(self, obj):
        return _folded_text(super().get_value(obj))


class FoldedAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return _folded_text(super().get_value(obj))
