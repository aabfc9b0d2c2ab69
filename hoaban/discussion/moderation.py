"""Editors' decisions on comments: one function for the admin's single and bulk actions.

Each change is logged with Wagtail's model log (who, when, which action) and, when it changes
what readers see, announced to the page cache.
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.log_actions import log

from hoaban.core.site_access import SiteScopedPolicy, pages_user_may_edit

from .models import Comment
from .signals import announce_changed_articles

Status = Comment.Status


def on_pages_user_may_edit(user, comments):
    """A moderator's comments: those on pages they may edit, so on their own site only."""
    return comments.filter(article__in=pages_user_may_edit(user))


permission_policy = SiteScopedPolicy(Comment, on_pages_user_may_edit)

# Log action per target status; registered with Wagtail in wagtail_hooks.py.
LOG_ACTIONS = {
    Status.APPROVED: ("discussion.approve", _("Approve comment"), _("Comment approved")),
    Status.REMOVED: ("discussion.remove", _("Remove comment"), _("Comment removed")),
    Status.SPAM: ("discussion.spam", _("Mark comment as spam"), _("Comment marked as spam")),
    Status.PENDING: (
        "discussion.pending",
        _("Return comment to the queue"),
        _("Comment returned to the moderation queue"),
    ),
}


def can_moderate(user) -> bool:
    return permission_policy.user_has_permission(user, "change")


def may_moderate(user, comment: Comment) -> bool:
    return permission_policy.user_has_permission_for_instance(user, "change", comment)


def moderated_by(user):
    """The comments the user may moderate."""
    return permission_policy.instances_user_has_permission_for(user, "change")


@transaction.atomic
def comments_moderate(*, comment_ids: Iterable[int], status: str, user) -> int:
    """Set the status of the given comments; returns how many actually changed."""
    status = Status(status)
    # Lock, then re-read: two editors acting at once each see the other's decision.
    comments = list(
        Comment.objects.select_for_update(of=("self",))
        .filter(pk__in=list(comment_ids))
        .select_related("article")
        .order_by("pk")
    )
    now = timezone.now()
    changed_articles = {}
    changed = 0
    for comment in comments:
        if comment.status == status:
            continue
        was_visible = comment.is_visible
        comment.status = status
        comment.moderated_at = now
        comment.moderated_by = user
        comment.save(update_fields=["status", "moderated_at", "moderated_by"])
        log(instance=comment, action=LOG_ACTIONS[status][0], user=user)
        changed += 1
        if comment.is_visible != was_visible:
            changed_articles[comment.article_id] = comment.article
    announce_changed_articles(changed_articles.values())
    return changed


def comment_moderate(*, comment: Comment, status: str, user) -> bool:
    return comments_moderate(comment_ids=[comment.pk], status=status, user=user) == 1
