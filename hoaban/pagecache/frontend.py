"""Purging the proxy or CDN (wagtail.contrib.frontend_cache's backends), retried until it answers.

Wagtail's own purge task logs a PURGE that failed and forgets it, so a Varnish restarting while
a story is unpublished would go on serving the story from a copy fetched just before. Here a
backend that could not purge gets its URLs again after HOABAN_PURGE_RETRY_BACKOFF seconds,
doubled on each attempt, HOABAN_PURGE_RETRIES times (about four minutes with the defaults),
each failure logged. The retry is a task run later on the worker; a task backend that cannot
run tasks later (the immediate one of dev and tests) has no worker to retry on, and an editor's
publish must not wait minutes for a proxy, so there the failure is only logged.
Varnish's PURGE goes through `HTTPBackend` below, which says when it failed; Wagtail's
Cloudflare and CloudFront backends log their failures themselves and are not retried.
"""

import logging
from datetime import timedelta
from urllib.error import URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import urlopen

from django.conf import settings
from django.utils import timezone
from django_tasks import task
from wagtail.contrib.frontend_cache.backends import http
from wagtail.contrib.frontend_cache.utils import get_backends

logger = logging.getLogger(__name__)
# A proxy on the same network answers a PURGE in milliseconds; one that does not in this time
# is treated as down, and the purge retried.
PURGE_TIMEOUT = 5


class PurgeFailed(Exception):
    pass


class HTTPBackend(http.HTTPBackend):
    """Wagtail's HTTP PURGE (Varnish), raising PurgeFailed instead of only logging."""

    def purge(self, url):
        parts = urlsplit(url)
        target = urlunsplit((self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""))
        request = http.PurgeRequest(target, headers={"Host": parts.netloc})
        try:
            with urlopen(request, timeout=PURGE_TIMEOUT):  # noqa: S310 - the configured proxy
                pass
        except (URLError, OSError) as error:
            raise PurgeFailed(f"{url}: {getattr(error, 'reason', error)}") from error


def purge(urls) -> None:
    """Purge full URLs from every configured proxy or CDN."""
    if settings.WAGTAILFRONTENDCACHE and urls:
        purge_from_frontend.enqueue(sorted(urls), list(settings.WAGTAILFRONTENDCACHE), 0)


@task()
def purge_from_frontend(urls: list[str], backend_names: list[str], attempt: int) -> None:
    for name, backend in get_backends(backends=backend_names).items():
        mine = [url for url in urls if backend.invalidates_hostname(urlsplit(url).netloc)]
        try:
            backend.purge_batch(mine)
        except PurgeFailed as error:
            _retry(mine, name, attempt, error)


def _retry(urls: list[str], backend_name: str, attempt: int, error: PurgeFailed) -> None:
    can_defer = purge_from_frontend.get_backend().supports_defer
    if attempt >= settings.HOABAN_PURGE_RETRIES or not can_defer:
        logger.error(
            "Gave up purging %d URLs from %s after %d attempts (%s)%s; they stay there until "
            "they expire.",
            len(urls),
            backend_name,
            attempt + 1,
            error,
            "" if can_defer else " with no task worker to retry on",
        )
        return
    delay = settings.HOABAN_PURGE_RETRY_BACKOFF * 2**attempt
    logger.warning(
        "Purging %d URLs from %s failed (%s); trying again in %.1f s.",
        len(urls),
        backend_name,
        error,
        delay,
    )
    later = purge_from_frontend.using(run_after=timezone.now() + timedelta(seconds=delay))
    later.enqueue(urls, [backend_name], attempt + 1)
