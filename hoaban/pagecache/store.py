"""Where cached pages live, and how a path is invalidated without scanning keys.

One install serves several sites, and two of them can have the same path (/vi/, /api/v1/
articles/): tokens are kept per site, named by the host name the purge's URL and the reader's
request both carry. The default site answers every host name no other site has (as Wagtail
routes them: aliases, the test client's), so those all read the default site's tokens; the
other sites' host names are kept in the store itself (`SITES_KEY`), rewritten when a Site
record changes.

Every (site, path) has a version token, every site a generation token and the whole store one
more; a page is stored under (generation, site generation, path version, host + query).
Purging a path replaces its token, so every stored variant of it (?page=2, other ports or
aliases of the same site) becomes unreachable with one write, on any backend (files, memory,
Redis), and the same path on another site is left alone. The tokens a request saw *before*
rendering are the ones its page is stored under: a purge that lands while a stale page is being
rendered wins.

Each process remembers the tokens (and the sites' host names) it has read, and trusts them only
while the purge stamp — a value every purge replaces, in the same write as the tokens — is the
one they were read under. A hit therefore reads the stamp and the page together: one Redis
round trip, or two files.
"""

import hashlib
import uuid
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.core.cache import caches
from django.http import HttpResponse
from django.http.request import split_domain_port

ALIAS = "pages"
GENERATION_KEY = "generation"
STAMP_KEY = "purged"
SITES_KEY = "sites"
# The default site's key: it answers every host name no other site has.
DEFAULT_SITE = ""
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


def _other_sites_hosts() -> frozenset[str]:
    """Host names of the sites other than the default one, from the database."""
    from wagtail.models import Site

    hosts = Site.objects.filter(is_default_site=False).values_list("hostname", flat=True)
    return frozenset(host.lower() for host in hosts)


def site_key(hostname: str, other_sites: frozenset[str]) -> str:
    """Whose tokens a host name reads: its own site's, else the default site's."""
    hostname = hostname.lower()
    return hostname if hostname in other_sites else DEFAULT_SITE


def _site_generation_key(site: str) -> str:
    return f"generation:{_digest(site)}"


def _path_key(site: str, path: str) -> str:
    return f"path:{_digest(site + ' ' + path)}"


def new_token() -> str:
    return uuid.uuid4().hex


@dataclass(frozen=True)
class _Remembered:
    """Tokens this process has read (by key: sites' generations and paths' versions), valid
    while the store's stamp is still `stamp`; so are the other sites' host names."""

    stamp: str | None = None
    generation: str | None = None
    other_sites: frozenset[str] | None = None
    tokens: dict = field(default_factory=dict)


# Replaced whole, never changed in place except for adding a token: threads of one worker
# share it without locks (a lost addition only costs one more read).
_remembered = _Remembered()


def _page_key(generation: str, site_generation: str, version: str, variant: str) -> str:
    # "page4": keyed per site; the new name keeps processes from reading the old form.
    return f"page4:{generation}:{site_generation}:{version}:{variant}"


def _other_sites(cache) -> frozenset[str]:
    """The other sites' host names as the store has them, reading them in when missing."""
    hosts = cache.get(SITES_KEY)
    if hosts is None:
        # add(): a Site change written meanwhile (sites_changed) is not overwritten.
        cache.add(SITES_KEY, _other_sites_hosts(), timeout=None)
        hosts = cache.get(SITES_KEY, frozenset())
    return hosts


def _read_tokens(cache, hostname: str, path: str, guess: frozenset[str]) -> tuple:
    """(stamp, generation, other sites, site token name, path token name, tokens) for a
    request, creating the tokens missing; add() keeps one another process set meanwhile."""
    site = site_key(hostname, guess)
    names = [_site_generation_key(site), _path_key(site, path)]
    # The stamp first: a purge writes it after the tokens, so tokens read after a stamp are at
    # least as new as that stamp.
    found = cache.get_many([STAMP_KEY, SITES_KEY, GENERATION_KEY, *names])
    other_sites = found.get(SITES_KEY)
    if other_sites is None:
        other_sites = _other_sites(cache)
    if site_key(hostname, other_sites) != site:
        # The sites changed since this process last read them: the right site's tokens now.
        site = site_key(hostname, other_sites)
        names = [_site_generation_key(site), _path_key(site, path)]
        found |= cache.get_many(names)
    for name in (STAMP_KEY, GENERATION_KEY, *names):
        if name not in found:
            cache.add(name, new_token(), timeout=None)
            found[name] = cache.get(name)
    return found[STAMP_KEY], found[GENERATION_KEY], other_sites, *names, found


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
        hostname = split_domain_port(host)[0] or host
        variant = _digest(host + "?" + query)
        known = _remembered
        if known.other_sites is not None:
            site = site_key(hostname, known.other_sites)
            site_generation = known.tokens.get(_site_generation_key(site))
            version = known.tokens.get(_path_key(site, path))
            if site_generation is not None and version is not None:
                key = _page_key(known.generation, site_generation, version, variant)
                # The page before the stamp: a purge landing between the two reads is then seen.
                found = cache.get_many([key, STAMP_KEY])
                if found.get(STAMP_KEY) == known.stamp:
                    return cls(key, found.get(key))
        stamp, generation, other_sites, site_name, path_name, tokens = _read_tokens(
            cache, hostname, path, known.other_sites or frozenset()
        )
        if (stamp, generation, other_sites) != (
            known.stamp,
            known.generation,
            known.other_sites,
        ) or len(known.tokens) >= REMEMBERED_PATHS:
            _remembered = known = _Remembered(stamp, generation, other_sites)
        known.tokens[site_name] = tokens[site_name]
        known.tokens[path_name] = tokens[path_name]
        return cls(_page_key(generation, tokens[site_name], tokens[path_name], variant))

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


def purge_urls(urls) -> None:
    """Forget every cached variant of these URLs' paths on the sites their host names name, in
    every process (a bare path is the default site's)."""
    cache = _cache()
    other_sites = _other_sites(cache)
    tokens = {}
    for url in urls:
        parts = urlsplit(url)
        tokens[_path_key(site_key(parts.hostname or "", other_sites), parts.path)] = new_token()
    # The stamp last: set_many writes in order on every backend, atomically on Redis.
    cache.set_many({**tokens, STAMP_KEY: new_token()}, timeout=None)


def purge_site(base_url: str) -> None:
    """Forget every cached page of the site at `base_url` (for what all its pages show, such as
    its masthead)."""
    cache = _cache()
    site = site_key(urlsplit(base_url).hostname or "", _other_sites(cache))
    cache.set_many({_site_generation_key(site): new_token(), STAMP_KEY: new_token()}, timeout=None)


def purge_all() -> None:
    """Forget every cached page of every site."""
    _cache().set_many({GENERATION_KEY: new_token(), STAMP_KEY: new_token()}, timeout=None)


def sites_changed() -> None:
    """A Site record was added, changed or removed: its host names are read again, and every
    page is forgotten (a site's root or host name decides what each of its paths shows)."""
    _cache().set_many(
        {SITES_KEY: _other_sites_hosts(), GENERATION_KEY: new_token(), STAMP_KEY: new_token()},
        timeout=None,
    )
