"""Relevance ranking over a bounded pool of the newest matches, shared by the SQLite and
PostgreSQL result classes (sqlite_ranking.py, postgres_ranking.py; see backends.py).

A common word matches most of a provincial paper's archive ("Điện Biên": 91% of the stories),
and scoring every match costs more than the rest of a search together. So a backend scores
at most `ranking_pool` matches, the most recently indexed ones, and only the best few of
those are mapped to objects and checked against the queryset's filters (live, edition,
section, dates). A page of results then costs about the same for a word in two hundred
stories or in ninety thousand. Filters that keep only a few articles (a ten-day date range,
a small section) are searched from their side instead (`_narrow_entries`). Each backend says
how it matches, scores and counts; the rest is here.
"""

from modelsearch.conf import get_app_config
from modelsearch.utils import get_descendants_content_types_pks

IndexEntry = get_app_config().get_model("IndexEntry", require_ready=False)

# Filters (dates, a section) that keep at most NARROW objects, and pass fewer than one in
# SELECTIVE of the newest SAMPLE matches, are searched from their side (`_narrow_entries`).
NARROW = 2_000
SAMPLE = 100
SELECTIVE = 4
# Sorted by a field (newest first), a word with more matches than this is found by walking
# the sorted objects this many at a time (`_first_in_order`).
ORDERED_WALK = 500


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

    def _is_suggestion(self) -> bool:
        """Whether this is an autocomplete of titles (never filtered narrowly)."""
        raise NotImplementedError

    def _newest_entries(self, count: int) -> list[int]:
        """The `count` highest index entry ids among the matches."""
        raise NotImplementedError

    def _hits_among(self, entries: dict[int, int], *, scored: bool) -> list:
        """The matches among `entries`: (entry, score) rows best first when `scored`, else
        entry ids."""
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

    def _narrow_entries(self) -> dict[int, int] | None:
        """{index entry: object} of every object the filters keep, when they are narrow; else None.

        A common word with a ten-day date range matches 90,000 stories of which 300 pass:
        walking the matches newest first to find those (to count them, or to rank them) takes
        seconds. When a sample of the newest matches shows the filters drop most of them, and
        the filters keep at most NARROW objects, only those objects' entries are matched
        (`_hits_among`). Suggestions are never filtered that narrowly. The page and its count
        share the compiler, so they share the answer.
        """
        if self._is_suggestion():
            return None
        known = self.query_compiler.__dict__
        if "_narrow_entries" not in known:
            known["_narrow_entries"] = self._find_narrow_entries()
        return known["_narrow_entries"]

    def _find_narrow_entries(self) -> dict[int, int] | None:
        sample = self._newest_entries(SAMPLE)
        if len(sample) < SAMPLE:
            return None  # few matches: walking all of them is cheap
        queryset = self.query_compiler.queryset.order_by()
        passing = queryset.filter(pk__in=self._entry_objects(sample).values()).count()
        if passing * SELECTIVE >= len(sample):
            return None
        kept = list(queryset.values_list("pk", flat=True)[: NARROW + 1])
        if len(kept) > NARROW:
            return None
        return self._entry_objects(objects=kept)

    def _ranked(self, stop: int | None) -> list[tuple[int, float]]:
        """(primary key, score) of the best `stop` matches (all when None), best first.

        Only the best few scored matches are mapped to objects and checked against the
        queryset's filters, taking more when too many were filtered out, and scoring more
        matches when even all scored ones were not enough.
        """
        narrow = self._narrow_entries()
        if narrow is not None:
            scored = self._hits_among(narrow, scored=True)
            return [(narrow[entry], score) for entry, score in scored][:stop]
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
        queryset = self.query_compiler.queryset
        if not queryset.query.order_by:
            queryset = queryset.order_by("-pk")
        narrow = self._narrow_entries()
        if narrow is not None:
            matched = [narrow[entry] for entry in self._hits_among(narrow, scored=False)]
            return list(queryset.filter(pk__in=matched)[self.start : self.stop])
        return self._in_order_broad(queryset)

    def _in_order_broad(self, queryset):
        """`_in_order` when the filters are not narrow: a rare word's matches are collected and
        sorted; a common word's are found by walking the sorted objects."""
        # An unsliced listing wants every match anyway: no need to ask how common the word is.
        if self.stop is None or len(self._newest_entries(ORDERED_WALK + 1)) <= ORDERED_WALK:
            matching = self._matching().order_by(*queryset.query.order_by)
            return list(matching[self.start : self.stop])
        page = self._first_in_order(queryset, self.stop)[self.start :]
        objects = queryset.order_by().in_bulk(page)
        return [objects[pk] for pk in page]

    def _first_in_order(self, queryset, stop: int) -> list[int]:
        """Primary keys of the first `stop` matching objects of `queryset`, in its order.

        Collecting 90,000 matches of a common word to sort them by date took a quarter of a
        second on SQLite and over a second on PostgreSQL; walking the newest stories and
        keeping those that match finds a page after a few hundred.
        """
        found, offset = [], 0
        while len(found) < stop:
            batch = list(queryset.values_list("pk", flat=True)[offset : offset + ORDERED_WALK])
            if not batch:
                break
            entries = self._entry_objects(objects=batch)
            matched = {entries[entry] for entry in self._hits_among(entries, scored=False)}
            found.extend(pk for pk in batch if pk in matched)
            offset += ORDERED_WALK
        return found[:stop]

    def _count(self, limit: int | None) -> int:
        """How many matches pass the filters, counting no further than `limit` (all when None)."""
        narrow = self._narrow_entries()
        if narrow is not None:
            return len(self._hits_among(narrow, scored=False))
        # A sliced count (the search page's "more than N") stops at the slice's end.
        return self._matching().count() if limit is None else self._count_upto(limit)

    def _do_count(self):
        if not self._handles():
            return super()._do_count()
        count = self._count(self.stop)
        stop = count if self.stop is None else min(self.stop, count)
        return max(stop - self.start, 0)
