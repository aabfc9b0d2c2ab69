"""Page addresses during a render, built from the page's `url_path` and the site root paths.

Wagtail's `get_url_parts` reverses the `wagtail_serve` pattern under the page's language for
every page, and a front page links sixty of them, most several times. The pattern adds nothing
to a page's path but the language prefix (and the script prefix), so that is reversed once per
language and request, and each page's path appended to it, quoted as `reverse()` quotes it.
The path always matches the pattern: Wagtail only accepts slugs of letters, digits, "-" and "_".
The full address is on the site's public address (hoaban.core.public_url).
"""

from urllib.parse import quote

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import RFC3986_SUBDELIMS
from wagtail.coreutils import get_supported_content_language_variant
from wagtail.models import Site

from .public_url import public_base_url


def url(page, request) -> str | None:
    """Wagtail's `get_url` for the request's own site: the path alone on the reader's site (or
    when the install has one site), else the full address; None when the page is not routable."""
    parts = url_parts(page, request)
    if parts is None or parts[2] is None:
        return None
    site_id, base_url, path = parts
    if "_hoaban_site_ids" not in request.__dict__:
        site = Site.find_for_request(request)
        request._hoaban_site_ids = (
            getattr(site, "pk", None),
            {root.site_id for root in page._get_site_root_paths(request)},
        )
    current_site_id, site_ids = request._hoaban_site_ids
    return path if site_id == current_site_id or len(site_ids) == 1 else base_url + path


def url_parts(page, request):
    """`(site id, public base URL, path)` of `page` as Wagtail's `get_url_parts` gives them (on
    the public address), each computed once per request; None when no site holds the page."""
    known = request.__dict__.setdefault("_hoaban_url_parts", {})
    language = translation.get_language()
    key = (page.pk, page.url_path, language)
    if key not in known:
        known[key] = _url_parts(page, request, language)
    return known[key]


def _url_parts(page, request, language):
    roots = page._get_relevant_site_root_paths(request)
    if not roots:
        return None
    site_id, root_path, _root_url, page_language = roots[0]
    if len({root.site_id for root in roots}) > 1:
        # A page under several sites' roots: the request's site first, as Wagtail does.
        site = Site.find_for_request(request)
        current = [root for root in roots if site is not None and root.site_id == site.pk]
        site_id, root_path, _root_url, page_language = (current or roots)[0]
    try:
        if get_supported_content_language_variant(language) == page_language:
            page_language = language  # the active variant of the page's language
    except LookupError:
        pass
    prefix = _serve_prefix(request, page_language)
    if prefix is None:
        return site_id, None, None
    path = prefix + quote(page.url_path[len(root_path) :], safe=RFC3986_SUBDELIMS + "/~:@")
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
        path = path.rstrip("/")
    return site_id, _base_url(request, site_id), path


def _serve_prefix(request, language) -> str | None:
    """The address of a site's root page under `language` ("/vi/"), None when pages are not
    served (no `wagtail_serve` pattern)."""
    known = request.__dict__.setdefault("_hoaban_serve_prefixes", {})
    if language not in known:
        try:
            with translation.override(language):
                known[language] = reverse("wagtail_serve", args=("",))
        except NoReverseMatch:
            known[language] = None
    return known[language]


def _base_url(request, site_id) -> str:
    known = request.__dict__.setdefault("_hoaban_base_urls", {})
    if site_id not in known:
        known[site_id] = public_base_url(site_id)
    return known[site_id]
