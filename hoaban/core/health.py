"""Probes for load balancers and orchestrators (django-health-check does the checking).

/healthz answers "is this process able to serve": the database and the shared caches answer.
/readyz answers "should traffic come here": additionally every migration is applied and the
media storage accepts a file, so a server started before `migrate` finished stays out of the
pool instead of serving errors.
"""

import dataclasses

from django.db import DEFAULT_DB_ALIAS, connections
from django.db.migrations.executor import MigrationExecutor
from health_check.base import HealthCheck
from health_check.exceptions import ServiceUnavailable
from health_check.views import HealthCheckView

LIVENESS_CHECKS = (
    "health_check.checks.Database",
    ("health_check.checks.Cache", {"alias": "default"}),
    ("health_check.checks.Cache", {"alias": "pages"}),
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
    """JSON unless the caller asks otherwise: probes and monitoring read it, not people."""

    async def get(self, request, *args, **kwargs):
        if "format" not in request.GET and "text/html" not in request.headers.get("accept", ""):
            request.GET = request.GET.copy()
            request.GET["format"] = "json"
        return await super().get(request, *args, **kwargs)


healthz = ProbeView.as_view(checks=LIVENESS_CHECKS)
readyz = ProbeView.as_view(
    checks=(*LIVENESS_CHECKS, "health_check.checks.Storage", MigrationsApplied)
)
