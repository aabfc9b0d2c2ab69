"""One-click moderation from a row of the comment queue.

Each row carries small POST forms (Approve, Remove, Spam, whichever differ from the comment's
status). The view calls the same moderation service as the bulk actions, so logging, signals
and cache purges are identical, then returns to the queue page the editor was on, filters and
page number kept.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST
from wagtail.admin.ui.tables import BaseColumn

from .models import Comment
from .moderation import can_moderate, comment_moderate, may_moderate

Status = Comment.Status
QUEUE_URL_NAME = "wagtailsnippets_discussion_comment:list"
MODERATE_URL_NAME = "wagtailsnippets_discussion_comment:moderate"

# action in the URL: (target status, button label, message once done)
ROW_ACTIONS = {
    "approve": (Status.APPROVED, _("Approve"), _("Comment by “%(name)s” approved.")),
    "remove": (
        Status.REMOVED,
        _("Remove"),
        _("Comment by “%(name)s” removed (kept in the database)."),
    ),
    "spam": (Status.SPAM, _("Spam"), _("Comment by “%(name)s” marked as spam.")),
}


def _queue_url(request) -> str:
    """The queue page the buttons were shown on; the results fragment reloaded by the
    filters carries the same query string as the page itself."""
    query = request.GET.urlencode()
    return reverse(QUEUE_URL_NAME) + (f"?{query}" if query else "")


class ModerationColumn(BaseColumn):
    cell_template_name = "discussion/admin/moderate_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        request = parent_context["request"]
        context["next_url"] = _queue_url(request)
        context["actions"] = [
            (reverse(MODERATE_URL_NAME, args=[instance.pk, action]), label)
            for action, (status, label, _message) in ROW_ACTIONS.items()
            if instance.status != status
        ]
        return context

    def render_cell_html(self, instance, parent_context):
        context = self.get_cell_context_data(instance, parent_context)
        # With the request, so the forms carry the CSRF token.
        return self.cell_template.render(context, request=context["request"])


@require_POST
def moderate_row(request, pk: int, action: str):
    if action not in ROW_ACTIONS:
        raise Http404
    if not can_moderate(request.user):
        raise PermissionDenied
    comment = get_object_or_404(Comment, pk=pk)
    if not may_moderate(request.user, comment):
        raise PermissionDenied
    status, _label, message = ROW_ACTIONS[action]
    if comment_moderate(comment=comment, status=status, user=request.user):
        messages.success(request, message % {"name": comment.name})
    else:
        messages.info(request, _("That comment already had this status: nothing changed."))
    next_url = request.POST.get("next", "")
    if not url_has_allowed_host_and_scheme(
        next_url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        next_url = reverse(QUEUE_URL_NAME)
    return redirect(next_url)
