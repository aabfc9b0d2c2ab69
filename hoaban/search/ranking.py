"""Relevance ranking over a bounded pool of the newest matches, shared by the SQLite and
PostgreSQL result classes (sqlite_ranking.py, postgres_ranking.py; see backends.py).

A common word matches most of a provincial paper's archive ("Điện Biên": 91% of the stories),
and scoring every match costs more than the rest of a search together. So a backend scores
at most `ranking_pool` matches, the most recently indexed ones, and only the best few of
those are mapped to objects and checked against the queryset's filters (live, edition,
section, dates). A page of results then costs about the same for a word in two hundred
stories or in ninety thousand. Each backend says how it matches, scores and counts; the rest
is here.
"""

from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)


class PooledRanking:
    """Mixin for a modelsearch results class; the backend's own class follows it.

    `ranking_pool`: how many matches are scored at most, the most recently indexed ones.
    Index entries are created as articles are first saved, so these are (nearly) the newest
    matches; for a word that common, relevance barely separates one story from the next.
    """

    ranking_pool: int

    def _handles(self) -> bool:
        """Whether this query is ranked here (otherwise it is left to the backend's class)."""
        raise NotImplementedError

    def _scored(self, pool: int | None) -> tuple[list[tuple[int, float]], bool]:
        """(index entry, score) of the `pool` most recently indexed matches (all when None),
        best first (higher scores are better), and whether that was every match."""
        raise NotImplementedError

    def _matching(self):
        """The queryset (with its filters) narrowed to objects whose index entry matches."""
        raise NotImplementedError

    def _count_upto(self, limit: int) -> int:
        """How many matches pass the queryset's filters, counting no further than `limit`."""
        raise NotImplementedError

    def _content_types(self) -> list[int]:
        return get_descendants_content_types_pks(self.query_compiler.queryset.model)

    def _entry_objects(self, entries=None, *, objects=None) -> dict[int, int]:
        """{index entry id: object primary key} of the searched models, for these entries or
        for these objects' entries."""
        found = IndexEntry.objects.filter(content_type_id__in=self._content_types())
        if entries is not None:
            found = found.filter(pk__in=entries)
        if objects is not None:
            found = found.filter(object_id__in=[str(pk) for pk in objects])
        return {entry: int(object_id) for entry, object_id in found.values_list("pk", "object_id")}

    def _ranked(self, stop: int | None) -> list[tuple[int, float]]:
        """(primary key, score) of the best `stop` matches (all when None), best first.

        Only the best few scored matches are mapped to objects and checked against the
        queryset's filters, taking more when too many were filtered out, and scoring more
        matches when even all scored ones were not enough.
        """
        compiler = self.query_compiler
        pool = None if stop is None else max(self.ranking_pool, stop)
        while True:
            scored, complete = self._scored(pool)
            ranked: list[tuple[int, float]] = []
            checked, window = 0, None if stop is None else max(stop * 4, 100)
            while checked < len(scored):
                batch = scored[checked:window]
                checked += len(batch)
                entry_to_pk = self._entry_objects([entry for entry, _ in batch])
                allowed = set(
                    compiler.queryset.order_by()
                    .filter(pk__in=set(entry_to_pk.values()))
                    .values_list("pk", flat=True)
                )
                ranked.extend(
                    (entry_to_pk[entry], score)
                    for entry, score in batch
                    if entry_to_pk.get(entry) in allowed
                )
                if stop is not None:
                    if len(ranked) >= stop:
                        return ranked[:stop]
                    window *= 4
            if complete:
                return ranked
            # Every scored match was checked and too few passed the filters: score more.
            pool *= 4

    def _do_search(self):
        if not self._handles():
            return super()._do_search()
        compiler = self.query_compiler
        if not compiler.order_by_relevance:
            return self._in_order()
        page = self._ranked(self.stop)[self.start : self.stop]
        objects = compiler.queryset.order_by().in_bulk([pk for pk, _ in page])
        results = []
        for pk, score in page:
            if self._score_field:
                setattr(objects[pk], self._score_field, score)
            results.append(objects[pk])
        return results

    def _in_order(self):
        """The results sorted by the queryset's own ordering (newest first on the search page)."""
        queryset = self._matching()
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        return list(queryset[self.start : self.stop])

    def _count(self, limit: int | None) -> int:
        """How many matches pass the filters, counting no further than `limit` (all when None)."""
        # A sliced count (the search page's "more than N") stops at the slice's end.
        return self._matching().count() if limit is None else self._count_upto(limit)

    def _do_count(self):
        if not self._handles():
            return super()._do_count()
        count = self._count(self.stop)
        stop = count if self.stop is None else min(self.stop, count)
        return max(stop - self.start, 0)
