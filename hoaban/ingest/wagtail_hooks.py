from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Source
from .reports import SyndicationReportView


class SourceViewSet(SnippetViewSet):
    model = Source
    icon = "download"
    menu_label = _("Sources")
    list_display = ["name", "language", "default_section", "active", "last_fetched_at"]
    list_filter = ["active", "language"]
    search_fields = ["name"]
    add_to_admin_menu = True
    menu_order = 310


register_snippet(SourceViewSet)


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
