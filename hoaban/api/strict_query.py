"""Query parameters an endpoint does not take are refused with 400, not ignored: a mistyped
filter (`?lang=ru` for `?locale=ru`) would otherwise answer with every edition, and the
client would never know.

django-ninja reads only the parameters an operation declares and drops the rest before
validation, so the names each operation declares are collected once (`learn_parameters`)
and ReadApiMiddleware compares the request with them before the view runs.
"""

from django.http import JsonResponse
from django.utils.translation import gettext as _
from ninja import NinjaAPI

# url name of each operation → the query parameters it declares
KNOWN: dict[str, tuple[str, ...]] = {}


def learn_parameters(api: NinjaAPI) -> None:
    for path_view in api.default_router.path_operations.values():
        for operation in path_view.operations:
            names = []
            for model in operation.models:
                if model.__ninja_param_source__ == "query":
                    names += list(getattr(model, "__ninja_flatten_map__", {}) or ())
            url_name = getattr(operation, "url_name", None) or operation.view_func.__name__
            KNOWN[url_name] = tuple(names)


def unknown_parameters_response(request) -> JsonResponse | None:
    """A 400 naming the query parameters the resolved endpoint does not take, or None."""
    match = getattr(request, "resolver_match", None)
    if match is None or match.url_name not in KNOWN:
        return None
    known = KNOWN[match.url_name]
    unknown = [name for name in request.GET if name not in known]
    if not unknown:
        return None
    message = _("Unknown query parameter(s): %(unknown)s.") % {"unknown": ", ".join(unknown)}
    if known:
        message += " " + _("This endpoint takes: %(known)s.") % {"known": ", ".join(known)}
    else:
        message += " " + _("This endpoint takes no query parameters.")
    return JsonResponse({"detail": message}, status=400)
