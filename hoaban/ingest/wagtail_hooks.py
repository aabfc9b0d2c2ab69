from django.contrib import messages
from django.urls import path, reverse
from django.utils.functional import cached_property
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.widgets import Button
from wagtail.permissions import register_permission_policy
from wagtail.snippets.action_menu import ActionMenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views import snippets as snippet_views
from wagtail.snippets.views.snippets import EditView, IndexView, SnippetViewSet

from hoaban.core.site_access import SiteScopedObjectMixin

from .dates import DateBasis
from .models import ImportedItem, Source
from .permissions import permission_policy, user_sources
from .reports import SyndicationReportView
from .views import FetchNowView, SourceTestView, source_url

TEST_LABEL = _("Test this source")


def _test_button(url: str) -> Button:
    return Button(TEST_LABEL, url=url, icon_name="view", priority=5)


class SourceIndexView(IndexView):
    def get_list_more_buttons(self, instance):
        buttons = super().get_list_more_buttons(instance)
        if self.permission_policy.user_has_any_permission(self.request.user, ["add", "change"]):
            url = source_url("test", instance)
            buttons.insert(0, _test_button(url))
        return buttons


class SourceEditView(SiteScopedObjectMixin, EditView):
    @cached_property
    def header_more_buttons(self):
        url = source_url("test", self.object)
        return [_test_button(url), *super().header_more_buttons]


class SourceDeleteView(SiteScopedObjectMixin, snippet_views.DeleteView):
    pass


class SourceHistoryView(SiteScopedObjectMixin, snippet_views.HistoryView):
    pass


class SourceUsageView(SiteScopedObjectMixin, snippet_views.UsageView):
    pass


class SourceViewSet(SnippetViewSet):
    """The Sources screens, open to whoever holds the Source model's permissions, each with
    the sources of their own sites (`permissions.py`)."""

    model = Source
    icon = "download"
    menu_label = _("Sources")
    list_display = ["name", "site", "language", "default_section", "active", "last_fetched_at"]
    list_filter = ["active", "language"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 310
    index_view_class = SourceIndexView
    edit_view_class = SourceEditView
    delete_view_class = SourceDeleteView
    history_view_class = SourceHistoryView
    usage_view_class = SourceUsageView

    def get_queryset(self, request):
        return user_sources(request.user).select_related("site", "default_section")

    def get_urlpatterns(self):
        test_view = SourceTestView.as_view(
            permission_policy=self.permission_policy,
            form_class=self.get_edit_handler().get_form_class(),
        )
        fetch_view = FetchNowView.as_view(permission_policy=self.permission_policy)
        return [
            *super().get_urlpatterns(),
            path("test/", test_view, name="test_new"),
            path("test/<str:pk>/", test_view, name="test"),
            path("fetch/<str:pk>/", fetch_view, name="fetch_now"),
        ]


# Before the viewset: its views look the policy up by model.
register_permission_policy(Source, permission_policy)
register_snippet(SourceViewSet)


class TestSourceMenuItem(ActionMenuItem):
    """On the add and edit forms: tests the source as filled in, in a new tab, unsaved."""

    name = "action-test-source"
    label = TEST_LABEL
    icon_name = "view"
    template_name = "ingest/test_source_menu_item.html"

    def is_shown(self, context):
        return context["model"] is Source and super().is_shown(context)

    def get_url(self, parent_context):
        instance = parent_context.get("instance")
        if instance is not None and instance.pk:
            return source_url("test", instance)
        return reverse("wagtailsnippets_ingest_source:test_new")


@hooks.register("register_snippet_action_menu_item")
def register_test_source_menu_item(model):
    return TestSourceMenuItem(order=5) if model is Source else None


class SyndicationReportMenuItem(MenuItem):
    def is_shown(self, request):
        return SyndicationReportView.permission_policy.user_has_any_permission(
            request.user, SyndicationReportView.any_permission_required
        )


@hooks.register("register_admin_urls")
def register_report_urls():
    return [
        path("reports/syndication/", SyndicationReportView.as_view(), name="ingest_report"),
        path(
            "reports/syndication/results/",
            SyndicationReportView.as_view(results_only=True),
            name="ingest_report_results",
        ),
    ]


@hooks.register("register_reports_menu_item")
def register_report_menu_item():
    return SyndicationReportMenuItem(
        _("Syndication"),
        reverse("ingest_report"),
        name="syndication",
        icon_name="download",
        order=1000,
    )


@hooks.register("before_edit_page")
def warn_about_doubtful_import(request, page):
    """An imported draft that may be cut short, or whose date is a guess, says so on top."""
    if request.method != "GET":
        return
    item = (
        ImportedItem.objects.filter(article_id=page.pk)
        .only("incomplete", "date_basis", "url")
        .first()
    )
    if item is None:
        return
    if item.incomplete:
        messages.warning(
            request,
            gettext(
                "This imported article may be incomplete (%(reason)s). Compare it with the "
                "original before publishing: %(url)s"
            )
            % {"reason": item.incomplete, "url": item.url},
        )
    if item.date_basis == DateBasis.URL:
        messages.warning(
            request,
            gettext(
                "The page printed no date: this article's date was taken from its address. "
                "Check it before publishing."
            ),
        )
