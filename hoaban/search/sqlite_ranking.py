"""One-pass relevance ranking for the SQLite FTS5 backend (see backends.py).

Imported only when the database is SQLite: its FTS model does not exist elsewhere.
"""

from django.db.models import FloatField, Func
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteFTSIndexEntry,
    SQLiteSearchResults,
)
from modelsearch.query import MatchAll, Not
from modelsearch.utils import get_descendants_content_types_pks

FTS_TABLE = SQLiteFTSIndexEntry._meta.db_table
# Column order of the FTS5 table: (autocomplete, body, title).
COLUMN_WEIGHTS = "1.0, 1.0, 2.0"


class WeightedBM25(Func):
    output_field = FloatField()

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({FTS_TABLE}, {COLUMN_WEIGHTS})", []


class RankedSQLiteSearchResults(SQLiteSearchResults):
    def _handles(self) -> bool:
        return not isinstance(normalize(self.query_compiler.query), MatchAll | Not)

    def _hits(self):
        """The FTS rows matching the query, on the FTS table alone.

        No join here on purpose: joined to the index entries, SQLite probes the FTS table
        once per entry of the content type, re-reading the terms' whole posting lists each time.
        """
        compiler = self.query_compiler
        match = MatchExpression(
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(normalize(compiler.query), config=None),
        )
        return SQLiteFTSIndexEntry.objects.filter(match)

    def _matching(self):
        """The queryset (with its filters) narrowed to objects whose index entry matches."""
        compiler = self.query_compiler
        entries = IndexEntry.objects.filter(
            pk__in=self._hits().values("index_entry_id"),
            content_type_id__in=get_descendants_content_types_pks(compiler.queryset.model),
        )
        return compiler.queryset.filter(pk__in=entries.values("object_id"))

    def _ranked(self, stop: int | None) -> list[tuple[int, float]]:
        """(primary key, score) of the best `stop` matches (all when None), best first.

        FTS5 scores and sorts every hit in C; only the best few are then mapped to objects and
        checked against the queryset's filters (live, edition, section, dates), widening the
        window when too many were filtered out. So a page of results costs the same whether a
        word occurs in two hundred stories or in twenty thousand.
        """
        compiler = self.query_compiler
        content_types = get_descendants_content_types_pks(compiler.queryset.model)
        scored = self._hits().annotate(score=WeightedBM25()).order_by("score")
        window = None if stop is None else max(stop * 4, 100)
        while True:
            top = list(scored.values_list("index_entry_id", "score")[:window])
            entry_to_pk = {
                entry: int(object_id)
                for entry, object_id in IndexEntry.objects.filter(
                    pk__in=[entry for entry, _ in top], content_type_id__in=content_types
                ).values_list("pk", "object_id")
            }
            allowed = set(
                compiler.queryset.order_by()
                .filter(pk__in=set(entry_to_pk.values()))
                .values_list("pk", flat=True)
            )
            ranked = [
                (entry_to_pk[entry], -score)
                for entry, score in top
                if entry_to_pk.get(entry) in allowed
            ]
            if window is None or len(ranked) >= stop or len(top) < window:
                return ranked[:stop]
            window *= 4

    def _do_search(self):
        if not self._handles():
            return super()._do_search()
        compiler = self.query_compiler
        if not compiler.order_by_relevance:
            queryset = self._matching()
            if not queryset.query.order_by:
                queryset = queryset.order_by("-pk")
            return list(queryset[self.start : self.stop])
        page = self._ranked(self.stop)[self.start : self.stop]
        objects = compiler.queryset.order_by().in_bulk([pk for pk, _ in page])
        results = []
        for pk, score in page:
            if self._score_field:
                setattr(objects[pk], self._score_field, score)
            results.append(objects[pk])
        return results

    def _do_count(self):
        if not self._handles():
            return super()._do_count()
        count = self._matching().count()
        stop = count if self.stop is None else min(self.stop, count)
        return max(stop - self.start, 0)
