from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Page

from hoaban.articles import queries
from hoaban.core.models import BasePage


class TopicPage(BasePage):
    """A running story told as a dated timeline of the articles filed under it."""

    introduction = RichTextField(_("introduction"), features=["bold", "italic", "link"], blank=True)
    image = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )

    content_panels = [*Page.content_panels, FieldPanel("introduction"), FieldPanel("image")]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("topic")
        verbose_name_plural = _("topics")

    def timeline(self):
        """Articles of this topic in this edition, oldest first.

        Translated articles keep pointing at the source-language topic, so the match is on
        the topic's translation key rather than its primary key.
        """
        articles = (
            queries.live_articles(self.locale)
            .filter(topics__translation_key=self.translation_key)
            .order_by("date", "pk")
            .distinct()
        )
        return queries.attach_sections(articles, self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["timeline"] = self.timeline()
        return context
