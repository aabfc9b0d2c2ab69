"""Stemming for the Russian and English editions: "Петербурга" and "Петербурге" find the
stories about "Петербург", "festivals" those about a "festival".

One rule in Python, applied to the indexed text (index.py) and to the reader's query
(query.py) alike, so SQLite FTS5 (which has no Russian stemmer) and PostgreSQL (whose text
search config is one for the whole index, here `simple`) match the same words. In a stemming
edition every word is stemmed by its alphabet: Cyrillic with Snowball's Russian algorithm,
Latin (already folded to plain a-z) with Snowball's English one, so a Russian story quoting an
English title or an English one naming "Санкт-Петербург" is stemmed right too. Vietnamese is
not inflected: its editions are left as folded.
"""

import re
import threading
from functools import lru_cache

import snowballstemmer

STEMMED_LANGUAGES = frozenset({"en", "ru"})
# A word as the search engines tokenise it: a run of letters and digits.
WORD = re.compile(r"[^\W_]+")
_CYRILLIC = re.compile(r"[\u0400-\u04ff]")
# Snowball stemmers keep the word being stemmed on the instance: one per thread.
_local = threading.local()


def stems(language_code: str | None) -> bool:
    """Whether an edition's text is stemmed."""
    return language_code in STEMMED_LANGUAGES


def _stemmer(algorithm: str):
    stemmers = _local.__dict__.setdefault("stemmers", {})
    if algorithm not in stemmers:
        stemmers[algorithm] = snowballstemmer.stemmer(algorithm)
    return stemmers[algorithm]


@lru_cache(maxsize=65_536)
def stem_word(word: str) -> str:
    """The stem of one folded word (lower case, no accents)."""
    if _CYRILLIC.search(word):
        return _stemmer("russian").stemWord(word)
    if word.isascii():
        return _stemmer("english").stemWord(word)
    return word


def stem_text(folded: str) -> str:
    """Folded text with every word replaced by its stem, the rest left as it is."""
    return WORD.sub(lambda match: stem_word(match.group()), folded)
