"""Wagtail's database search backend, with relevance ranking on SQLite and PostgreSQL done over
a bounded pool of the newest matches (ranking.py).

modelsearch's SQLite backend orders results by a correlated subquery that runs the FTS5 match
again for every matching row, which grows with the square of the number of matches: a common
query ("Điện Biên") over 10,000 articles took minutes. Here the match runs once, FTS5 scores
the newest hits with bm25 (title column weighted double, as the title field's boost asks),
the page of results is loaded by primary key, a limited count stops at its limit, and
suggestions match a title-only FTS5 index (sqlite_ranking.py, models.py). On PostgreSQL the
match modelsearch makes is served by a GIN index on the expression it matches, and the newest
matches are ranked with modelsearch's own ts_rank expression (postgres_ranking.py).
Everything else — indexing, filtering, sorting by a field, other databases — is Wagtail's own.

Configure with WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "hoaban.search.backends"}}.
"""

from modelsearch.backends.database import SearchBackend as database_backend


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    backend = database_backend(params)
    if backend.__class__.__name__ == "SQLiteSearchBackend":
        from .sqlite_ranking import RankedSQLiteSearchResults

        backend.results_class = RankedSQLiteSearchResults
    elif backend.__class__.__name__ == "PostgresSearchBackend":
        from .postgres_ranking import RankedPostgresSearchResults

        backend.results_class = RankedPostgresSearchResults
    return backend
