"""Full-page cache for anonymous readers, in front of sessions, auth and Wagtail.

Why not Django's cache middleware or wagtail-cache: see docs/caching.md. In short, a news
site needs to purge a page and every listing that shows it by URL, from any process, and
neither offers that with Wagtail 8.
"""

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import DisallowedHost
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.http import parse_http_date_safe

from .store import Slot

# Query parameters that only feed analytics; dropped from the key so they cannot split it.
TRACKING_PREFIXES = ("utm_", "fbclid", "gclid", "mc_")
# The only parameter that changes a public page (listings' page number).
PAGE_PARAMETERS = {"page"}
UNCACHEABLE_DIRECTIVES = ("private", "no-cache", "no-store", "max-age=0")


def reader_state_cookies() -> set[str]:
    """Cookies that mean this visitor may see something of their own (editor, flash message)."""
    return {settings.SESSION_COOKIE_NAME, getattr(settings, "MESSAGE_COOKIE_NAME", "messages")}


def cache_query(request) -> str | None:
    """The query string the cache keys on, or None when the request must not be cached."""
    kept = []
    for name, values in sorted(request.GET.lists()):
        if name.startswith(TRACKING_PREFIXES):
            continue
        if name not in PAGE_PARAMETERS:
            return None
        kept.extend(f"{name}={value}" for value in values)
    return "&".join(kept)


def is_cacheable_response(response) -> bool:
    if response.status_code != 200 or response.streaming or response.cookies:
        return False
    # A page that varies on a request header would need that header in the key; ours don't.
    if response.has_header("Vary"):
        return False
    cache_control = response.get("Cache-Control", "").lower()
    return not any(directive in cache_control for directive in UNCACHEABLE_DIRECTIVES)


class PageCacheMiddleware:
    """Serve anonymous GETs from the "pages" cache; store what is safe to share.

    A request is a reader's when it carries no session or message cookie: editors are logged
    in (session), and a form that just failed or succeeded leaves a message. Everything else
    is decided by the response: only a 200 that sets no cookie, varies on nothing and does
    not forbid caching is stored, so a view that reads the session or adds a CSRF token opts
    out by itself.
    """

    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/" + settings.HOABAN_ADMIN_PATH

    def slot_for(self, request) -> Slot | None:
        if not settings.HOABAN_PAGE_CACHE or request.method != "GET":
            return None
        if request.path.startswith(self.admin_prefix):
            return None
        if reader_state_cookies() & request.COOKIES.keys():
            return None
        query = cache_query(request)
        if query is None:
            return None
        try:
            host = request.get_host()
        except DisallowedHost:
            return None
        return Slot.for_request(host=host, path=request.path, query=query)

    def __call__(self, request):
        slot = self.slot_for(request)
        if slot is None:
            response = self.get_response(request)
            if settings.SESSION_COOKIE_NAME in request.COOKIES:
                # Whatever an editor sees is theirs: no shared cache may keep it.
                patch_cache_control(response, private=True)
            return response
        cached = slot.get()
        if cached is not None:
            cached["X-Page-Cache"] = "hit"
            return self.conditional(request, cached)
        response = self.get_response(request)
        if is_cacheable_response(response):
            patch_cache_control(
                response,
                public=True,
                max_age=settings.HOABAN_BROWSER_CACHE_SECONDS,
                s_maxage=settings.HOABAN_PAGE_CACHE_SECONDS,
            )
            slot.put(response, timeout=settings.HOABAN_PAGE_CACHE_SECONDS)
            response["X-Page-Cache"] = "miss"
        return response

    @staticmethod
    def conditional(request, cached):
        """A 304 when the client already has this copy, as the view's own middleware would
        answer (the read API's ETag and Last-Modified): a hit never reaches it."""
        etag, modified = cached.get("ETag"), cached.get("Last-Modified")
        if etag is None and modified is None:
            return cached
        return get_conditional_response(
            request,
            etag=etag,
            last_modified=parse_http_date_safe(modified) if modified else None,
            response=cached,
        )


class AnonymousReaderMiddleware:
    """Without a session cookie the reader is anonymous: say so without opening the session.

    Reading request.user (the admin user bar does) opens the session, and an opened session
    makes Django add "Vary: Cookie", which would keep every page out of shared caches although
    a request without a session cookie can only be anonymous. Goes after AuthenticationMiddleware.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if settings.SESSION_COOKIE_NAME not in request.COOKIES:
            anonymous = AnonymousUser()
            request.user = anonymous

            async def auser():
                return anonymous

            request.auser = auser
        return self.get_response(request)
