"""Near-duplicate stories: MinHash signatures over word shingles, looked up through LSH.

Two texts whose shingle sets overlap by the Jaccard threshold (setting
HOABAN_INGEST_NEAR_DUPLICATE_THRESHOLD) are the same story: a copy on another portal, or the
same article again after a light edit. Only originals go in the index, so a repeat is always
linked to the first import, never to another repeat.

A short story (under HOABAN_INGEST_SHORT_STORY_WORDS) with one sentence rewritten falls far
below that threshold: the rewritten sentence is a large share of its shingles. So short
texts are also looked up at a lower threshold and then compared sentence by sentence: the
same story when all but one sentence on each side are the same. Two short stories made from
one template (gold prices, power cuts, weather) share their fixed sentences, often past the
threshold, but not their numbers (dates, prices, hours): short texts whose numbers differ are
never the same story.

A translation into another edition shares no shingles with its original. Texts in two
languages are compared by their fingerprints instead (fingerprint.py: numbers and names
written in one script), and are the same story when those overlap by
CROSS_EDITION_THRESHOLD. Distinct stories of one template share their names but not their
numbers, which keeps them apart here too.
"""

import re
import zlib
from collections import Counter
from datetime import timedelta

import numpy as np
from datasketch import MinHash, MinHashLSH
from django.conf import settings
from django.utils import timezone

from .fingerprint import figures, fingerprint, overlap
from .models import ImportedItem

WORD = re.compile(r"\w+")
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")
NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Short stories: candidates at this shingle similarity are compared sentence by sentence.
SHORT_CANDIDATE_THRESHOLD = 0.3
MIN_SHARED_SENTENCES = 2
# Texts in two languages are one story when their figures (numbers and days) overlap by this
# Jaccard similarity, at least this many are shared, and they share a name. Chosen on
# bench/near_duplicates.py's labelled set: translations score 0.83 or more, distinct stories
# from one template (weather, gold prices, power cuts) 0.5 or less.
CROSS_EDITION_THRESHOLD = 0.7
CROSS_EDITION_MIN_FIGURES = 3
# Stored signatures are only comparable with ones made by the same permutation scheme.
SCHEME = "affine32"


def signature(text: str) -> MinHash:
    words = WORD.findall(text.lower())
    size = settings.HOABAN_INGEST_SHINGLE_WORDS
    minhash = MinHash(num_perm=settings.HOABAN_INGEST_MINHASH_PERMUTATIONS, scheme=SCHEME)
    minhash.update_batch(
        [" ".join(words[i : i + size]).encode() for i in range(max(1, len(words) - size + 1))]
    )
    return minhash


def facts(text: str, language: str | None = None) -> dict:
    """What the sentence-level comparison of a short story needs, small enough to store:
    its length in words, a hash of each sentence (case and punctuation aside) and its numbers;
    with its language, the fingerprint that meets a translation of it.
    """
    sentences = {
        zlib.crc32(" ".join(WORD.findall(sentence.lower())).encode())
        for sentence in SENTENCE_END.split(text)
        if WORD.search(sentence)
    }
    found = {
        "words": len(WORD.findall(text)),
        "sentences": sorted(sentences),
        "numbers": sorted(set(NUMBER.findall(text))),
    }
    if language:
        found["language"] = language
        found["fingerprint"] = sorted(fingerprint(text, language))
    return found


def same_sentences(one: dict, other: dict) -> bool:
    """At most one sentence differs on each side, and enough are shared."""
    mine, theirs = set(one["sentences"]), set(other["sentences"])
    shared = len(mine & theirs)
    return shared >= MIN_SHARED_SENTENCES and len(mine) - shared <= 1 and len(theirs) - shared <= 1


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(bytes(data), dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """Originals imported within the dedup window, queryable by signature."""

    def __init__(self):
        self.threshold = settings.HOABAN_INGEST_NEAR_DUPLICATE_THRESHOLD
        permutations = settings.HOABAN_INGEST_MINHASH_PERMUTATIONS
        self.lsh = MinHashLSH(threshold=self.threshold, num_perm=permutations)
        self.short_lsh = MinHashLSH(threshold=SHORT_CANDIDATE_THRESHOLD, num_perm=permutations)
        self.signatures: dict = {}
        self.facts: dict = {}
        # Figure (number or day) -> keys of the originals holding it, for lookups across editions.
        self.by_token: dict[str, set] = {}
        self.last_pk = 0

    @classmethod
    def load(cls) -> "NearDuplicateIndex":
        index = cls()
        index.refresh()
        return index

    def refresh(self):
        """Add the originals written since the last look (by this or a concurrent run)."""
        window = timezone.now() - timedelta(days=settings.HOABAN_INGEST_DEDUP_WINDOW_DAYS)
        rows = (
            ImportedItem.objects.filter(
                status=ImportedItem.Status.IMPORTED, pk__gt=self.last_pk, fetched_at__gte=window
            )
            .order_by("pk")
            .values_list("pk", "signature", "facts")
            .iterator()
        )
        for pk, data, stored_facts in rows:
            self.add(pk, from_bytes(data), stored_facts or None)

    def add(self, key, minhash: MinHash, text_facts: dict | None = None):
        if key in self.signatures:
            return
        self.lsh.insert(key, minhash)
        self.signatures[key] = minhash
        if text_facts:
            self.facts[key] = text_facts
            if _short(text_facts):
                self.short_lsh.insert(key, minhash)
            for token in figures(text_facts.get("fingerprint", ())):
                self.by_token.setdefault(token, set()).add(key)
        if isinstance(key, int):
            self.last_pk = max(self.last_pk, key)

    def find(self, minhash: MinHash, text_facts: dict | None = None):
        """(key, similarity) of the closest original telling the same story, or None."""
        candidates = set(self.lsh.query(minhash))
        if text_facts and _short(text_facts):
            candidates.update(self.short_lsh.query(minhash))
        if text_facts and text_facts.get("language"):
            candidates.update(self._other_editions(text_facts))
        best = None
        for key in candidates:
            similarity = match(
                self.signatures[key], self.facts.get(key), minhash, text_facts, self.threshold
            )
            if similarity is not None and (best is None or similarity > best[1]):
                best = (key, similarity)
        return best

    def _other_editions(self, text_facts: dict) -> list:
        """Originals in other languages sharing enough of the text's figures."""
        shared = Counter(
            key
            for token in figures(text_facts["fingerprint"])
            for key in self.by_token.get(token, ())
        )
        return [
            key
            for key, count in shared.items()
            if count >= CROSS_EDITION_MIN_FIGURES
            and self.facts[key]["language"] != text_facts["language"]
        ]


def match(original: MinHash, original_facts, minhash: MinHash, text_facts, threshold: float):
    """The similarity of two texts when they tell the same story, else None.

    Two languages: their figures, and a name in common (across_editions). Long texts: the
    shingle threshold. Two short ones: the same numbers, and either the threshold or all but
    one sentence on each side the same (a stored item from before facts were kept has none,
    and is judged by the threshold alone; one from before languages were kept is never
    compared across editions).
    """
    if _other_edition(original_facts, text_facts):
        return across_editions(original_facts["fingerprint"], text_facts["fingerprint"])
    similarity = original.jaccard(minhash)
    short = bool(original_facts and text_facts and _short(original_facts) and _short(text_facts))
    if not short:
        return similarity if similarity >= threshold else None
    if original_facts["numbers"] != text_facts["numbers"]:
        return None
    if similarity >= threshold or same_sentences(original_facts, text_facts):
        return similarity
    return None


def across_editions(one, other) -> float | None:
    """The overlap of two fingerprints' figures when they tell the same story, else None.

    Names alone cannot decide: a translator renders titles and bodies freely ("Hội Chữ thập
    đỏ", "Red Cross Society"), and stories from one template share all of theirs.
    """
    one_figures, other_figures = figures(one), figures(other)
    if len(one_figures & other_figures) < CROSS_EDITION_MIN_FIGURES:
        return None
    if not (set(one) - one_figures) & (set(other) - other_figures):
        return None
    found = overlap(one_figures, other_figures)
    return found if found >= CROSS_EDITION_THRESHOLD else None


def _other_edition(one: dict | None, other: dict | None) -> bool:
    languages = {(facts_ or {}).get("language") for facts_ in (one, other)}
    return None not in languages and len(languages) == 2


def _short(text_facts: dict) -> bool:
    return text_facts["words"] < settings.HOABAN_INGEST_SHORT_STORY_WORDS
