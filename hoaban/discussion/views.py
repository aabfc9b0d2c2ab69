"""Posting comments without breaking the shared article cache.

The article page carries no CSRF token (it is cached and shared by every reader). With
JavaScript, the form fetches a token from `comment_token` before posting. Without it, the
first POST fails the CSRF check: nothing is stored, and the reader gets this app's own,
uncached page with the text kept and a fresh token, so one more click sends it.
"""

from urllib.parse import urlencode

from django.http import JsonResponse
from django.middleware.csrf import CsrfViewMiddleware, get_token
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from hoaban.articles.models import ArticlePage
from hoaban.core.visibility import visible

from . import clients
from .forms import CommentForm, issue_timestamp, seconds_since_issued
from .models import Comment
from .notices import NOTICE_PARAM, NOTICES
from .rules import MAX_LENGTH, CommentRules
from .services import CommentsClosed, RateLimited, comment_submit, comments_open


@never_cache
@require_GET
def comment_token(request):
    """The per-visitor part of the form: a CSRF token (and cookie) and a signed start time."""
    return JsonResponse({"csrfToken": get_token(request), "issued": issue_timestamp()})


def _csrf_failed(request) -> bool:
    # The view is csrf_exempt so that a failed check can keep the reader's text; the check
    # itself is Django's own, run here explicitly.
    return CsrfViewMiddleware(lambda request: None).process_view(request, None, (), {}) is not None


def _wants_json(request) -> bool:
    return "application/json" in request.headers.get("Accept", "")


def _article_url(request, article, notice: str) -> str:
    return f"{article.get_url(request)}?{urlencode({NOTICE_PARAM: notice})}#comments"


def _answer(request, article, form, *, status: int, code: str, message: str):
    """The form again (HTML, uncached, with a fresh token) or the same facts as JSON.

    `code` tells scripts what to do: "retry" (fetch a new token), "invalid" (see `errors`),
    "closed" or "rate_limited".
    """
    closed = code == "closed"
    if _wants_json(request):
        errors = form.errors.get_json_data() if form.is_bound and code == "invalid" else {}
        return JsonResponse({"status": code, "message": message, "errors": errors}, status=status)
    context = {
        "page": article,
        "article": article,
        "form": form,
        "message": message,
        "closed": closed,
        "issued": issue_timestamp(),
        "max_length": MAX_LENGTH,
    }
    return TemplateResponse(request, "discussion/comment_retry.html", context, status=status)


def _accepted(request, article, comment: Comment | None):
    notice = "published" if comment is not None and comment.is_visible else "pending"
    location = _article_url(request, article, notice)
    if _wants_json(request):
        message = NOTICES[notice]
        return JsonResponse({"status": notice, "message": str(message), "location": location})
    return redirect(location, permanent=False)


@never_cache
@csrf_exempt
@require_POST
def post_comment(request, article_id: int):
    # Nothing can be posted to a story its reader may not see (hoaban.core.visibility).
    article = get_object_or_404(visible(ArticlePage.objects), pk=article_id)
    rules = CommentRules.for_request(request)
    if not comments_open(article=article, rules=rules):
        return _answer(
            request,
            article,
            CommentForm(request.POST),
            status=403,
            code="closed",
            message=_("Comments on this article are closed."),
        )

    age = seconds_since_issued(request.POST.get("issued", ""))
    if _csrf_failed(request) or age is None:
        return _answer(
            request,
            article,
            CommentForm(initial=request.POST.dict()),
            status=403,
            code="retry",
            message=_("Please check your comment and press “Send” once more to post it."),
        )
    form = CommentForm(request.POST)
    if form.is_trapped:
        # Answer as if accepted, so the script learns nothing.
        return _accepted(request, article, None)
    if not form.is_valid():
        return _answer(
            request,
            article,
            form,
            status=400,
            code="invalid",
            message=_("Please correct the errors below."),
        )
    try:
        comment = comment_submit(
            article=article,
            name=form.cleaned_data["name"],
            email=form.cleaned_data["email"],
            body=form.cleaned_data["body"],
            ip_hash=clients.hash_ip(clients.client_ip(request)),
            user_agent=clients.user_agent(request),
            seconds_to_send=age,
            rules=rules,
        )
    except CommentsClosed:
        return _answer(
            request,
            article,
            form,
            status=403,
            code="closed",
            message=_("Comments on this article are closed."),
        )
    except RateLimited as limited:
        response = _answer(
            request,
            article,
            form,
            status=429,
            code="rate_limited",
            message=_(
                "You are posting comments too quickly. Please wait a few minutes and try again."
            ),
        )
        response["Retry-After"] = str(limited.retry_after)
        return response
    return _accepted(request, article, comment)
