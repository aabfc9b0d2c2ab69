"""The moderation queue in the Wagtail admin: a snippet listing with filters, search and bulk
approve / spam / remove, a dashboard panel and a menu item that show the pending count.

Each moderator's queue, counts and actions cover the comments on pages they may edit
(`moderation.permission_policy`): a newspaper editor never sees the platform's readers."""

import django_filters
from django.urls import path
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext_lazy
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.admin.ui.components import Component
from wagtail.admin.ui.tables import DateColumn
from wagtail.snippets.bulk_actions.snippet_bulk_action import SnippetBulkAction
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import SnippetViewSet

from hoaban.articles.models import ArticlePage
from hoaban.core.site_access import SiteScopedObjectMixin, pages_user_may_edit

from .models import Comment
from .moderation import (
    can_moderate,
    comment_moderate,
    comments_moderate,
    may_moderate,
    moderated_by,
)
from .row_moderation import ModerationColumn, moderate_row

Status = Comment.Status


def pending_count(user) -> int:
    return moderated_by(user).filter(status=Status.PENDING).count()


def _articles_of(request):
    return ArticlePage.objects.filter(pk__in=pages_user_may_edit(request.user))


class CommentFilterSet(WagtailFilterSet):
    # The article filter offers the moderator's own articles, not every site's.
    article = django_filters.ModelChoiceFilter(label=_("article"), queryset=_articles_of)

    class Meta:
        model = Comment
        fields = ["status", "article", "created_at"]


class CommentInspectView(SiteScopedObjectMixin, snippet_views.InspectView):
    pass


class CommentHistoryView(SiteScopedObjectMixin, snippet_views.HistoryView):
    pass


class CommentUsageView(SiteScopedObjectMixin, snippet_views.UsageView):
    pass


class CommentDeleteView(SiteScopedObjectMixin, snippet_views.DeleteView):
    pass


class CommentEditView(SiteScopedObjectMixin, snippet_views.EditView):
    def save_instance(self):
        # Status changes go through the moderation service: logged, and announced to the cache.
        comment_moderate(
            comment=self.object, status=self.form.cleaned_data["status"], user=self.request.user
        )
        self.object.refresh_from_db()
        return self.object


class PendingMenuItem(MenuItem):
    def is_shown(self, request):
        return can_moderate(request.user)

    def render_component(self, request):
        component = super().render_component(request)
        count = pending_count(request.user)
        if count:
            component.label = f"{self.label} ({count})"
        return component


class CommentViewSet(SnippetViewSet):
    model = Comment
    icon = "comment"
    menu_label = _("Comments")
    menu_name = "reader-comments"
    menu_order = 250
    add_to_admin_menu = True
    menu_item_class = PendingMenuItem
    edit_view_class = CommentEditView
    inspect_view_class = CommentInspectView
    history_view_class = CommentHistoryView
    usage_view_class = CommentUsageView
    delete_view_class = CommentDeleteView
    filterset_class = CommentFilterSet
    inspect_view_enabled = True
    copy_view_enabled = False
    list_display = [
        "body",
        "name",
        "article",
        "status",
        "held_reason",
        DateColumn("created_at", label=_("Posted")),
        ModerationColumn("moderate", label=_("Moderate")),
    ]
    search_fields = ["body", "name"]
    search_backend_name = None
    ordering = ["-created_at"]
    inspect_view_fields = [
        "article",
        "name",
        "email",
        "body",
        "status",
        "held_reason",
        "created_at",
        "user_agent",
        "ip_hash",
        "moderated_by",
        "moderated_at",
    ]
    panels = [
        FieldPanel("article", read_only=True),
        FieldPanel("name", read_only=True),
        FieldPanel("body", read_only=True),
        FieldPanel("held_reason", read_only=True),
        FieldPanel("status"),
    ]

    def get_queryset(self, request):
        return moderated_by(request.user).select_related("article")

    def get_urlpatterns(self):
        return [
            *super().get_urlpatterns(),
            path("moderate/<int:pk>/<slug:action>/", moderate_row, name="moderate"),
        ]

    @property
    def menu_url(self):
        return f"{super().menu_url}?status={Status.PENDING}"


class ModerateBulkAction(SnippetBulkAction):
    """Sets one status on the selected comments through the moderation service."""

    models = [Comment]
    template_name = "discussion/admin/confirm_bulk_moderate.html"
    target_status: str
    # ngettext_lazy with "count": the plural form is chosen when the count is filled in.
    success_message: str

    def check_perm(self, obj):
        return may_moderate(self.request.user, obj)

    @classmethod
    def execute_action(cls, objects, user=None, **kwargs):
        changed = comments_moderate(
            comment_ids=[comment.pk for comment in objects],
            status=cls.target_status,
            user=kwargs["self"].request.user,
        )
        return changed, 0

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["action_label"] = self.display_name
        return context

    def get_success_message(self, num_parent_objects, num_child_objects):
        return self.success_message % {"count": num_parent_objects}


class ApproveBulkAction(ModerateBulkAction):
    display_name = _("Approve")
    action_type = "approve"
    aria_label = _("Approve selected comments")
    action_priority = 10
    target_status = Status.APPROVED
    success_message = ngettext_lazy(
        "%(count)d comment approved.", "%(count)d comments approved.", "count"
    )


class SpamBulkAction(ModerateBulkAction):
    display_name = _("Spam")
    action_type = "spam"
    aria_label = _("Mark selected comments as spam")
    action_priority = 20
    target_status = Status.SPAM
    success_message = ngettext_lazy(
        "%(count)d comment marked as spam.", "%(count)d comments marked as spam.", "count"
    )


class RemoveBulkAction(ModerateBulkAction):
    display_name = _("Remove")
    action_type = "remove"
    aria_label = _("Remove selected comments (kept in the database)")
    action_priority = 30
    classes = {"serious"}
    target_status = Status.REMOVED
    success_message = ngettext_lazy(
        "%(count)d comment removed.", "%(count)d comments removed.", "count"
    )


class PendingCommentsPanel(Component):
    name = "pending_comments"
    template_name = "discussion/admin/pending_panel.html"
    order = 110

    def __init__(self, viewset):
        self.viewset = viewset

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        return {"count": pending_count(request.user), "queue_url": self.viewset.menu_url}
