from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path, re_path
from django.views.static import serve
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.documents import urls as wagtaildocs_urls

from hoaban.api.api import api as read_api
from hoaban.core import health
from hoaban.home.serving import serve as serve_page
from hoaban.seo import views as seo_views

urlpatterns = [
    path("robots.txt", seo_views.robots_txt, name="robots-txt"),
    path("sitemap.xml", seo_views.sitemap_index, name="sitemap-index"),
    path("sitemap-<slug:section>.xml", seo_views.sitemap_section, name="sitemap-section"),
    path("api/v1/", read_api.urls),
    # The most-read beacon: outside the language prefix, never cached (a POST).
    path("reads/", include("hoaban.readership.urls")),
    path(settings.HOABAN_ADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    # Outside the language prefix and without a trailing-slash redirect: probes do not follow.
    re_path(r"^healthz/?$", health.healthz, name="healthz"),
    re_path(r"^readyz/?$", health.readyz, name="readyz"),
]

if settings.HOABAN_SERVE_MEDIA:
    # The embedded default has no web server in front; production serves media elsewhere.
    urlpatterns += [
        re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    ]

urlpatterns += i18n_patterns(
    path("", include("hoaban.discussion.urls")),
    path("feeds/", include("hoaban.feeds.urls")),
    path("search/", include("hoaban.search.urls")),
    # Wagtail's own paths, its page view routing from the edition homes (hoaban.home.serving).
    *(url for url in wagtail_urls.urlpatterns if url.name != "wagtail_serve"),
    re_path(wagtail_urls.serve_pattern, serve_page, name="wagtail_serve"),
    prefix_default_language=True,
)

handler500 = "hoaban.operations.errors.handle_server_error"
