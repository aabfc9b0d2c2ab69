"""The admin form every page type uses: slugs by the site's rule, dates in the editor's locale."""

from django import forms
from django.utils.formats import get_format
from django.utils.translation import gettext_lazy as _
from wagtail.admin.datetimepicker import to_datetimepicker_format
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.widgets import AdminDateInput, AdminDateTimeInput
from wagtail.models import Page

from .slugs import formatters_json, slug_from_title

UNUSABLE_SLUG = _(
    "Nothing usable is left of this slug. Use letters or digits, for example "
    "“dong-chi-tran-quoc-cuong”."
)


class PageSlugField(forms.CharField):
    """Takes whatever an editor types ("Đồng chí Cường", "Ёлка") and keeps the slug the
    site's rule makes of it, as the admin's live slug field already shows."""

    default_error_messages = {"unusable": UNUSABLE_SLUG}

    def to_python(self, value):
        value = super().to_python(value)
        if not value:
            return value
        slug = slug_from_title(value)
        if not slug:
            raise forms.ValidationError(self.error_messages["unusable"], code="unusable")
        return slug


def localise_date_widgets(form: forms.BaseForm) -> None:
    """Make the form's date pickers write and show the first input format of the active
    language (hoaban.formats), the one the server reads first.

    Wagtail fixes a picker's format when the widget is built, at import time for the
    publishing panel's go-live and expiry, from one setting for every language; the form is
    built per request, under the editor's admin language.
    """
    for field in form.fields.values():
        widget = field.widget
        if isinstance(widget, AdminDateTimeInput):
            widget.format = get_format("DATETIME_INPUT_FORMATS")[0]
        elif isinstance(widget, AdminDateInput):
            widget.format = get_format("DATE_INPUT_FORMATS")[0]
        else:
            continue
        widget.js_format = to_datetimepicker_format(widget.format)


class NewsPageForm(WagtailAdminPageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        localise_date_widgets(self)
        if "dateline" in self.fields and self.instance.pk is None and self.parent_page:
            # A new story opens with its own site's dateline (the model's default knows no
            # parent, so it gives the default site's).
            from hoaban.core.models import NewsroomSettings

            site = self.parent_page.get_site()
            if site is not None:
                self.initial["dateline"] = NewsroomSettings.for_site(site).default_dateline
        typed = self.fields.get("slug")
        if typed is not None:
            slug = PageSlugField(
                label=typed.label,
                help_text=typed.help_text,
                required=typed.required,
                max_length=typed.max_length,
                widget=typed.widget,
            )
            slug.widget.attrs["data-w-slug-formatters-value"] = formatters_json()
            self.fields["slug"] = slug

    def clean(self):
        # Before Wagtail's check that the slug is free: a draft whose slug comes from its title
        # takes the next free one (…-2), as pages created from code do, rather than refusing
        # the editor a story that shares a title with an earlier one. A live page's slug, or
        # one typed to differ from the title, still has to be free.
        slug, title = self.cleaned_data.get("slug"), self.cleaned_data.get("title")
        unpublished = self.instance.pk is None or not self.instance.live  # new pages say live
        if slug and title and slug == slug_from_title(title) and unpublished:
            self.cleaned_data["slug"] = self._free_slug(slug)
        return super().clean()

    def _free_slug(self, slug: str) -> str:
        candidate, number = slug, 1
        while not Page._slug_is_available(candidate, self.parent_page, self.instance):
            number += 1
            candidate = f"{slug}-{number}"
        return candidate

    def get_field_updates_for_resave(self):
        # After an autosave, show the slug that was stored (normalised, or made free) in the
        # form that stays open, so the next save sends it back unchanged.
        updates = super().get_field_updates_for_resave()
        slug = self.cleaned_data.get("slug")
        if "slug" in self.fields and slug and slug != self.data.get("slug"):
            updates.append(("slug", slug))
        return updates
