from wagtail import hooks
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet

from .admin import (
    ApproveBulkAction,
    CommentViewSet,
    PendingCommentsPanel,
    RemoveBulkAction,
    SpamBulkAction,
)
from .models import Comment
from .moderation import LOG_ACTIONS, can_moderate, permission_policy

# Before the viewset: its views look the policy up by model.
register_permission_policy(Comment, permission_policy)
comment_viewset = CommentViewSet()
register_snippet(comment_viewset)

for action in (ApproveBulkAction, SpamBulkAction, RemoveBulkAction):
    hooks.register("register_bulk_action", action)


@hooks.register("register_log_actions")
def register_comment_log_actions(actions):
    for action, label, message in LOG_ACTIONS.values():
        actions.register_action(action, label, message)


@hooks.register("construct_homepage_panels")
def add_pending_comments_panel(request, panels):
    if can_moderate(request.user):
        panels.append(PendingCommentsPanel(comment_viewset))
