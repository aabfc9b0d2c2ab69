"""Search fields whose indexed value is folded (see folding.py), and in the Russian and
English editions stemmed (stemming.py).

They go through Wagtail's search framework like any field, so the database backends
(SQLite FTS5, PostgreSQL) and OpenSearch/Elasticsearch all index the same words, and
the reader's query is folded and stemmed the same way before it is sent (query.py). Titles
for autocomplete are folded only: a reader's half-typed word is a prefix of the word as
written, not of its stem.
"""

from wagtail.search import index

from .folding import fold
from .stemming import stem_text, stems


def _folded_text(value) -> str:
    if isinstance(value, list | tuple):
        return " ".join(_folded_text(item) for item in value)
    return "" if value is None else fold(str(value))


def _language(obj) -> str | None:
    locale = getattr(obj, "locale", None)
    return locale.language_code if locale is not None else None


class FoldedSearchField(index.SearchField):
    def get_value(self, obj):
        text = _folded_text(super().get_value(obj))
        return stem_text(text) if stems(_language(obj)) else text


class FoldedAutocompleteField(index.AutocompleteField):
    def get_value(self, obj):
        return _folded_text(super().get_value(obj))
