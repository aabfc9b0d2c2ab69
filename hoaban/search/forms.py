from datetime import date

from django import forms
from django.conf import settings
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.models import Locale

from hoaban.core.visibility import visible
from hoaban.sections.models import SectionPage

ALL_LANGUAGES = "all"
SORT_RELEVANCE = "relevance"
SORT_DATE = "date"
# Wider than any archive; at the calendar's ends the day after or a time zone shift overflows.
EARLIEST_DATE, LATEST_DATE = date(1900, 1, 1), date(2999, 12, 31)
DATE_RANGE = [MinValueValidator(EARLIEST_DATE), MaxValueValidator(LATEST_DATE)]


class SearchForm(forms.Form):
    """The reader's query and filters, read from the address (GET) so results can be shared."""

    # "From"/"To" have a context: the admin's translation table uses the same words for languages.
    q = forms.CharField(label=_("Search"), required=False, strip=True)
    section = forms.ChoiceField(label=_("Section"), required=False)
    date_from = forms.DateField(
        label=pgettext_lazy("date range", "From"),
        required=False,
        validators=DATE_RANGE,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    date_to = forms.DateField(
        label=pgettext_lazy("date range", "To"),
        required=False,
        validators=DATE_RANGE,
        widget=forms.DateInput(attrs={"type": "date"}),
    )
    lang = forms.ChoiceField(label=_("Language"), required=False)
    sort = forms.ChoiceField(
        label=_("Sort by"),
        required=False,
        choices=[(SORT_RELEVANCE, _("Relevance")), (SORT_DATE, _("Newest first"))],
    )

    def __init__(self, data, *, locale: Locale):
        super().__init__(data)
        self.locale = locale
        self.sections = {
            section.slug: section
            for section in visible(SectionPage.objects, locale).order_by("path")
        }
        self.fields["section"].choices = [("", _("All sections"))] + [
            (slug, section.title) for slug, section in self.sections.items()
        ]
        self.fields["lang"].choices = [("", _("This edition"))] + [
            *settings.LANGUAGES,
            (ALL_LANGUAGES, _("All languages")),
        ]

    def clean(self):
        cleaned = super().clean()
        date_from, date_to = cleaned.get("date_from"), cleaned.get("date_to")
        if date_from and date_to and date_from > date_to:
            raise forms.ValidationError(_("The start date must not be after the end date."))
        return cleaned

    def selected_locales(self) -> list[Locale]:
        language = self.cleaned_data.get("lang")
        if language == ALL_LANGUAGES:
            return list(Locale.objects.all())
        if language:
            return list(Locale.objects.filter(language_code=language))
        return [self.locale]

    def selected_section(self) -> SectionPage | None:
        return self.sections.get(self.cleaned_data.get("section") or "")

    @property
    def newest_first(self) -> bool:
        return self.cleaned_data.get("sort") == SORT_DATE

    @property
    def has_filters(self) -> bool:
        return any(self.cleaned_data.get(name) for name in ("section", "date_from", "date_to"))
