"""A circuit breaker in front of Redis, for the shared caches (settings.base.redis_cache).

Every Redis cache fails open (django-redis' IGNORE_EXCEPTIONS): a call that fails is a miss or
a dropped write. But a Redis that accepts connections and never answers makes each call wait
for the socket timeout, and a page makes several calls. So the first call that fails or times
out opens the breaker: for HOABAN_REDIS_BREAKER_COOLDOWN seconds every command this process
sends to that Redis fails at once, without touching the network, and the caches fail open as
before. After the cool-down one command goes through as a probe: an answer closes the breaker,
another failure opens it for a further cool-down. Opening and closing are logged once each;
/healthz names an open breaker (core/health.py).

One breaker per Redis server and process: the caches that share a server share its fate.
"""

import logging
import threading
import time

import redis
from django.conf import settings
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)


class BreakerOpen(RedisConnectionError):
    """Raised instead of sending a command while the breaker is open; django-redis treats it as
    the connection error it stands for."""


class CircuitBreaker:
    def __init__(self, server: str, cooldown: float, clock=time.monotonic):
        self.server = server
        self.cooldown = cooldown
        self.clock = clock
        self._lock = threading.Lock()
        self._opened_at: float | None = None
        self.last_error = ""

    @property
    def is_open(self) -> bool:
        return self._opened_at is not None

    def allow(self) -> bool:
        """Whether a command may go to Redis: always while closed; while open, one probe per
        cool-down (its start restarts the cool-down, so a probe that hangs lets none follow)."""
        with self._lock:
            if self._opened_at is None:
                return True
            if self.clock() - self._opened_at < self.cooldown:
                return False
            self._opened_at = self.clock()
            return True

    def succeeded(self):
        with self._lock:
            if self._opened_at is None:
                return
            self._opened_at = None
        logger.info("Redis at %s answers again: the caches use it again", self.server)

    def failed(self, error: Exception):
        with self._lock:
            was_closed = self._opened_at is None
            self._opened_at = self.clock()
            self.last_error = f"{type(error).__name__}: {error}"
        if was_closed:
            logger.warning(
                "Redis at %s failed (%s): the caches skip it, trying again every %s s",
                self.server,
                self.last_error,
                self.cooldown,
            )


_breakers: dict[str, CircuitBreaker] = {}
_breakers_lock = threading.Lock()


def breaker_for(client: redis.Redis) -> CircuitBreaker:
    params = client.connection_pool.connection_kwargs
    server = params.get("path") or f"{params.get('host')}:{params.get('port')}"
    with _breakers_lock:
        if server not in _breakers:
            cooldown = settings.HOABAN_REDIS_BREAKER_COOLDOWN
            _breakers[server] = CircuitBreaker(server, cooldown)
        return _breakers[server]


class GuardedRedis(redis.Redis):
    """The Redis client django-redis makes (its REDIS_CLIENT_CLASS option): every command goes
    through the server's breaker. Pipelines (most-read counts) are not guarded, but reach Redis
    only after a cache call, which the breaker answers first."""

    def execute_command(self, *args, **options):
        breaker = breaker_for(self)
        if not breaker.allow():
            raise BreakerOpen(f"circuit breaker open after {breaker.last_error}")
        try:
            result = super().execute_command(*args, **options)
        except (RedisConnectionError, RedisTimeoutError) as error:
            breaker.failed(error)
            raise
        except redis.exceptions.ResponseError:
            breaker.succeeded()  # Redis answered, if only to refuse the command
            raise
        breaker.succeeded()
        return result
