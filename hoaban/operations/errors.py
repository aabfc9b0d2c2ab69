"""The server-error handler: a database that cannot be reached is an outage, not a bug.

Django turns every uncaught exception, in a view or in a middleware, into a call to handler500
while the exception is still being handled. When that exception says the database is down
(connection refused, server gone, file locked past the busy timeout), readers get a 503 with
Retry-After instead of "server error", and monitoring can tell the two apart. Nothing here
touches the database, and Django drops the broken connection at the end of the request, so the
next request after the database returns is served normally.
"""

import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token
from django.views.defaults import server_error

RETRY_AFTER_SECONDS = 30


def database_is_down(error: BaseException | None) -> bool:
    return isinstance(error, OperationalError | InterfaceError)


@requires_csrf_token
def handle_server_error(request):
    if not database_is_down(sys.exc_info()[1]):
        return server_error(request)
    response = HttpResponse(loader.render_to_string("503.html"), status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response
