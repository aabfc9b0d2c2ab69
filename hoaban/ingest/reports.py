"""Admin report: per source, what the runs of the last days fetched, imported and lost."""

from datetime import timedelta

import django_filters
from django.contrib.admin.utils import quote
from django.db.models import Count, OuterRef, Q, Subquery, Sum
from django.db.models.functions import Coalesce
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, DateColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from .models import ImportedItem, Source
from .permissions import permission_policy as source_policy
from .permissions import user_sources

PERIODS = [(1, _("Last day")), (7, _("Last 7 days")), (30, _("Last 30 days"))]
DEFAULT_DAYS = 7
TOTALS = ["fetched", "imported", "duplicates", "failed"]


def _edit_url(source: Source) -> str:
    return reverse("wagtailsnippets_ingest_source:edit", args=[quote(source.pk)])


class SourceReportFilterSet(WagtailFilterSet):
    days = django_filters.ChoiceFilter(
        label=_("Period"),
        choices=[(str(days), label) for days, label in PERIODS],
        empty_label=None,
        method="keep_all",  # the period shapes the sums, not the list of sources
    )

    class Meta:
        model = Source
        fields = ["active", "language"]

    def keep_all(self, queryset, name, value):
        return queryset


class SyndicationReportView(ReportView):
    page_title = _("Syndication")
    header_icon = "download"
    index_url_name = "ingest_report"
    index_results_url_name = "ingest_report_results"
    filterset_class = SourceReportFilterSet
    permission_policy = source_policy
    any_permission_required = ["add", "change", "view"]
    list_export = [
        "name",
        "run_count",
        *TOTALS,
        "incomplete_count",
        "last_fetched_at",
        "last_result",
        "last_error",
    ]
    export_headings = {"run_count": _("Runs"), "incomplete_count": _("May be incomplete")}
    columns = [
        TitleColumn("name", label=_("Source"), get_url=_edit_url),
        Column("run_count", label=_("Runs")),
        Column("fetched", label=_("Fetched")),
        Column("imported", label=_("Imported")),
        Column("duplicates", label=_("Duplicates")),
        Column("failed", label=_("Failures")),
        Column("incomplete_count", label=_("May be incomplete")),
        DateColumn("last_fetched_at", label=_("Last fetched")),
        Column("get_last_result_display", label=_("Last result")),
        Column("last_error", label=_("Last error")),
    ]

    @property
    def days(self) -> int:
        try:
            days = int(self.request.GET.get("days", DEFAULT_DAYS))
        except ValueError:
            return DEFAULT_DAYS
        return days if days in dict(PERIODS) else DEFAULT_DAYS

    def get_queryset(self):
        since = timezone.now() - timedelta(days=self.days)
        in_period = Q(runs__started_at__gte=since)
        sums = {name: Coalesce(Sum(f"runs__{name}", filter=in_period), 0) for name in TOTALS}
        # A subquery, not a second join: joined with the runs it would multiply their sums.
        incomplete = (
            ImportedItem.objects.filter(source=OuterRef("pk"), fetched_at__gte=since)
            .exclude(incomplete="")
            .values("source")
            .annotate(count=Count("pk"))
            .values("count")
        )
        return (
            user_sources(self.request.user)
            .annotate(
                run_count=Count("runs", filter=in_period),
                incomplete_count=Coalesce(Subquery(incomplete), 0),
                **sums,
            )
            .order_by("name")
        )
