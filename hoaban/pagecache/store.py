"""Where cached pages live, and how a path is invalidated without scanning keys.

Every path has a version token and the whole store has a generation token; a page is stored
under (generation, path version, host + query). Purging a path replaces its token, so every
stored variant of it (?page=2, other hosts) becomes unreachable with one write, on any
backend (files, memory, Redis). The tokens a request saw *before* rendering are the ones its
page is stored under: a purge that lands while a stale page is being rendered wins.

Each process remembers the tokens it has read, and trusts them only while the purge stamp —
a value every purge replaces, in the same write as the tokens — is the one they were read
under. A hit therefore reads the stamp and the page together: one Redis round trip, or two
files.
"""

import hashlib
import uuid
from dataclasses import dataclass, field

from django.core.cache import caches
from django.http import HttpResponse

ALIAS = "pages"
GENERATION_KEY = "generation"
STAMP_KEY = "purged"
# Tokens remembered per process at most; beyond that the memory starts again.
REMEMBERED_PATHS = 50_000
# Headers worth replaying from the cache; per-response ones (Date, cookies) are never stored.
KEPT_HEADERS = {
    "content-type",
    "content-language",
    "cache-control",
    "last-modified",
    "etag",
    "link",
    "x-frame-options",
    "x-content-type-options",
    "referrer-policy",
    "cross-origin-opener-policy",
}


def _cache():
    return caches[ALIAS]


def _digest(value: str) -> str:
    return hashlib.blake2b(value.encode(), digest_size=16).hexdigest()


def _path_key(path: str) -> str:
    return f"path:{_digest(path)}"


def new_token() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class _Remembered:
    """Tokens this process has read, valid while the store's stamp is still `stamp`."""

    stamp: str | None = None
    generation: str | None = None
    versions: dict = field(default_factory=dict)


# Replaced whole, never changed in place except for adding a path: threads of one worker
# share it without locks (a lost addition only costs one more read).
_remembered = _Remembered()


def _page_key(generation: str, version: str, variant: str) -> str:
    # "page3": entries without their expiry; the new name keeps processes from reading the old form.
    return f"page3:{generation}:{version}:{variant}"


def read_tokens(cache, names: list[str]) -> dict:
    """The named tokens, creating those missing; add() keeps one another process set meanwhile."""
    tokens = cache.get_many(names)
    for name in names:
        if name not in tokens:
            cache.add(name, new_token(), timeout=None)
            tokens[name] = cache.get(name)
    return tokens


_UNREAD = object()


@dataclass(frozen=True)
class Slot:
    """The cache entry one request reads and, on a miss, fills."""

    key: str
    # The stored entry when it was read along with the stamp (None: read and absent), else
    # _UNREAD.
    prefetched: object = field(default=_UNREAD, compare=False, repr=False)

    @classmethod
    def for_request(cls, *, host: str, path: str, query: str) -> "Slot":
        global _remembered
        cache = _cache()
        path_key = _path_key(path)
        variant = _digest(host + "?" + query)
        known = _remembered
        version = known.versions.get(path_key)
        if version is not None:
            key = _page_key(known.generation, version, variant)
            # The page before the stamp: a purge landing between the two reads is then seen.
            found = cache.get_many([key, STAMP_KEY])
            if found.get(STAMP_KEY) == known.stamp:
                return cls(key, found.get(key))
        # The stamp is read before the tokens: a purge writes it after them, so tokens read
        # after a stamp are at least as new as that stamp.
        tokens = read_tokens(cache, [STAMP_KEY, GENERATION_KEY, path_key])
        stamp, generation = tokens[STAMP_KEY], tokens[GENERATION_KEY]
        if (stamp, generation) != (known.stamp, known.generation) or len(
            known.versions
        ) >= REMEMBERED_PATHS:
            _remembered = known = _Remembered(stamp, generation)
        known.versions[path_key] = tokens[path_key]
        return cls(_page_key(generation, tokens[path_key], variant))

    def get(self) -> HttpResponse | None:
        stored = self.prefetched
        if stored is _UNREAD:
            stored = _cache().get(self.key)
        if stored is None:
            return None
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        # Added by CommonMiddleware on the way out, which a hit does not pass; without it the
        # app server sends the page in chunks, one more write per response.
        response["Content-Length"] = str(len(content))
        return response

    def put(self, response: HttpResponse, *, timeout: int) -> None:
        headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
        entry = (response.status_code, headers, response.content)
        _cache().set(self.key, entry, timeout)


def purge_paths(paths) -> None:
    """Forget every cached variant of these paths, in every process."""
    tokens = {_path_key(path): new_token() for path in paths}
    # The stamp last: set_many writes in order on every backend, atomically on Redis.
    _cache().set_many({**tokens, STAMP_KEY: new_token()}, timeout=None)


def purge_all() -> None:
    """Forget every cached page (for changes every page shows, such as the masthead)."""
    _cache().set_many({GENERATION_KEY: new_token(), STAMP_KEY: new_token()}, timeout=None)
