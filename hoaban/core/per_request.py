"""Values a page's render asks for several times (the edition's sections, its locales, the
private parts of the site), computed once per request and dropped with it.

Nothing outlives the request, so nothing can be stale for another reader, and nothing is
shared between threads. Only reading requests (GET, HEAD) keep values: a request that writes
may read something again after changing it. Outside requests (commands, tasks) every call
computes afresh.
"""

from contextvars import ContextVar

_values: ContextVar[dict | None] = ContextVar("hoaban_per_request", default=None)


def once_per_request(key: tuple, compute):
    """compute()'s value, computed at most once in the current reading request."""
    values = _values.get()
    if values is None:
        return compute()
    if key not in values:
        values[key] = compute()
    return values[key]


class PerRequestMiddleware:
    """Gives each reading request its own store for once_per_request()."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        reset = _values.set({})
        try:
            return self.get_response(request)
        finally:
            _values.reset(reset)
