"""Turn what a reader typed into a safe search query on folded text.

Nothing the reader types reaches the search engine's own syntax: the text is folded, cut
into words (runs of letters and digits), and rebuilt from Wagtail's query classes — a Phrase
for each quoted part, plain terms for the rest, all required. Quotes, `*`, `OR`, `NEAR(`,
apostrophes and other punctuation therefore never become FTS5 or tsquery operators, and a
query without a single word is "no query" rather than an error. In the Russian and English
editions the words are stemmed as their indexed text is (stemming.py).
"""

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

from wagtail.search.query import And, Or, Phrase, PlainText, SearchQuery

from .folding import fold
from .stemming import WORD, stem_word, stems

# Enough for any real question; a 2,000-character paste is cut, not refused.
MAX_QUERY_LENGTH = 200
MAX_TERMS = 12
QUOTED = re.compile(r'"([^"]*)"?')


@dataclass
class ReaderQuery:
    phrases: list[list[str]] = field(default_factory=list)
    terms: list[str] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.phrases or self.terms)

    @property
    def words(self) -> list[str]:
        """Every folded word of the query, for highlighting."""
        return [word for phrase in self.phrases for word in phrase] + self.terms

    def as_search_query(self, *, languages: Iterable[str]) -> SearchQuery:
        """The query for articles of editions in `languages`, its words as each edition
        indexes them: when stemmed and unstemmed words differ (Vietnamese with English or
        Russian), an article matches either."""
        forms = {self._query_parts(stemmed=stems(code)) for code in languages} or {
            self._query_parts(stemmed=False)
        }
        queries = [self._search_query(parts) for parts in sorted(forms)]
        return queries[0] if len(queries) == 1 else Or(queries)

    def _query_parts(self, *, stemmed: bool) -> tuple[tuple[str, ...], str]:
        """(each phrase, the plain terms), every word stemmed or not."""

        def form(words: list[str]) -> str:
            return " ".join(stem_word(word) if stemmed else word for word in words)

        return tuple(form(words) for words in self.phrases), form(self.terms)

    @staticmethod
    def _search_query(parts: tuple[tuple[str, ...], str]) -> SearchQuery:
        phrases, terms = parts
        queries: list[SearchQuery] = [Phrase(phrase) for phrase in phrases]
        if terms:
            queries.append(PlainText(terms, operator="and"))
        return queries[0] if len(queries) == 1 else And(queries)

    def as_prefix_text(self) -> str:
        """All words as plain text, for autocomplete (the engine treats the last as a prefix)."""
        return " ".join(self.words)


def parse(raw: str) -> ReaderQuery:
    """Folded words and quoted phrases of `raw`, at most MAX_TERMS words in all."""
    text = fold(raw or "")[:MAX_QUERY_LENGTH]
    query = ReaderQuery()
    budget = MAX_TERMS
    position = 0
    for match in QUOTED.finditer(text):
        budget = _add_terms(query, text[position : match.start()], budget)
        words = WORD.findall(match.group(1))[:budget]
        if len(words) > 1:
            query.phrases.append(words)
        else:
            query.terms.extend(words)
        budget -= len(words)
        position = match.end()
    _add_terms(query, text[position:], budget)
    return query


def _add_terms(query: ReaderQuery, text: str, budget: int) -> int:
    words = WORD.findall(text)[: max(budget, 0)]
    query.terms.extend(words)
    return budget - len(words)
