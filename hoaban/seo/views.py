from urllib.parse import urlsplit

from django.contrib.sitemaps import views as sitemap_views
from django.http import Http404, HttpResponse
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from hoaban.core.public_url import absolute_url

from .sitemaps import sitemaps_for

SITEMAP_MAX_AGE = 15 * 60


def _with_entries(sitemaps: dict) -> dict:
    """The sitemap protocol wants at least one <url> in a sitemap: the news sitemap is listed
    and served only while it has a story of the last 48 hours."""
    news = sitemaps.get("news")
    if news is not None and not news.items().exists():
        del sitemaps["news"]
    return sitemaps


@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_index(request):
    response = sitemap_views.index(
        request, _with_entries(sitemaps_for(request)), sitemap_url_name="sitemap-section"
    )
    # Django puts the request's scheme and host in front of each sitemap's path.
    for item in response.context_data["sitemaps"]:
        parts = urlsplit(item.location)
        item.location = absolute_url(parts.path + (f"?{parts.query}" if parts.query else ""))
    return response


@cache_control(public=True, max_age=SITEMAP_MAX_AGE)
def sitemap_section(request, section):
    sitemaps = _with_entries(sitemaps_for(request))
    if section not in sitemaps:
        raise Http404(f"No sitemap named {section!r}.")
    template = "seo/news_sitemap.xml" if section == "news" else "sitemap.xml"
    return sitemap_views.sitemap(
        request, {section: sitemaps[section]}, section=section, template_name=template
    )


@require_GET
@cache_control(public=True, max_age=24 * 60 * 60)
def robots_txt(request):
    lines = [
        "User-agent: *",
        # Search results are endless combinations of one content; the pages themselves are
        # in the sitemaps.
        "Disallow: /*/search/",
        "",
        # The index lists the news sitemap while it has stories (this file is kept a day).
        f"Sitemap: {absolute_url(reverse('sitemap-index'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
