"""Pages of search results that never count past the last page a reader can open.

Counting every match of a common word means checking tens of thousands of articles against
the filters, on every search. Like the big search engines, the search page offers at most
RESULT_LIMIT results (50 pages) and says "more than 1000" beyond: the count stops one result
past the limit, so it costs the same for a word in a thousand stories or in ninety thousand.
"""

from functools import cached_property

from django.core.paginator import Paginator

RESULT_LIMIT = 1000


class LimitedPaginator(Paginator):
    """Pages through the first RESULT_LIMIT results; `has_more` tells whether there are more."""

    def __init__(self, object_list, per_page, **kwargs):
        super().__init__(object_list[: RESULT_LIMIT + 1], per_page, **kwargs)

    @cached_property
    def found(self) -> int:
        """How many results there are, counting no further than one past the limit."""
        return self.object_list.count()

    @cached_property
    def count(self) -> int:
        return min(self.found, RESULT_LIMIT)

    @property
    def has_more(self) -> bool:
        return self.found > RESULT_LIMIT
