from django.db import models
from django.db.models import F, Window
from django.db.models.functions import Left, RowNumber
from django.shortcuts import get_object_or_404
from django.utils.translation import gettext_lazy as _
from taggit.models import Tag
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from hoaban.articles import queries
from hoaban.core.models import BasePage
from hoaban.sections.models import SectionPage, paginate
from hoaban.translation.editions import readable

SECTION_BLOCK_SIZE = 4


class HomePage(RoutablePageMixin, BasePage):
    """The front page of one edition (one per language), and the root of its sections."""

    lead_story = models.ForeignKey(
        "articles.ArticlePage",
        verbose_name=_("lead story"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Leave empty to lead with the newest article that has a photo."),
    )

    content_panels = [*Page.content_panels, FieldPanel("lead_story")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage", "topics.TopicPage"]

    class Meta:
        verbose_name = _("home page")

    def _lead(self, recent):
        if self.lead_story_id:
            lead = self.lead_story.localized
            if lead.live:
                return queries.attach_sections([lead.specific], self.locale)[0]
        return next((a for a in recent if a.lead_image_id), recent[0] if recent else None)

    def section_blocks(self):
        """The newest stories of each section in the menu, for the blocks under the fold.

        One windowed query ranks articles within their section, so the cost does not grow
        with the number of sections or of articles.
        """
        sections = list(
            readable(SectionPage.objects.child_of(self).live().in_menu().filter(listing="own"))
        )
        by_path = {section.path: section for section in sections}
        section_path = Left("path", len(self.path) + self.steplen)
        ranked = (
            queries.live_articles(self.locale)
            .descendant_of(self)
            .annotate(
                section_path=section_path,
                rank=Window(
                    RowNumber(),
                    partition_by=section_path,
                    order_by=[F("date").desc(), F("pk").desc()],
                ),
            )
            .filter(rank__lte=SECTION_BLOCK_SIZE)
        )
        grouped = {path: [] for path in by_path}
        for article in ranked:
            if article.section_path in grouped:
                article.section = by_path[article.section_path]
                grouped[article.section_path].append(article)
        return [(by_path[path], items) for path, items in grouped.items() if items]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        recent = queries.recent_news(self.locale, count=12)
        lead = self._lead(recent)
        context["lead"] = lead
        context["recent_news"] = [a for a in recent if lead is None or a.pk != lead.pk]
        context["section_blocks"] = self.section_blocks()
        return context

    @path("tags/<slug:tag>/", name="tag")
    def tag_page(self, request, tag):
        tag = get_object_or_404(Tag, slug=tag)
        articles = queries.live_articles(self.locale).filter(tagged_items__tag=tag).distinct()
        page = paginate(request, articles)
        page.object_list = queries.attach_sections(page.object_list, self.locale)
        return self.render(
            request,
            context_overrides={"tag": tag, "articles": page},
            template="home/tag_page.html",
        )
