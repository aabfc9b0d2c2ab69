"""Probes for load balancers and orchestrators (django-health-check does the checking).

/healthz answers "is this process able to serve": the database and each shared cache, one
entry per dependency ("OK" or what failed). /readyz answers "should traffic come here":
additionally every migration is applied and the media storage accepts a file, so a server
started before `migrate` finished stays out of the pool instead of serving errors.

Only an essential dependency failing makes a probe answer 503. A shared cache (Redis) that is
down is reported but answered 200: every cache fails open (settings.base.redis_cache), so pages
are slower, not broken, and a load balancer must not take every server out of the pool for it.
While the Redis circuit breaker is open (core/redis_breaker.py) a shared cache's entry says so,
without waiting on Redis.
"""

import dataclasses

from django.conf import settings
from django.core.cache import caches
from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from django_redis.cache import RedisCache
from health_check.base import HealthCheck
from health_check.checks import Cache
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

from .redis_breaker import breaker_for


class SharedCache(Cache):
    """django-health-check's set-and-get probe, unless the Redis breaker is open."""

    async def run(self):
        cache = caches[self.alias]
        if isinstance(cache, RedisCache):
            breaker = breaker_for(cache.client.get_client())
            if breaker.is_open:
                raise ServiceUnavailable(
                    f"circuit breaker open: Redis skipped after {breaker.last_error}"
                )
        await super().run()

    def __repr__(self):
        # The entry's name monitoring already knows.
        return f"Cache(alias={self.alias!r})"


# The caches that live in Redis when REDIS_URL is set (the others stay in each process).
SHARED_CACHES = ("default", "pages", "sessions")
LIVENESS_CHECKS = (
    "health_check.checks.Database",
    *((SharedCache, {"alias": alias}) for alias in SHARED_CACHES if alias in settings.CACHES),
)


@dataclasses.dataclass
class MigrationsApplied(HealthCheck):
    """Unapplied migrations mean this code expects tables or columns that are not there yet."""

    alias: str = DEFAULT_DB_ALIAS

    def run(self):
        executor = MigrationExecutor(connections[self.alias])
        plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
        if plan:
            raise ServiceUnavailable(f"{len(plan)} migration(s) not applied")


class ProbeView(HealthCheckView):
    """JSON unless the caller asks otherwise: probes and monitoring read it, not people.
    503 when an essential dependency fails, 200 when only caches do (see above)."""

    async def get(self, request, *args, **kwargs):
        if "format" not in request.GET and "text/html" not in request.headers.get("accept", ""):
            request.GET = request.GET.copy()
            request.GET["format"] = "json"
        response = await super().get(request, *args, **kwargs)
        if response.status_code == 500:
            failed = [result.check for result in self.results if result.error]
            essential = [check for check in failed if not isinstance(check, Cache)]
            response.status_code = 503 if essential else 200
        return response


healthz = ProbeView.as_view(checks=LIVENESS_CHECKS)
readyz = ProbeView.as_view(
    checks=(*LIVENESS_CHECKS, "health_check.checks.Storage", MigrationsApplied)
)
