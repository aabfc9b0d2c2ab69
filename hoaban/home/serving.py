"""Wagtail's page view, routing from the edition homes a page reads anyway.

Wagtail starts every route at the site's root page, loaded as a plain Page: a query for it,
one for the active locale and one more for its specific form, on every request. The root is
an edition's live home, which the menu and the language switcher read once per request
(`live_homes`) in its specific form, so routing starts from that same instance.
"""

from wagtail import views
from wagtail.models import Site

from hoaban.translation.editions import live_homes


def serve(request, path):
    site = Site.find_for_request(request)
    if site is not None and request.method in ("GET", "HEAD"):
        # Only a reading request keeps live_homes() for the request; a draft or missing root
        # is routed as Wagtail does.
        root = next((home for home in live_homes() if home.pk == site.root_page_id), None)
        if root is not None:
            site.root_page = root  # this request's own Site row
    return views.serve(request, path)
