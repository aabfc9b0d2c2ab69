"""Full-text search on PostgreSQL served by indexes, ranked over the newest matches
(see backends.py).

modelsearch matches `(title || body) @@ query`, ranks every match with ts_rank and counts
them all. No index covered that concatenation, so each search read every entry's body out of
TOAST, and a common word ("Điện Biên", in 91% of the stories) meant ranking some 90,000 rows.
Here the same condition is served by a GIN index on the concatenation (migration
`newssearch.0002`), ranking is modelsearch's own ts_rank expression over a bounded pool of the
newest matches (ranking.py), and a sliced count stops at its slice's end. Suggestions match
the `autocomplete` column, which modelsearch already indexes.

Imported only when the database is PostgreSQL.
"""

from functools import reduce

from django.db import connections
from django.db.models import Exists, F, IntegerField, Max, OuterRef
from django.db.models.expressions import RawSQL
from django.db.models.functions import Cast
from modelsearch.backends.database.postgres.postgres import (
    PostgresAutocompleteQueryCompiler,
    PostgresSearchResults,
)
from modelsearch.query import Fuzzy, MatchAll, Not

from .ranking import IndexEntry, PooledRanking

JOINED = "index_entries__"
# Matches are first looked for among the newest WINDOW × pool index entries (see `_newest`).
WINDOW = 10


def id_array(ids) -> RawSQL:
    """Ids for `pk__in`, sent as one array: 2,000 `IN (%s, …)` placeholders cost more to build
    and send than the query takes to run."""
    return RawSQL("SELECT unnest(%s::integer[])", [list(ids)])


def by_ids(ids: list[int]):
    """Index entries by id."""
    return IndexEntry.objects.filter(pk__in=id_array(ids))


class RankedPostgresSearchResults(PooledRanking, PostgresSearchResults):
    # ts_rank reads each ranked entry's whole body out of TOAST, some 10 µs a row on this
    # 2-core machine: 10,000 rows would cost 100-250 ms a search (docs/search.md).
    search_pool = 2_000
    # Eight suggestions: the newest few hundred titles that fit are plenty, and finding
    # 2,000 meant visiting up to 20,000 rows (a prefix such as "bi" is in many titles).
    suggestion_pool = 200

    @property
    def ranking_pool(self) -> int:
        return self.suggestion_pool if self._is_suggestion() else self.search_pool

    def _is_suggestion(self) -> bool:
        return isinstance(self.query_compiler, PostgresAutocompleteQueryCompiler)

    def _newest_entries(self, count: int) -> list[int]:
        return self._newest(count)

    def _hits_among(self, entries: dict[int, int], *, scored: bool) -> list:
        """Narrow filters' entries looked up by id, each checked against the query: a few
        thousand rows at most, however many stories match."""
        if not entries:
            return []
        hits = self._entries().filter(pk__in=id_array(entries))
        if scored:
            return self._fetch(hits.annotate(score=self._score()).values_list("pk", "score"))
        return list(hits.values_list("pk", flat=True))

    def _score(self):
        """modelsearch's ts_rank expression over the entry's own columns."""
        return self.query_compiler._build_rank_expression(self._vectors(), self._config())

    def _config(self):
        return self.query_compiler.get_config(self.backend)

    def _handles(self) -> bool:
        compiler = self.query_compiler
        query = compiler.query
        plain = not isinstance(query, MatchAll | Fuzzy) and not (
            isinstance(query, Not) and isinstance(query.subquery, MatchAll)
        )
        return compiler.fields is None and plain

    def _vectors(self) -> list[tuple[F, F | float]]:
        """modelsearch's (column, weight) pairs — title weighed by its norm and body, or the
        autocomplete column — on the index entry itself instead of through the page."""
        return [
            (
                F(column.name.removeprefix(JOINED)),
                F(weight.name.removeprefix(JOINED)) if isinstance(weight, F) else weight,
            )
            for column, weight in self.query_compiler.get_index_vectors(None)
        ]

    def _entries(self):
        """Index entries of the queryset's content types that match, as modelsearch matches
        them: `title || body` (the expression the GIN index covers) or `autocomplete`."""
        compiler = self.query_compiler
        columns = [column for column, _ in self._vectors()]
        joined = reduce(lambda left, right: left._combine(right, "||", False), columns)
        return (
            IndexEntry.objects.annotate(_vector_=joined)
            .filter(_vector_=compiler.build_tsquery(compiler.query, config=self._config()))
            .filter(content_type_id__in=self._content_types())
        )

    def _matching(self):
        object_ids = self._entries().values(pk_=Cast("object_id", IntegerField()))
        return self.query_compiler.queryset.filter(pk__in=object_ids)

    def _count_upto(self, limit: int) -> int:
        """Counted among the newest matches first (the ids ranking uses too, looked up by
        primary key): when enough of those pass the filters, no other match is read."""
        objects = self.query_compiler.queryset.order_by().filter(
            pk=Cast(OuterRef("object_id"), IntegerField())
        )
        pool = max(self.ranking_pool, limit)
        newest = self._newest(pool)
        count = by_ids(newest).filter(Exists(objects))[:limit].count()
        if count >= limit or len(newest) < pool:
            return count
        return self._entries().filter(Exists(objects))[:limit].count()

    def _newest(self, pool: int) -> list[int]:
        """The `pool` highest index entry ids among the matches.

        Ordering every match by id means visiting each in the table (for "Điện Biên", 90,000
        rows). So matches are looked for among the newest entries first, a range the primary
        key's index narrows the GIN index's answer to, and among all only when it holds too
        few.
        """
        # The page and its count are two slices of one search, sharing its compiler: both
        # use the same ids, looked up once.
        found = self.query_compiler.__dict__.setdefault("_newest_matches", {})
        if pool not in found:
            found[pool] = self._find_newest(pool)
        return found[pool]

    def _find_newest(self, pool: int) -> list[int]:
        entries = self._entries().order_by("-pk").values_list("pk", flat=True)
        top = IndexEntry.objects.aggregate(top=Max("pk"))["top"] or 0
        if pool * WINDOW < top:
            newest = list(entries.filter(pk__gt=top - pool * WINDOW)[:pool])
            if len(newest) == pool:
                return newest
        # Rarer matches: few enough to be visited all (each retry would scan the index again).
        return list(entries[:pool])

    def _scored(self, pool: int | None) -> tuple[list[tuple[int, float]], bool]:
        """ts_rank, like checking a quoted phrase, reads the whole body of each entry, so only
        the `pool` newest matches are ranked, found first in the index alone."""
        score = self._score()
        entries, complete = self._entries(), True
        if pool is not None:
            newest = self._newest(pool)
            if not newest:
                return [], True
            entries, complete = by_ids(newest), len(newest) < pool
        return self._fetch(entries.annotate(score=score).values_list("pk", "score")), complete

    @staticmethod
    def _fetch(hits) -> list[tuple[int, float]]:
        """(entry, score) rows best first, straight from the cursor, as on SQLite."""
        with connections[hits.db].cursor() as cursor:
            cursor.execute(*hits.query.sql_with_params())
            rows = cursor.fetchall()
        rows.sort(key=lambda row: (-row[1], -row[0]))
        return rows
