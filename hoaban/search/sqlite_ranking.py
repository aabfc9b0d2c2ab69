"""One-pass relevance ranking for the SQLite FTS5 backend (see backends.py).

Imported only when the database is SQLite: its FTS model does not exist elsewhere.
"""

from django.db import connections
from django.db.models import Exists, FloatField, Func, IntegerField, OuterRef
from django.db.models.functions import Cast
from modelsearch.backends.database.sqlite.query import MatchExpression, normalize
from modelsearch.backends.database.sqlite.sqlite import (
    IndexEntry,
    SQLiteAutocompleteQueryCompiler,
    SQLiteFTSIndexEntry,
    SQLiteSearchResults,
)
from modelsearch.query import And, Boost, MatchAll, Not, Or, Phrase, PlainText

from .models import TitleAutocompleteEntry
from .ranking import PooledRanking

# bm25 weights by FTS5 table, one per column. Wagtail's table has the columns (autocomplete,
# body, title): the title counts double, as the title field's boost asks.
COLUMN_WEIGHTS = {
    SQLiteFTSIndexEntry._meta.db_table: "1.0, 1.0, 2.0",
    TitleAutocompleteEntry._meta.db_table: "1.0",
}
# How many matches bm25 scores at most: the most recently indexed ones (see `_scored`).
# bm25 reads every query word's positions in each row it scores, so a row costs in proportion
# to the number of words: the pool is also held to TERM_ROWS words × rows (10,000 rows for two
# words, 5,000 for four). That bounds ranking to some 20-40 ms on one core.
RANKING_POOL = 10_000
TERM_ROWS = 20_000


def term_count(query) -> int:
    """How many words a (normalized) query hands to FTS5."""
    if isinstance(query, PlainText | Phrase):
        return len(query.query_string.split())
    if isinstance(query, And | Or):
        return sum(term_count(part) for part in query.subqueries)
    if isinstance(query, Boost | Not):
        return term_count(query.subquery)
    return 1


class Match(MatchExpression):
    """modelsearch's FTS5 MATCH on a given FTS table (modelsearch's always names Wagtail's)."""

    def __init__(self, table: str, columns: list[str], query) -> None:
        super().__init__(columns, query)
        self.template = f"{table} MATCH %s"


class WeightedBM25(Func):
    output_field = FloatField()

    def __init__(self, table: str):
        super().__init__()
        self.table = table

    def as_sql(self, compiler, connection, **extra_context):
        return f"bm25({self.table}, {COLUMN_WEIGHTS[self.table]})", []


class RankedSQLiteSearchResults(PooledRanking, SQLiteSearchResults):
    def _handles(self) -> bool:
        return not isinstance(normalize(self.query_compiler.query), MatchAll | Not)

    def _fts_model(self):
        """Suggestions match in the title autocomplete index, searches in Wagtail's FTS table.

        An autocomplete limited to named fields keeps Wagtail's table, which has their columns.
        """
        compiler = self.query_compiler
        if isinstance(compiler, SQLiteAutocompleteQueryCompiler) and not compiler.fields:
            return TitleAutocompleteEntry
        return SQLiteFTSIndexEntry

    def _hits(self):
        """The FTS rows matching the query, on the FTS table alone.

        No join here on purpose: joined to the index entries, SQLite probes the FTS table
        once per entry of the content type, re-reading the terms' whole posting lists each time.
        """
        compiler = self.query_compiler
        model = self._fts_model()
        match = Match(
            model._meta.db_table,
            compiler.fields or compiler.FTS_TABLE_FIELDS,
            compiler.build_search_query(normalize(compiler.query), config=None),
        )
        return model.objects.filter(match)

    def _matching(self):
        """The queryset (with its filters) narrowed to objects whose index entry matches."""
        entries = IndexEntry.objects.filter(
            pk__in=self._hits().values("index_entry_id"),
            content_type_id__in=self._content_types(),
        )
        return self.query_compiler.queryset.filter(pk__in=entries.values("object_id"))

    def _count_upto(self, limit: int) -> int:
        """The FTS table drives the query and each row is checked on its own, so the LIMIT stops
        the walk after that many qualifying rows instead of collecting every match first."""
        objects = self.query_compiler.queryset.order_by().filter(
            pk=Cast(OuterRef("object_id"), IntegerField())
        )
        entries = IndexEntry.objects.filter(
            pk=OuterRef("index_entry_id"), content_type_id__in=self._content_types()
        ).filter(Exists(objects))
        return self._hits().filter(Exists(entries))[:limit].count()

    def _is_suggestion(self) -> bool:
        return self._fts_model() is TitleAutocompleteEntry

    def _newest_entries(self, count: int) -> list[int]:
        hits = self._hits().order_by("-index_entry_id")
        return list(hits.values_list("index_entry_id", flat=True)[:count])

    def _hits_among(self, entries: dict[int, int], *, scored: bool) -> list:
        """Narrow filters' entries were (mostly) indexed together: FTS5 matches within their
        range of entry ids only."""
        if not entries:
            return []
        hits = self._hits().filter(pk__gte=min(entries), pk__lte=max(entries))
        if scored:
            score = WeightedBM25(self._fts_model()._meta.db_table)
            rows = hits.annotate(score=score).values_list("index_entry_id", "score")
            return [row for row in self._best_first(rows) if row[0] in entries]
        return [e for e in hits.values_list("index_entry_id", flat=True) if e in entries]

    @staticmethod
    def _best_first(hits) -> list[tuple[int, float]]:
        """(entry, score) rows of `hits` (index_entry_id and bm25 score values), best first and
        turned so that higher is better (bm25 is lower for better matches).

        SQLite sorts them, and the rows come straight from the cursor: sorting ten thousand
        rows in Python, or the ORM's per-row converters, cost more than the scoring itself.
        """
        sql, params = hits.query.sql_with_params()
        with connections[hits.db].cursor() as cursor:
            cursor.execute(
                f"SELECT index_entry_id, -score FROM ({sql}) ORDER BY score, index_entry_id DESC",
                params,
            )
            return cursor.fetchall()

    def _scored(self, pool: int | None) -> tuple[list[tuple[int, float]], bool]:
        """(index entry, score) of the `pool` most recently indexed hits (all when None), best
        first, and whether that was every hit.

        bm25 is computed for each row it ranks, and a common word matches most of the archive:
        scoring 90,000 hits takes a quarter of a second. FTS5 walks its hits newest entry
        first and stops after `pool` of them, so only those are scored. Entries are created
        as articles are first saved, so these are (nearly) the newest matches; for words
        that common, relevance barely separates one story from the next anyway (bm25's inverse
        document frequency is close to zero).
        """
        score = WeightedBM25(self._fts_model()._meta.db_table)
        hits = self._hits().annotate(score=score).values_list("index_entry_id", "score")
        if pool is not None:
            hits = hits.order_by("-index_entry_id")[:pool]
        rows = self._best_first(hits)
        return rows, pool is None or len(rows) < pool

    @property
    def ranking_pool(self) -> int:
        terms = max(term_count(normalize(self.query_compiler.query)), 1)
        return min(RANKING_POOL, TERM_ROWS // terms)
