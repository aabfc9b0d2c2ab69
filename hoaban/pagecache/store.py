"""Where cached pages live, and how a path is invalidated without scanning keys.

Every path has a version token and the whole store has a generation token; a page is stored
under (generation, path version, host + query). Purging a path replaces its token, so every
stored variant of it (?page=2, other hosts) becomes unreachable with one write, on any
backend (files, memory, Redis). The tokens a request saw *before* rendering are the ones its
page is stored under: a purge that lands while a stale page is being rendered wins.
"""

import hashlib
import uuid
from dataclasses import dataclass

from django.core.cache import caches
from django.http import HttpResponse

ALIAS = "pages"
GENERATION_KEY = "generation"
# Headers worth replaying from the cache; per-response ones (Date, cookies) are never stored.
KEPT_HEADERS = {
    "content-type",
    "content-language",
    "cache-control",
    "last-modified",
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


@dataclass(frozen=True)
class Slot:
    """The cache entry one request reads and, on a miss, fills."""

    key: str

    @classmethod
    def for_request(cls, *, host: str, path: str, query: str) -> "Slot":
        cache = _cache()
        path_key = _path_key(path)
        tokens = cache.get_many([GENERATION_KEY, path_key])
        for name in (GENERATION_KEY, path_key):
            if name not in tokens:
                # add() keeps a token another process set meanwhile; read back the winner.
                cache.add(name, uuid.uuid4().hex, timeout=None)
                tokens[name] = cache.get(name)
        generation, version = tokens[GENERATION_KEY], tokens[path_key]
        return cls(f"page:{generation}:{version}:{_digest(host + '?' + query)}")

    def get(self) -> HttpResponse | None:
        stored = _cache().get(self.key)
        if stored is None:
            return None
        status, headers, content = stored
        response = HttpResponse(content, status=status)
        for name, value in headers:
            response[name] = value
        return response

    def put(self, response: HttpResponse, *, timeout: int) -> None:
        headers = [(k, v) for k, v in response.items() if k.lower() in KEPT_HEADERS]
        _cache().set(self.key, (response.status_code, headers, response.content), timeout)


def purge_paths(paths) -> None:
    """Forget every cached variant of these paths."""
    _cache().set_many({_path_key(path): uuid.uuid4().hex for path in paths}, timeout=None)


def purge_all() -> None:
    """Forget every cached page (for changes every page shows, such as the masthead)."""
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)
