"""How often each story was read, per hour: no reader, address or browser is stored."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class HourlyReads(models.Model):
    """Counted reads of one article in one clock hour (UTC). The rails add up 24 or 168 rows
    per story; rows older than the longest window are deleted by the flush."""

    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="hourly_reads",
    )
    hour = models.DateTimeField(_("hour"))
    views = models.PositiveIntegerField(_("reads"), default=0)

    class Meta:
        verbose_name = _("hourly reads")
        verbose_name_plural = _("hourly reads")
        constraints = [
            models.UniqueConstraint(fields=["article", "hour"], name="readership_one_row_per_hour")
        ]
        indexes = [models.Index(fields=["hour"], name="readership_hour")]

    def __str__(self):
        return f"{self.article_id} @ {self.hour:%Y-%m-%d %H}:00 = {self.views}"
