"""Admin actions on a source: test it (see what a run would import, nothing saved) and fetch
it now (the real run, through the task queue)."""

from django.contrib.admin.utils import quote
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import View
from django_tasks import TaskResultStatus
from wagtail.admin import messages
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.views.generic.permissions import PermissionCheckedMixin

from .models import Source
from .permissions import user_sources
from .tasks import syndicate_source
from .trial import try_source


def source_url(name: str, source: Source) -> str:
    """A URL of the Sources viewset (hoaban.ingest.wagtail_hooks) for one source."""
    return reverse(f"wagtailsnippets_ingest_source:{name}", args=[quote(source.pk)])


# The fields that say where and how to find articles: the only ones a test needs.
WHERE_FIELDS = ["feed_url", "list_url", "link_rule", "link_folder", "link_pattern"]


class SourceTestView(PermissionCheckedMixin, WagtailAdminTemplateMixin, View):
    """GET tests the saved source; POST tests the add or edit form as filled in, unsaved."""

    any_permission_required = ["add", "change"]
    template_name = "ingest/source_test.html"
    header_icon = "download"
    permission_policy = None
    form_class = None

    unsaved_changes = False

    def get(self, request, pk):
        self.source = _own_source(request, pk)
        return self.render_to_response(self.get_context_data(form_errors=[]))

    def post(self, request, pk=None):
        source = _own_source(request, pk) if pk else Source()
        saved = _where(source)
        form = self.form_class(request.POST, instance=source, for_user=request.user)
        form.is_valid()  # fills the instance in memory; only the "where" fields matter here
        errors = [
            f"{form.fields[name].label}: {error}"
            for name in WHERE_FIELDS
            for error in form.errors.get(name, [])
        ]
        self.source = form.instance
        self.unsaved_changes = bool(pk) and _where(form.instance) != saved
        return self.render_to_response(self.get_context_data(form_errors=errors))

    def get_page_title(self):
        return gettext_lazy("Test this source")

    def get_breadcrumbs_items(self):
        source = self.source
        items = [{"url": reverse("wagtailsnippets_ingest_source:list"), "label": _("Sources")}]
        if source.pk:
            items.append({"url": source_url("edit", source), "label": str(source)})
        return [*self.breadcrumbs_items, *items, {"url": "", "label": self.get_page_title()}]

    def get_context_data(self, *, form_errors, **kwargs):
        context = super().get_context_data(**kwargs)
        source = self.source
        context.update(
            source=source,
            form_errors=form_errors,
            unsaved_changes=self.unsaved_changes,
            trial=None if form_errors else try_source(source=source),
            edit_url=source_url("edit", source) if source.pk else "",
            fetch_url=(
                source_url("fetch_now", source)
                if source.pk and not self.unsaved_changes and self.user_has_permission("change")
                else ""
            ),
        )
        return context


def _own_source(request, pk) -> Source:
    """A source of one of the user's sites; another site's is refused, as in the edit view."""
    source = get_object_or_404(Source, pk=pk)
    if not user_sources(request.user).filter(pk=source.pk).exists():
        raise PermissionDenied
    return source


def _where(source: Source) -> tuple:
    return (source.feed_url, source.list_url, source.link_pattern)


class FetchNowView(PermissionCheckedMixin, View):
    """Enqueues the real run of one source and says what it did, or that it is queued."""

    permission_required = "change"
    permission_policy = None

    def post(self, request, pk):
        source = _own_source(request, pk)
        result = syndicate_source.enqueue(source.pk)
        report = [messages.button(reverse("ingest_report"), _("Syndication report"))]
        if result.status == TaskResultStatus.SUCCESSFUL:
            source.refresh_from_db()
            text = _(
                "%(source)s fetched: %(imported)s imported, %(duplicates)s duplicates, "
                "%(failed)s failed."
            ) % {"source": source.name, **result.return_value}
            if source.last_result in (Source.Result.FAILED, Source.Result.PARTIAL):
                messages.warning(request, f"{text} {source.last_error}", buttons=report)
            else:
                messages.success(request, text, buttons=report)
        elif result.status == TaskResultStatus.FAILED:
            messages.error(
                request,
                _("The run of %(source)s failed.") % {"source": source.name},
                buttons=report,
            )
        else:
            messages.info(
                request,
                _("%(source)s is queued; the syndication report shows the result.")
                % {"source": source.name},
                buttons=report,
            )
        return redirect(source_url("edit", source))
