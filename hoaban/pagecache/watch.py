"""Knowing that no purge and no content change happened, without asking Redis every time.

A page cache hit is safe only if no purge landed since this process read the purge stamp
(store.py), and what the memo remembers only while the content version is the one it read
(memo.py); asking Redis costs a round trip each time, about as much as the rest of a hit.
Instead each process keeps one connection of its own on which it asked Redis (6.0 or later)
to broadcast writes to those two keys (client-side caching: `CLIENT TRACKING ON BCAST PREFIX`,
RESP3). Whenever any process writes either, or a key is deleted, evicted or flushed, Redis
pushes a message on that connection. While nothing has arrived there, what the process read
is still current. Anything arriving (a purge, a change, the connection closing) ends the
watch: the process reads the keys again, under a new watch begun before that read.

Redis sends those messages before it answers any command that arrives after the write, so a
write that asks one more question after it (`settle`) returns only once every watching
process has its message: a purge, before the proxy is purged and a reader can come back.

Without Redis (the file cache of the embedded default) nothing is watched: each hit reads the
stamp, and each render the content version, a small file each.
"""

import logging
import os
import threading
import time

from django_redis.cache import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# After a failed connection, requests read the keys for this long before the next attempt:
# a Redis that cannot be reached must not cost every request a connection timeout.
RETRY_SECONDS = 10


class TokenWatch:
    """One process's watch of some keys; its threads share it."""

    def __init__(self, cache, keys: list[str]):
        self.cache = cache
        self.keys = keys
        self.lock = threading.Lock()
        self.connection = None
        self.pid = None
        # Numbers the watches of this process; a reading is trusted under the number it got.
        self.number = 0
        self.retry_at = 0.0

    def begin(self) -> int | None:
        """The current watch's number, starting one if needed; call it *before* reading the
        keys. None when Redis cannot be watched (what was read must then be checked)."""
        with self.lock:
            if self._intact():
                return self.number
            self._close()
            if time.monotonic() < self.retry_at:
                return None
            try:
                self.connection = self._connect()
            except (RedisError, OSError) as error:
                self.retry_at = time.monotonic() + RETRY_SECONDS
                logger.warning("cannot watch the cache tokens, reading them every time: %s", error)
                return None
            self.pid = os.getpid()
            self.number += 1
            return self.number

    def unchanged(self, number: int | None) -> bool:
        """True when nothing was written to the keys since watch `number` began."""
        if number is None:
            return False
        with self.lock:
            if self._intact():
                return number == self.number  # an older watch than the current one: ended
            self._close()
            return False

    def _intact(self) -> bool:
        # A forked worker must not read its parent's socket: its own watch starts afresh
        # (redis-py's disconnect() then only closes the worker's copy of it).
        if self.connection is None or self.pid != os.getpid():
            return False
        try:
            return not self.connection.can_read(timeout=0)
        except (RedisError, OSError):
            return False

    def _close(self) -> None:
        if self.connection is not None:
            self.connection.disconnect()
        self.connection = None

    def _connect(self):
        pool = self.cache.client.get_client(write=True).connection_pool
        connection = pool.connection_class(**{**pool.connection_kwargs, "protocol": 3})
        connection.connect()
        prefixes = [word for key in self.keys for word in ("PREFIX", key)]
        connection.send_command("CLIENT", "TRACKING", "ON", "BCAST", *prefixes)
        connection.read_response()
        return connection


class NoWatch:
    """For caches other than Redis: every reading is checked."""

    def begin(self) -> None:
        return None

    def unchanged(self, number) -> bool:
        return False


def watch_for(cache, keys: list[str]) -> TokenWatch | NoWatch:
    if isinstance(cache, RedisCache):
        return TokenWatch(cache, [cache.make_key(key) for key in keys])
    return NoWatch()


def settle(cache) -> None:
    """After writing a watched key: one more read, answered only after Redis told every
    watcher."""
    if isinstance(cache, RedisCache):
        cache.has_key("settle")
