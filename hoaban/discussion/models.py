from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting


class Comment(models.Model):
    """A reader's comment under an article. Never deleted by moderation: "removed" hides it."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        APPROVED = "approved", _("Approved")
        SPAM = "spam", _("Spam")
        REMOVED = "removed", _("Removed")

    article = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("article"),
        on_delete=models.CASCADE,
        related_name="reader_comments",
    )
    name = models.CharField(_("name"), max_length=80)
    email = models.EmailField(
        _("email"), blank=True, help_text=_("Given by the reader; never shown on the site.")
    )
    body = models.TextField(_("comment"))
    status = models.CharField(
        _("status"), max_length=10, choices=Status.choices, default=Status.PENDING, db_index=True
    )
    held_reason = models.CharField(
        _("held because"),
        max_length=200,
        blank=True,
        help_text=_("Why the spam checks held this comment, if they did."),
    )
    created_at = models.DateTimeField(_("posted at"), default=timezone.now, db_index=True)
    ip_hash = models.CharField(
        _("IP address (hashed)"),
        max_length=64,
        db_index=True,
        help_text=_("A salted hash: tells comments from the same address apart, nothing more."),
    )
    user_agent = models.CharField(_("browser"), max_length=300, blank=True)
    moderated_at = models.DateTimeField(_("moderated at"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    class Meta:
        verbose_name = _("comment")
        verbose_name_plural = _("comments")
        ordering = ["-created_at", "-pk"]
        indexes = [models.Index(fields=["article", "status", "created_at"])]

    def __str__(self):
        return Truncator(self.body).chars(60)

    @property
    def is_visible(self) -> bool:
        return self.status == self.Status.APPROVED


def _default(name):
    return getattr(settings, name)


def default_auto_approve() -> bool:
    return _default("HOABAN_COMMENTS_AUTO_APPROVE")


def default_close_after_days() -> int:
    return _default("HOABAN_COMMENTS_CLOSE_AFTER_DAYS")


def default_max_links() -> int:
    return _default("HOABAN_COMMENTS_MAX_LINKS")


def default_banned_words() -> str:
    return "\n".join(_default("HOABAN_COMMENTS_BANNED_WORDS"))


@register_setting(icon="comment")
class CommentSettings(BaseSiteSetting):
    """What editors decide per site; the Django settings only give the starting values."""

    auto_approve = models.BooleanField(
        _("publish comments without moderation"),
        default=default_auto_approve,
        help_text=_("Off: every comment waits for an editor. Spam checks apply either way."),
    )
    close_after_days = models.PositiveIntegerField(
        _("close comments after (days)"),
        default=default_close_after_days,
        help_text=_("Counted from the article's publication date. 0 keeps comments open."),
    )
    max_links = models.PositiveIntegerField(
        _("most links allowed"),
        default=default_max_links,
        help_text=_("A comment with more links than this is held as spam."),
    )
    banned_words = models.TextField(
        _("banned words"),
        blank=True,
        default=default_banned_words,
        help_text=_("One word or phrase per line; comments containing one are held as spam."),
    )

    panels = [
        MultiFieldPanel(
            [FieldPanel("auto_approve"), FieldPanel("close_after_days")],
            heading=_("Moderation"),
        ),
        MultiFieldPanel(
            [FieldPanel("max_links"), FieldPanel("banned_words")], heading=_("Spam checks")
        ),
    ]

    class Meta:
        verbose_name = _("comment settings")

    @property
    def banned_word_list(self) -> list[str]:
        return [line.strip() for line in self.banned_words.splitlines() if line.strip()]
