from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from hoaban.core.blocks import ArticleBodyBlock
from hoaban.core.models import BasePage, default_dateline
from hoaban.images.texts import PhotoTexts
from hoaban.search.index import FoldedAutocompleteField, FoldedSearchField
from hoaban.tagging import labels as tag_labels
from hoaban.translation.editions import original_of

from . import queries


class ArticlePageTag(TaggedItemBase):
    content_object = ParentalKey(
        "articles.ArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class ArticlePage(BasePage):
    """A news story: dateline and lead, a body of text, photos and video, a byline."""

    date = models.DateTimeField(
        _("publication date"),
        default=timezone.now,
        db_index=True,
        help_text=_("Shown to readers and used to order news; for imported items, the source's."),
    )
    dateline = models.CharField(
        _("dateline"),
        max_length=40,
        blank=True,
        default=default_dateline,
        help_text=_("Opens the lead, e.g. “ĐBP”. Leave empty for no dateline."),
    )
    lead = models.TextField(
        _("lead"),
        max_length=1000,
        help_text=_("One or two sentences that sum up the story; shown as the teaser in lists."),
    )
    lead_image = models.ForeignKey(
        "images.NewsImage",
        verbose_name=_("lead image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    lead_image_caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Leave empty to use the caption stored with the image."),
    )
    video_url = models.URLField(
        _("video"),
        blank=True,
        help_text=_("A YouTube or Vimeo address makes this a video article, listed on Videos."),
    )
    video_file = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("video file"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "A WebM or MP4 file uploaded as a document: played on the site itself, with the "
            "lead photo as its poster. It makes this a video article, listed on Videos."
        ),
    )
    body = StreamField(ArticleBodyBlock(), verbose_name=_("body"), blank=True)
    author = models.ForeignKey(
        "people.Person",
        verbose_name=_("author"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="articles",
        help_text=_("The reporter named in the byline."),
    )
    byline = models.CharField(
        _("byline"),
        max_length=200,
        blank=True,
        help_text=_("Printed at the end of the article. Leave empty to use the author's name."),
    )
    tags = ClusterTaggableManager(through=ArticlePageTag, blank=True, verbose_name=_("tags"))
    topics = ParentalManyToManyField(
        "topics.TopicPage", blank=True, related_name="+", verbose_name=_("topics")
    )
    source_name = models.CharField(
        _("source name"),
        max_length=200,
        blank=True,
        help_text=_("For republished articles: the outlet that first published it."),
    )
    source_url = models.URLField(
        _("source URL"),
        max_length=1000,
        blank=True,
        help_text=_("For republished articles: the link to the original, shown as “Source:”."),
    )
    source_via_name = models.CharField(
        _("republished via"),
        max_length=200,
        blank=True,
        help_text=_("The outlet the story was taken from, when it was not the original."),
    )
    source_via_url = models.URLField(
        _("republished via URL"),
        max_length=1000,
        blank=True,
        help_text=_("The page the story was taken from, shown as “via …” under the source."),
    )

    comments_open = models.BooleanField(
        _("comments open"),
        default=True,
        help_text=_(
            "Readers may comment. Comments also close by themselves after the number of days "
            "set in Settings > Comment settings."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldRowPanel([FieldPanel("dateline"), FieldPanel("date")]),
        FieldPanel("lead"),
        FieldPanel("lead_image"),
        FieldPanel("lead_image_caption"),
        FieldPanel("body"),
        FieldPanel("video_url"),
        FieldPanel("video_file"),
        MultiFieldPanel([FieldPanel("author"), FieldPanel("byline")], heading=_("Byline")),
        MultiFieldPanel([FieldPanel("tags"), FieldPanel("topics")], heading=_("Filing")),
        MultiFieldPanel(
            [
                FieldPanel("source_name"),
                FieldPanel("source_url"),
                FieldPanel("source_via_name"),
                FieldPanel("source_via_url"),
            ],
            heading=_("Republished from"),
        ),
        FieldPanel("comments_open"),
    ]

    # Also indexed folded (no accents, đ = d) so readers find stories however they type them,
    # and in English and Russian stemmed ("festivals" finds "festival"); Page's own title
    # fields stay for the admin's search. See docs/search.md.
    search_fields = [
        *Page.search_fields,
        FoldedSearchField("title", boost=2),
        FoldedAutocompleteField("title"),
        FoldedSearchField("lead"),
        FoldedSearchField("body"),
        index.FilterField("date"),
    ]

    @classmethod
    def get_indexed_objects(cls):
        # The folded fields are stemmed by the article's language: one join, not a query each.
        return super().get_indexed_objects().select_related("locale")

    parent_page_types = ["sections.SectionPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("article")
        verbose_name_plural = _("articles")

    @property
    def is_syndicated(self) -> bool:
        return bool(self.source_url)

    @property
    def is_video(self) -> bool:
        return bool(self.video_url or self.video_file_id)

    @property
    def byline_name(self) -> str:
        if self.byline:
            return self.byline
        return self.author.name if self.author_id else ""

    def photos(self) -> list:
        """The photos the article shows: its lead photo, then those of its body, each once."""
        found = [self.lead_image] if self.lead_image_id else []
        found += [block.value["image"] for block in self.body if block.block_type == "image"]
        return list({image.pk: image for image in found if image is not None}.values())

    def clean(self):
        super().clean()
        if self.source_name and not self.source_url:
            raise ValidationError(
                {"source_url": _("Give the link to the original so readers can check it.")}
            )

    def _tag_labels(self) -> list:
        return tag_labels.labels(self.tags.all(), self.locale)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # The tags named in this edition (a preview shows the draft's own): their ids also
        # pick the related stories.
        tags = self._tag_labels()
        recent, related = queries.around_article(self, [tag.pk for tag in tags])
        # Labelled from the edition's sections; an alias section (a translation's copied
        # parent) is not among them.
        queries.attach_sections([self], self.locale)
        context["section"] = self.section or self.get_parent().specific_deferred
        # The page it was translated from, for the notice and the JSON-LD (none to look for in
        # an original: routing loaded its translation record).
        context["original"] = original_of(self)
        context.update(recent_news=recent, related=related, article_tags=tags)
        # The words of every photo shown, in this edition.
        context["photo_texts"] = PhotoTexts(self.photos(), self.locale.language_code)
        return context
