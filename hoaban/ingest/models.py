"""Sources of syndicated news, the items taken from them and one record per fetch run.

An ImportedItem exists only for an item that went all the way: imported as a draft article or
recognised as a duplicate of one. A failure leaves no item behind (the next run tries again)
and is recorded on the source and in the run instead.
"""

import re
import zlib
from datetime import timedelta

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.models import Site
from wagtail.search import index

from hoaban.core.site_access import page_in_site

from .dates import DateBasis
from .forms import SourceForm


def default_site_id() -> int | None:
    """A source is the default site's unless it says otherwise."""
    return Site.objects.filter(is_default_site=True).values_list("pk", flat=True).first()


class Source(index.Indexed, models.Model):
    """A portal whose articles are republished, with how and how often to fetch them, for one
    site: its drafts go into that site's sections, and that site's editors manage it."""

    class Result(models.TextChoices):
        NEVER = "", _("Never fetched")
        OK = "ok", _("OK")
        NOT_MODIFIED = "not_modified", _("Not modified")
        PARTIAL = "partial", _("Some items failed")
        UNTRANSLATED = "untranslated", _("Imported; some translations failed")
        FAILED = "failed", _("Failed")

    name = models.CharField(_("name"), max_length=200, unique=True)
    # PROTECT: deleting a site must not take its sources' import history with it.
    site = models.ForeignKey(
        "wagtailcore.Site",
        verbose_name=_("site"),
        on_delete=models.PROTECT,
        related_name="+",
        default=default_site_id,
        help_text=_("The site whose sections receive the imported drafts."),
    )
    home_url = models.URLField(_("home URL"), max_length=500)
    feed_url = models.URLField(
        _("feed URL"),
        max_length=500,
        blank=True,
        help_text=_("An RSS 2.0, RSS 1.0 or Atom feed of the portal's news."),
    )
    list_url = models.URLField(
        _("list page URL"),
        max_length=500,
        blank=True,
        help_text=_("For portals without a feed: a page that links to the latest articles."),
    )
    link_pattern = models.CharField(
        _("link pattern"),
        max_length=300,
        blank=True,
        help_text=_(
            "A regular expression that article links on the list page match, "
            "e.g. /tin-tuc/.+-\\d+\\.html$"
        ),
    )
    language = models.CharField(
        _("language"), max_length=10, choices=settings.LANGUAGES, default="vi"
    )
    default_section = models.ForeignKey(
        "sections.SectionPage",
        verbose_name=_("default section"),
        on_delete=models.PROTECT,
        related_name="+",
        help_text=_("Imported drafts are filed here; it must be in the source's language."),
    )
    attribution = models.TextField(
        _("licence and attribution"),
        blank=True,
        help_text=_("The terms the portal republishes under and how it asks to be credited."),
    )
    fetch_interval = models.DurationField(
        _("fetch interval"),
        default=timedelta(hours=1),
        help_text=_("How often the scheduled run fetches this source, e.g. 01:00:00."),
    )
    active = models.BooleanField(_("active"), default=True)
    translate_into = models.ManyToManyField(
        "wagtailcore.Locale",
        verbose_name=_("machine-translate into"),
        blank=True,
        related_name="+",
        help_text=_(
            "Each new article also gets a machine-translated draft in these editions, for an "
            "editor to review and publish. Leave empty for none."
        ),
    )
    last_fetched_at = models.DateTimeField(_("last fetched"), null=True, blank=True)
    last_result = models.CharField(
        _("last result"), max_length=20, choices=Result.choices, blank=True, editable=False
    )
    last_error = models.TextField(_("last error"), blank=True, editable=False)
    # Validators of the last feed/list response, sent back for a conditional GET.
    etag = models.CharField(max_length=300, blank=True, editable=False)
    last_modified = models.CharField(max_length=100, blank=True, editable=False)

    panels = [
        FieldPanel("name"),
        FieldPanel("site"),
        FieldPanel("home_url"),
        MultiFieldPanel(
            [
                FieldPanel("feed_url"),
                FieldPanel("list_url"),
                FieldPanel("link_rule"),
                FieldPanel("link_folder"),
                FieldPanel("link_pattern"),
            ],
            heading=_("Where to find articles"),
        ),
        FieldRowPanel([FieldPanel("language"), FieldPanel("default_section")]),
        FieldPanel("attribution"),
        FieldRowPanel([FieldPanel("fetch_every_minutes"), FieldPanel("active")]),
        FieldPanel("translate_into", widget=forms.CheckboxSelectMultiple),
    ]
    base_form_class = SourceForm
    search_fields = [index.SearchField("name"), index.AutocompleteField("name")]

    class Meta:
        ordering = ["name"]
        verbose_name = _("source")
        verbose_name_plural = _("sources")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        errors = {}
        if not self.feed_url and not self.list_url:
            errors["feed_url"] = _("Give a feed URL, or a list page URL with a link pattern.")
        if self.list_url and not self.link_pattern:
            errors["link_pattern"] = _("A list page needs a pattern to tell article links apart.")
        if self.link_pattern:
            try:
                re.compile(self.link_pattern)
            except re.error as error:
                errors["link_pattern"] = _("Not a valid regular expression: %(error)s") % {
                    "error": error
                }
        section = self.default_section if self.default_section_id else None
        if section is not None and section.locale.language_code != self.language:
            errors["default_section"] = _(
                "This section belongs to the %(section)s edition; pick one in %(source)s."
            ) % {"section": section.locale.get_display_name(), "source": self.language}
        elif section is not None and self.site_id and not page_in_site(section, self.site):
            errors["default_section"] = _(
                "This section is not on %(site)s; pick one of that site's sections."
            ) % {"site": self.site.site_name or self.site.hostname}
        if errors:
            raise ValidationError(errors)

    def is_due(self, now=None) -> bool:
        now = now or timezone.now()
        return self.last_fetched_at is None or self.last_fetched_at + self.fetch_interval <= now


class ImportedItem(models.Model):
    """One article taken from a source: imported as a draft, or linked to the one it repeats."""

    class Status(models.TextChoices):
        IMPORTED = "imported", _("Imported")
        DUPLICATE = "duplicate", _("Duplicate")

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="items"
    )
    url = models.URLField(_("URL"), max_length=1000)
    canonical_url = models.URLField(_("canonical URL"), max_length=1000, db_index=True)
    status = models.CharField(_("status"), max_length=20, choices=Status.choices)
    title = models.CharField(_("title"), max_length=500)
    author = models.CharField(_("author"), max_length=200, blank=True)
    published_at = models.DateTimeField(_("published"), null=True, blank=True)
    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="duplicates",
    )
    similarity = models.FloatField(_("similarity"), null=True, blank=True)
    date_basis = models.CharField(
        _("date read from"), max_length=10, choices=DateBasis.choices, blank=True
    )
    # Why the text may have been cut short (ends mid-sentence, HTML cut off, much shorter
    # than the page's visible text); empty when it looked whole.
    incomplete = models.TextField(_("may be incomplete"), blank=True)
    # One line per edition whose machine-translated draft could not be made, with the reason.
    translation_error = models.TextField(_("translation error"), blank=True)
    # MinHash signature of the text, so the near-duplicate index is rebuilt without re-reading.
    signature = models.BinaryField(editable=False)
    # Length, sentence hashes and numbers of the text (dedup.facts), for short stories; its
    # language and fingerprint, for translations in other editions.
    facts = models.JSONField(default=dict, editable=False)
    # The page as fetched (decoded, then zlib-compressed UTF-8), kept for re-extraction.
    raw_html = models.BinaryField(editable=False)
    fetched_at = models.DateTimeField(_("fetched"), default=timezone.now, db_index=True)

    class Meta:
        ordering = ["-fetched_at"]
        verbose_name = _("imported item")
        verbose_name_plural = _("imported items")
        constraints = [
            models.UniqueConstraint(fields=["source", "url"], name="ingest_item_unique_url"),
            # One original per canonical URL, whichever source brought it first.
            models.UniqueConstraint(
                fields=["canonical_url"],
                condition=models.Q(status="imported"),
                name="ingest_item_one_original_per_canonical_url",
            ),
        ]

    def __str__(self):
        return self.title

    @staticmethod
    def compress(html: str) -> bytes:
        return zlib.compress(html.encode("utf-8"), 6)

    @property
    def html(self) -> str:
        return zlib.decompress(bytes(self.raw_html)).decode("utf-8")


class FetchRun(models.Model):
    """What one run did with one source: the admin report adds these up."""

    source = models.ForeignKey(
        Source, verbose_name=_("source"), on_delete=models.CASCADE, related_name="runs"
    )
    started_at = models.DateTimeField(_("started"), default=timezone.now, db_index=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    fetched = models.PositiveIntegerField(_("fetched"), default=0)
    imported = models.PositiveIntegerField(_("imported"), default=0)
    duplicates = models.PositiveIntegerField(_("duplicates"), default=0)
    failed = models.PositiveIntegerField(_("failed"), default=0)
    skipped = models.PositiveIntegerField(_("skipped"), default=0)
    error = models.TextField(_("error"), blank=True)
    # [{"url": ..., "reason": ...}] for each item that failed.
    failures = models.JSONField(_("failures"), default=list, blank=True)

    class Meta:
        ordering = ["-started_at"]
        verbose_name = _("fetch run")
        verbose_name_plural = _("fetch runs")

    def __str__(self):
        return f"{self.source} {self.started_at:%Y-%m-%d %H:%M}"
