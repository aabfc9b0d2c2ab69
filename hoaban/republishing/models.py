from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel

from hoaban.core.sites import site_of


class Republication(models.Model):
    """A story of one site republished on another of the same install: the copy (an article of
    the platform) and its original (an article of the newspaper).

    The copy follows the original's corrections while it holds the revision the service last
    wrote (`synced_revision`); a revision of anyone else's on the copy means a platform editor
    took it over, and it is left alone from then on (`edited_at`).
    """

    class Withdrawal(models.TextChoices):
        UNPUBLISHED = "unpublished", _("Original unpublished")
        DELETED = "deleted", _("Original deleted")

    copy = models.OneToOneField(
        "articles.ArticlePage",
        on_delete=models.CASCADE,
        related_name="republication",
        verbose_name=_("copy"),
    )
    # Kept when the original is deleted: the copy's withdrawal is still to be told.
    original = models.ForeignKey(
        "articles.ArticlePage",
        null=True,
        on_delete=models.SET_NULL,
        related_name="republications",
        verbose_name=_("original"),
    )
    original_title = models.CharField(_("original title"), max_length=255)
    original_url = models.URLField(_("original address"), max_length=1000)
    site = models.ForeignKey(
        "wagtailcore.Site",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("republished on"),
    )
    subscription = models.ForeignKey(
        "republishing.Subscription",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="republications",
        verbose_name=_("subscription"),
        help_text=_("Empty when an editor republished it by hand."),
    )
    created_at = models.DateTimeField(_("republished at"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("republished by"),
    )
    # The copy's revision written by the service, and the original's live revision it holds.
    synced_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    original_revision = models.ForeignKey(
        "wagtailcore.Revision", null=True, on_delete=models.SET_NULL, related_name="+"
    )
    synced_at = models.DateTimeField(_("last updated from the original"), null=True)
    edited_at = models.DateTimeField(
        _("edited on the platform"),
        null=True,
        blank=True,
        help_text=_("Set once an editor revises the copy: it no longer follows corrections."),
    )
    withdrawn_at = models.DateTimeField(_("withdrawn at"), null=True, blank=True)
    withdrawal = models.CharField(
        _("withdrawn because"), max_length=20, choices=Withdrawal.choices, blank=True
    )

    class Meta:
        verbose_name = _("republished article")
        verbose_name_plural = _("republished articles")
        ordering = ["-created_at"]
        constraints = [
            models.UniqueConstraint(fields=["original", "site"], name="republishing_once_per_site"),
        ]

    def __str__(self):
        return self.original_title

    @property
    def is_edited(self) -> bool:
        """A platform editor revised the copy: by a mark left earlier, or a revision the
        service did not write."""
        return self.edited_at is not None or (
            self.copy.latest_revision_id is not None
            and self.copy.latest_revision_id != self.synced_revision_id
        )

    def status(self) -> str:
        if self.withdrawn_at is not None:
            return self.get_withdrawal_display()
        if self.is_edited:
            return str(_("Edited on the platform"))
        return str(_("Follows corrections"))

    status.short_description = _("status")


class Subscription(models.Model):
    """A platform section that takes every new story of a newspaper section, or every new story
    with a tag, as it is first published there."""

    section = models.ForeignKey(
        "sections.SectionPage",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("republish into"),
        help_text=_("The section of this site where the stories are republished."),
    )
    source_section = models.ForeignKey(
        "sections.SectionPage",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("stories of the section"),
        help_text=_("A section of another site of this install."),
    )
    source_tag = models.ForeignKey(
        "taggit.Tag",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("stories with the tag"),
        help_text=_("Stories of other sites that carry this tag."),
    )
    active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    panels = [
        FieldPanel("section"),
        FieldPanel("source_section"),
        FieldPanel("source_tag"),
        FieldPanel("active"),
    ]

    class Meta:
        verbose_name = _("republishing subscription")
        verbose_name_plural = _("republishing subscriptions")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(source_section__isnull=True) ^ models.Q(source_tag__isnull=True),
                name="republishing_subscription_one_source",
            ),
        ]

    def __str__(self):
        source = self.source_section or self.source_tag
        return f"{source} → {self.section}"

    def clean(self):
        super().clean()
        if (self.source_section_id is None) == (self.source_tag_id is None):
            raise ValidationError(
                _("Choose either a section or a tag to take stories from, not both.")
            )
        if (
            self.source_section_id
            and self.section_id
            and site_of(self.source_section) == site_of(self.section)
        ):
            raise ValidationError(
                {
                    "source_section": _(
                        "This section is on the same site: choose a section of another site."
                    )
                }
            )
