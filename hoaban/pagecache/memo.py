"""Values every page of an edition shows — its menu, its latest stories, which parts of the
site are private — computed once per process and reused until the site's content changes.

A page the page cache cannot answer (a miss, an editor, HOABAN_PAGE_CACHE off) would otherwise
ask the database for them on every render, although they change only when the content does
(the models `signal_handlers.connect` lists as the memo's sources: pages, images, privacy,
sites, languages, site settings, ...). Any such change replaces one shared version
token, after its transaction commits, in the "pages" cache that every process reads (files or
Redis). Each process keeps what it computed together with the token it read *before*
computing, so a change that lands meanwhile is never hidden; it recomputes when the token
differs, and after HOABAN_PAGE_CACHE_SECONDS anyway, for changes made behind the ORM's back.

The token is read once per request (MemoMiddleware, before the view computes anything) and
once per call outside requests (commands, tasks); with Redis, only when Redis has announced a
write since the last read (watch.py). Remembered values are shared by the threads of a
process: treat them as read-only.
"""

import hashlib
import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import caches
from django.db import transaction

from . import watch
from .store import ALIAS, CONTENT_VERSION_KEY, new_token, read_tokens, tokens_watch

# Keys are a few per edition and site; beyond this many something is wrong: start again.
MAX_KEYS = 1_000

# key -> (version, monotonic deadline, value)
_remembered: dict = {}
# The version the current request read when it began, if any.
_request_version: ContextVar[str | None] = ContextVar("hoaban_content_version", default=None)


# (watch number, content version) as this process last read it.
_known_version: tuple = (None, None)


def _read_version() -> str:
    global _known_version
    number, version = _known_version
    watching = tokens_watch()
    if watching.unchanged(number):
        return version
    number = watching.begin()
    version = read_tokens(caches[ALIAS], [CONTENT_VERSION_KEY])[CONTENT_VERSION_KEY]
    _known_version = (number, version)
    return version


@contextmanager
def one_version():
    """Everything remembered within this block uses the content version read on entering it."""
    reset = _request_version.set(_read_version())
    try:
        yield
    finally:
        _request_version.reset(reset)


def content_version() -> str:
    """The content version this request began with (read now outside requests)."""
    return _request_version.get() or _read_version()


def remembered(key: tuple, compute):
    """compute()'s value, computed at most once per process per content version."""
    if not settings.HOABAN_MEMO_CACHE:
        return compute()
    version = content_version()
    now = time.monotonic()
    found = _remembered.get(key)
    if found is not None and found[0] == version and found[1] > now:
        return found[2]
    value = compute()
    if len(_remembered) >= MAX_KEYS:
        _remembered.clear()
    _remembered[key] = (version, now + settings.HOABAN_PAGE_CACHE_SECONDS, value)
    return value


# Django's cache alias for kept_copy(): in each process's memory, as private as the memo.
OBJECTS_ALIAS = "kept_objects"


def kept_copy(key: str, compute):
    """A copy of compute()'s value (a page, say) of its own for each caller: computed at most
    once per process per content version, then unpickled from the process's memory, which costs
    a small part of the query and the model building it spares. None is not kept. `key` may
    hold any text, a slug from an address say: it is hashed into a valid cache key."""
    if not settings.HOABAN_MEMO_CACHE:
        return compute()
    cache = caches[OBJECTS_ALIAS]
    versioned = f"{hashlib.sha256(key.encode()).hexdigest()}:{content_version()}"
    value = cache.get(versioned)
    if value is None:
        value = compute()
        if value is not None:
            cache.set(versioned, value, settings.HOABAN_PAGE_CACHE_SECONDS)
    return value


# Wagtail records a photo's size and hash the first time it reads them (a save of those two
# fields only): nothing a page shows changes.
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def content_changed(update_fields=None, **kwargs) -> None:
    """Make every process recompute its remembered values once this change commits."""
    if update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields):
        return
    transaction.on_commit(_renew_version)


def _renew_version() -> None:
    caches[ALIAS].set(CONTENT_VERSION_KEY, new_token(), timeout=None)
    watch.settle(caches[ALIAS])


def settings_changed(created=False, **kwargs) -> None:
    """content_changed() for site settings, whose first read creates the row with the very
    defaults pages already show."""
    if not created:
        content_changed(**kwargs)
