"""Where cached pages live, and how a path is invalidated without scanning keys.

Every path has a version token and the whole store has a generation token; a page is stored
under (generation, path version, host + query). Purging a path replaces its token, so every
stored variant of it (?page=2, other hosts) becomes unreachable with one write, on any
backend (files, memory, Redis). The tokens a request saw *before* rendering are the ones its
page is stored under: a purge that lands while a stale page is being rendered wins.

Each process remembers the tokens it has read, and trusts them only while the purge stamp —
a value every purge replaces, in the same write as the tokens — is the one they were read
under. It also keeps a copy of the pages it served (the "page_copies" cache, in its memory):
what is stored under a set of tokens is right for as long as those tokens are current. With
Redis the process is told of every new stamp (watch.py), so a hit whose copy is kept asks
nothing at all; with files it reads the stamp, one small file.
"""

import functools
import hashlib
import time
import uuid
from dataclasses import dataclass, field, replace

from django.core.cache import caches
from django.http import HttpResponse

from . import watch

ALIAS = "pages"
COPIES_ALIAS = "page_copies"
GENERATION_KEY = "generation"
STAMP_KEY = "purged"
# The memo's (memo.py): watched along with the stamp, as both change when content does.
CONTENT_VERSION_KEY = "content-version"
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
    # The watch (watch.py) under which the stamp was last read: while it lasts, no purge
    # happened and the tokens need no checking.
    watched: int | None = None


# Replaced whole, never changed in place except for adding a path: threads of one worker
# share it without locks (a lost addition only costs one more read).
_remembered = _Remembered()


@functools.cache
def tokens_watch():
    """This process's watch of the stamp and the content version (watch.py)."""
    return watch.watch_for(_cache(), [STAMP_KEY, CONTENT_VERSION_KEY])


def _page_key(generation: str, version: str, variant: str) -> str:
    # "page2": entries carry their expiry; the new name keeps processes from reading the old form.
    return f"page2:{generation}:{version}:{variant}"


def _keep_copy(key: str, entry: tuple) -> None:
    *_, expires = entry
    remaining = expires - time.time()
    if remaining > 0:
        caches[COPIES_ALIAS].set(key, entry, remaining)


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
    # The stored entry when it was read along with the stamp or kept by this process (None:
    # read and absent), else _UNREAD.
    prefetched: object = field(default=_UNREAD, compare=False, repr=False)

    @classmethod
    def for_request(cls, *, host: str, path: str, query: str) -> "Slot":
        global _remembered
        cache = _cache()
        path_key = _path_key(path)
        variant = _digest(host + "?" + query)
        watching = tokens_watch()
        known = _remembered
        version = known.versions.get(path_key)
        if version is not None:
            key = _page_key(known.generation, version, variant)
            copy = caches[COPIES_ALIAS].get(key)
            if watching.unchanged(known.watched):
                return cls(key) if copy is None else cls(key, copy)
            watched = watching.begin()
            found = cache.get_many([STAMP_KEY] if copy is not None else [STAMP_KEY, key])
            if found.get(STAMP_KEY) == known.stamp:
                if watched != known.watched:
                    _remembered = replace(known, watched=watched)
                if copy is None:
                    copy = found.get(key)
                    if copy is not None:
                        _keep_copy(key, copy)
                return cls(key, copy)
        watched = watching.begin()
        # The stamp is read before the tokens: a purge writes it after them, so tokens read
        # after a stamp are at least as new as that stamp.
        tokens = read_tokens(cache, [STAMP_KEY, GENERATION_KEY, path_key])
        stamp, generation = tokens[STAMP_KEY], tokens[GENERATION_KEY]
        if (stamp, generation) != (known.stamp, known.generation) or len(
            known.versions
        ) >= REMEMBERED_PATHS:
            known = _Remembered(stamp, generation)
        _remembered = known = replace(known, watched=watched)
        known.versions[path_key] = tokens[path_key]
        return cls(_page_key(generation, tokens[path_key], variant))

    def get(self) -> HttpResponse | None:
        stored = self.prefetched
        if stored is _UNREAD:
            stored = _cache().get(self.key)
            if stored is not None:
                _keep_copy(self.key, stored)
        if stored is None:
            return None
        status, headers, content, _expires = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        # Added by CommonMiddleware on the way out, which a hit does not pass; without it the
        # app server sends the page in chunks, one more write per response.
        response["Content-Length"] = str(len(content))
        return response

    def put(self, response: HttpResponse, *, timeout: int) -> None:
        headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
        entry = (response.status_code, headers, response.content, time.time() + timeout)
        _cache().set(self.key, entry, timeout)
        _keep_copy(self.key, entry)


def purge_paths(paths) -> None:
    """Forget every cached variant of these paths, in every process."""
    tokens = {_path_key(path): new_token() for path in paths}
    # The stamp last: set_many writes in order on every backend, atomically on Redis.
    _cache().set_many({**tokens, STAMP_KEY: new_token()}, timeout=None)
    watch.settle(_cache())


def purge_all() -> None:
    """Forget every cached page (for changes every page shows, such as the masthead)."""
    _cache().set_many({GENERATION_KEY: new_token(), STAMP_KEY: new_token()}, timeout=None)
    watch.settle(_cache())
