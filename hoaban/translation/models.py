from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# The demo engine's name (backends/demo.py), as recorded on what it translated.
DEMO_ENGINE = "Demo engine"


class TranslationRecord(models.Model):
    """How the published text of one translated page was made, for the notice readers see.

    wagtail-localize keeps the per-segment truth (manual or machine, which tool); this record
    sums it up per page when the translation is published, and keeps what the segments cannot:
    who reviewed a machine translation, and when.
    """

    class Method(models.TextChoices):
        HUMAN = "human", _("Human translation")
        MACHINE = "machine", _("Machine translation")

    page = models.OneToOneField(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        primary_key=True,
        related_name="translation_record",
        verbose_name=_("page"),
    )
    source_locale = models.ForeignKey(
        "wagtailcore.Locale",
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("translated from"),
    )
    method = models.CharField(_("method"), max_length=10, choices=Method.choices)
    machine_tool = models.CharField(
        _("machine translator"),
        max_length=100,
        blank=True,
        help_text=_("The engine, and the language it went through when there was no direct pair."),
    )
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("reviewed by"),
    )
    reviewed_at = models.DateTimeField(_("reviewed at"), null=True, blank=True)
    # A translation another site of the install made and this page took over (a republished
    # story's edition, hoaban.republishing): readers are told whose it is.
    reused_from = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("translation reused from"),
    )
    reused_from_publisher = models.CharField(
        _("translation by"),
        max_length=200,
        blank=True,
        help_text=_("The publisher whose translation this page shows."),
    )
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        verbose_name = _("translation record")
        verbose_name_plural = _("translation records")

    def __str__(self):
        return f"{self.page_id}: {self.get_method_display()} from {self.source_locale_id}"

    @property
    def is_machine(self) -> bool:
        return self.method == self.Method.MACHINE

    @property
    def is_demo(self) -> bool:
        return self.is_machine and self.machine_tool == DEMO_ENGINE

    @property
    def is_reviewed(self) -> bool:
        return self.reviewed_at is not None
