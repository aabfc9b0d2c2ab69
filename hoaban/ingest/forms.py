import re
from datetime import timedelta

from django import forms
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.widgets import AdminPageChooser

from hoaban.core.site_access import user_sites

from . import link_patterns

RULE_LABELS = {
    link_patterns.FOLDER: _("Article addresses are in one folder, e.g. %(folder)s"),
    link_patterns.NUMBERED: _("Article addresses end in a number, e.g. …-1203.html"),
    link_patterns.NUMBERED_IN_FOLDER: _(
        "Article addresses are in one folder and end in a number, e.g. %(folder)s…-1203.html"
    ),
}
DAY_MINUTES = 24 * 60


class SourceForm(WagtailAdminModelForm):
    """The source's link pattern picked from examples, and its interval in minutes; both are
    written into the model's own fields (link_pattern, fetch_interval). The site is one of
    the editor's own."""

    link_rule = forms.ChoiceField(
        label=_("Which links on the list page are articles"),
        widget=forms.RadioSelect,
        required=False,
    )
    link_folder = forms.CharField(
        label=pgettext_lazy("link pattern", "Folder"),
        max_length=200,
        required=False,
        help_text=_("The part of the address that article links share, e.g. /tin-tuc/"),
    )
    fetch_every_minutes = forms.IntegerField(
        label=_("Fetch every (minutes)"),
        min_value=5,
        max_value=7 * DAY_MINUTES,
        help_text=_("How often the scheduled run looks for new articles: 60 is once an hour."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        source = self.instance
        if self.for_user is not None and "site" in self.fields:
            self._limit_sites(user_sites(self.for_user))
        if "default_section" in self.fields:
            # The chooser offers the sections the editor may add pages to: their own site's.
            self.fields["default_section"].widget = AdminPageChooser(
                target_models=["sections.SectionPage"], user_perms="add_subpage"
            )
        rule, folder = link_patterns.FOLDER, link_patterns.suggested_folder(source.list_url)
        if source.link_pattern:
            rule, folder = link_patterns.recognise(source.link_pattern)
            folder = folder or link_patterns.suggested_folder(source.list_url)
        self.fields["link_rule"].initial = rule
        self.fields["link_folder"].initial = folder
        self.fields["link_rule"].choices = self._rule_choices(
            link_patterns.origin(source.list_url or source.home_url), folder
        )
        pattern = self.fields["link_pattern"]
        pattern.label = _("Regular expression")
        pattern.help_text = _(
            "Only for the advanced choice: links on the list page that this expression finds "
            "are articles, e.g. /tin-tuc/.+-\\d+\\.html$"
        )
        self.fields["fetch_every_minutes"].initial = round(
            source.fetch_interval.total_seconds() / 60
        )

    def _limit_sites(self, sites):
        """An editor files sources for their own sites only; working on one, they are not
        asked which."""
        if len(sites) == 1:
            del self.fields["site"]
            if not self.instance.pk:
                self.instance.site = sites[0]
        else:
            self.fields["site"].queryset = sites

    def _rule_choices(self, origin: str, folder: str) -> list:
        """Each rule with the sample links it takes (✓) and leaves out (✗), as plain text."""
        samples = link_patterns.sample_links(origin="", folder=folder)
        choices = []
        for rule, label in RULE_LABELS.items():
            matcher = re.compile(link_patterns.build(rule=rule, folder=folder))
            verdicts = "; ".join(
                f"{'✓' if matcher.search(origin + path) else '✗'} {path}" for path in samples
            )
            choices.append((rule, f"{label % {'folder': folder}} ({verdicts})"))
        choices.append((link_patterns.ADVANCED, _("Advanced: a regular expression")))
        return choices

    def clean(self):
        cleaned = super().clean()
        self._clean_link_pattern(cleaned)
        minutes = cleaned.get("fetch_every_minutes")
        if minutes:
            self.instance.fetch_interval = timedelta(minutes=minutes)
        language = cleaned.get("language")
        editions = cleaned.get("translate_into") or []
        if any(locale.language_code == language for locale in editions):
            self.add_error(
                "translate_into",
                _("Imported drafts are already in the source's language; tick other editions."),
            )
        return cleaned

    def _clean_link_pattern(self, cleaned):
        if not cleaned.get("list_url"):
            cleaned["link_pattern"] = ""  # only a list page needs one
            return
        rule = cleaned.get("link_rule") or link_patterns.FOLDER
        if rule == link_patterns.ADVANCED:
            return
        folder = link_patterns.normalise_folder(cleaned.get("link_folder", ""))
        if rule != link_patterns.NUMBERED and not folder:
            self.add_error("link_folder", _("Give the folder that article addresses share."))
            return
        cleaned["link_folder"] = folder
        cleaned["link_pattern"] = link_patterns.build(rule=rule, folder=folder)
