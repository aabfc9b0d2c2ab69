"""HTTP caching and input hygiene for the read API (everything under /api/).

Responses get `Cache-Control: public`, a Last-Modified from Wagtail's page log (any publish,
unpublish, move or delete moves it) and a strong ETag of the body; conditional requests
(If-None-Match / If-Modified-Since, RFC 9110 §13) are answered 304 by Django's own helper.
"""

from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils.cache import get_conditional_response, patch_cache_control, set_response_etag
from django.utils.http import http_date

from .articles import latest_change

API_PREFIX = "/api/"
MAX_AGE = 60


class ReadApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(API_PREFIX):
            return self.get_response(request)
        if any("\x00" in value for values in request.GET.lists() for value in values[1]):
            # PostgreSQL cannot compare text containing NUL; say so instead of failing.
            return JsonResponse({"detail": "Query parameters may not contain NUL."}, status=400)
        if request.method not in ("GET", "HEAD"):
            return self.get_response(request)
        changed = latest_change()
        last_modified = int(changed.timestamp()) if changed else None
        response = self.get_response(request)
        if response.status_code != 200:
            return response
        patch_cache_control(response, public=True, max_age=MAX_AGE)
        if last_modified is not None and not response.has_header("Last-Modified"):
            response.headers["Last-Modified"] = http_date(last_modified)
        if not response.streaming and not response.has_header("ETag"):
            set_response_etag(response)
        return get_conditional_response(
            request,
            etag=response.get("ETag"),
            last_modified=last_modified,
            response=response,
        )


class ApiAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s for the API.

    A missing article under /api/ must stay a JSON 404; Django would otherwise answer 302 to
    /vi/api/…, because Wagtail's catch-all makes that path look valid.
    """

    def process_response(self, request, response):
        if request.path_info.startswith(API_PREFIX):
            return response
        return super().process_response(request, response)
