"""Near-duplicate stories: MinHash signatures over word shingles, looked up through LSH.

Two texts whose shingle sets overlap by the Jaccard threshold (setting
HOABAN_INGEST_NEAR_DUPLICATE_THRESHOLD) are the same story: a copy on another portal, or the
same article again after a light edit. Only originals go in the index, so a repeat is always
linked to the first import, never to another repeat.
"""

import re
from datetime import timedelta

import numpy as np
from datasketch import MinHash, MinHashLSH
from django.conf import settings
from django.utils import timezone

from .models import ImportedItem

WORD = re.compile(r"\w+")
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


def to_bytes(minhash: MinHash) -> bytes:
    return minhash.hashvalues.astype("<u8").tobytes()


def from_bytes(data: bytes) -> MinHash:
    values = np.frombuffer(bytes(data), dtype="<u8").astype(np.uint64)
    return MinHash(num_perm=len(values), hashvalues=values, scheme=SCHEME)


class NearDuplicateIndex:
    """Originals imported within the dedup window, queryable by signature."""

    def __init__(self):
        self.threshold = settings.HOABAN_INGEST_NEAR_DUPLICATE_THRESHOLD
        self.lsh = MinHashLSH(
            threshold=self.threshold, num_perm=settings.HOABAN_INGEST_MINHASH_PERMUTATIONS
        )
        self.signatures: dict = {}
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
            .values_list("pk", "signature")
            .iterator()
        )
        for pk, data in rows:
            self.add(pk, from_bytes(data))

    def add(self, key, minhash: MinHash):
        if key in self.signatures:
            return
        self.lsh.insert(key, minhash)
        self.signatures[key] = minhash
        if isinstance(key, int):
            self.last_pk = max(self.last_pk, key)

    def find(self, minhash: MinHash):
        """(key, similarity) of the closest original at or above the threshold, or None."""
        best = None
        for key in self.lsh.query(minhash):
            similarity = self.signatures[key].jaccard(minhash)
            if similarity >= self.threshold and (best is None or similarity > best[1]):
                best = (key, similarity)
        return best
