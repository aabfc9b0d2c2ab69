"""The sites of one installation, and which one a request is for.

One install serves several sites (the provincial newspaper, the national platform), each a
Wagtail `Site` with its own host name. A site's root page is its main edition's home; the
other editions' homes are that page's translations, so a site owns every page under any of
those homes. With one site there is nothing to tell apart and nothing here costs a query.

The request's site is kept for the request (a context variable set by `CurrentSiteMiddleware`)
so that the visibility rule and the public addresses apply to the site being read without every
caller passing it along. Outside a request (commands, tasks) no site is current: callers that
build addresses or listings there pass the site themselves.
"""

from contextvars import ContextVar

from wagtail.models import Page, Site

from hoaban.core.per_request import once_per_request

_request: ContextVar = ContextVar("hoaban_site_request", default=None)


class CurrentSiteMiddleware:
    """Makes the request's site known to `current_site()`, looked up only when asked for."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _request.set(request)
        try:
            return self.get_response(request)
        finally:
            _request.reset(token)


def current_site() -> Site | None:
    """The site of the request being served: the one `read_site` chose for it, else the one
    its host names (Wagtail's `Site.find_for_request`, which keeps it on the request); None
    outside a request."""
    request = _request.get()
    if request is None:
        return None
    return getattr(request, "_hoaban_site", None) or Site.find_for_request(request)


def site_named(hostname: str) -> Site | None:
    """The site whose Site record has the host name `hostname` (any port), or None."""
    return Site.objects.filter(hostname__iexact=hostname.strip()).order_by("port", "pk").first()


def read_site(request, site: Site) -> None:
    """Serve `request` for `site` whatever host it came to (the read API's `?site=`): listings,
    addresses and the publisher's name are then that site's."""
    request._hoaban_site = site


def root_paths() -> list:
    """Wagtail's site root paths (`Site.get_site_root_paths`: each site's edition homes and
    address), read once per request. Wagtail keeps them in the default cache, so every call
    is a cache read (a Redis round trip in production) returning three entries per site, and
    a page's render asks for them for each address it builds (dozens per page)."""
    return once_per_request(("site-root-paths",), Site.get_site_root_paths)


def site_count() -> int:
    """How many sites the install serves, from the site root paths (no query)."""
    return len({root.site_id for root in root_paths()})


def _home_paths(site_id: int) -> list[str]:
    root = Page.objects.filter(sites_rooted_here__id=site_id).values("translation_key")
    homes = Page.objects.filter(translation_key__in=root, depth=2)
    return sorted(homes.values_list("path", flat=True))


def site_of(page) -> Site | None:
    """The site `page` belongs to, in any edition: the one rooted at the main edition of the
    page's home (a translation's home is a sibling of that root, not under it)."""
    home = Page.objects.filter(path=page.path[: Page.steplen * 2]).values("translation_key")
    return Site.objects.filter(root_page__translation_key__in=home).first()


def home_paths(site) -> list[str]:
    """Tree paths of `site`'s edition homes; its pages are those under one of them."""
    site_id = getattr(site, "pk", site)
    return once_per_request(("site-home-paths", site_id), lambda: _home_paths(site_id))


def scope_site(site=None):
    """The site a reader's listing should be narrowed to: `site`, else the request's; None when
    the install has a single site (nothing to narrow) or no site is known."""
    if site_count() < 2:
        return None
    return site if site is not None else current_site()
