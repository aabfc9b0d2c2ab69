"""HTTP caching and input hygiene for the read API (everything under /api/).

Responses get `Cache-Control: public`, a Last-Modified from Wagtail's page log (any publish,
unpublish, move or delete moves it) and a strong ETag of the body; conditional requests
(If-None-Match / If-Modified-Since, RFC 9110 §13) are answered 304 by Django's own helper.
"""

from django.http import JsonResponse
from django.middleware.locale import LocaleMiddleware
from django.utils import translation
from django.utils.cache import (
    get_conditional_response,
    patch_cache_control,
    patch_vary_headers,
    set_response_etag,
)
from django.utils.http import http_date

from .articles import latest_change
from .strict_query import unknown_parameters_response

API_PREFIX = "/api/"
API_DEFAULT_LANGUAGE = "en"
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
        if getattr(request, "changes_without_publishing", False):
            # Read counts (most read) change with no page log entry: only the ETag can say
            # that nothing changed.
            last_modified = None
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

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Once the URL is resolved: which parameters are known depends on the endpoint.
        if request.path.startswith(API_PREFIX):
            return unknown_parameters_response(request)
        return None


class ApiAwareLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its redirect of unprefixed 404s for the API, and with
    English for API clients that ask for no language.

    A missing article under /api/ must stay a JSON 404; Django would otherwise answer 302 to
    /vi/api/…, because Wagtail's catch-all makes that path look valid. A program that sends no
    Accept-Language is better served by English error messages than by the site's Vietnamese.
    """

    def process_request(self, request):
        if request.path_info.startswith(API_PREFIX) and not request.headers.get("Accept-Language"):
            translation.activate(API_DEFAULT_LANGUAGE)
            request.LANGUAGE_CODE = API_DEFAULT_LANGUAGE
            return
        super().process_request(request)

    def process_response(self, request, response):
        if request.path_info.startswith(API_PREFIX):
            if response.status_code >= 400:
                patch_vary_headers(response, ("Accept-Language",))
            return response
        return super().process_response(request, response)
