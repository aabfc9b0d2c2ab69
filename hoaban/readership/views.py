"""The read beacon: a POST the article page's script sends once per reader and story.

Uncached (the page cache and the proxy pass POST), cookie-free and CSRF-exempt: it changes no
one's state but a counter, and whoever sends it is never identified (counting.py).
"""

from django.http import HttpResponse, HttpResponseBadRequest
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from .services import read_beacon

MAX_ID = 2**31 - 1


@csrf_exempt
@never_cache
@require_POST
def beacon(request):
    raw = request.POST.get("article", "")
    if not raw.isdigit() or not 0 < int(raw) <= MAX_ID:
        return HttpResponseBadRequest(
            _("Send the article's id as the form field “article”, e.g. article=123."),
            content_type="text/plain; charset=utf-8",
        )
    read_beacon(request=request, article_id=int(raw))
    # The same answer whether or not the read counted: a robot learns nothing.
    return HttpResponse(status=204)
