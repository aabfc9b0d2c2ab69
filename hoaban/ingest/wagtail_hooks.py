from django.contrib import messages
from django.urls import path, reverse
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import DateBasis, ImportedItem, Source
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
