from django.apps import apps
from django.conf import settings
from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db import models
from django.db.models import Q
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.models import Page

from hoaban.articles import queries
from hoaban.core.models import BasePage


def paginate(request, queryset, per_page=None, paginator_class=Paginator, *, clamp=False):
    """The requested page; past the last one, 404 (it is not the last page under another
    address), or with `clamp` the last page."""
    paginator = paginator_class(queryset, per_page or settings.HOABAN_PAGE_SIZE)
    try:
        return paginator.page(request.GET.get("page", 1))
    except PageNotAnInteger:
        return paginator.page(1)
    except EmptyPage:
        if clamp:
            return paginator.page(paginator.num_pages)
        raise Http404 from None


class SectionPage(BasePage):
    """A desk of the newspaper (News - Politics, Business, …) holding its articles."""

    class Listing(models.TextChoices):
        OWN = "own", _("Articles filed in this section")
        VIDEOS = "videos", _("Every video article of this edition")

    label = models.CharField(
        _("label"),
        max_length=60,
        blank=True,
        help_text=_("Short name shown in capitals above headlines; defaults to the title."),
    )
    introduction = models.TextField(_("introduction"), blank=True)
    listing = models.CharField(
        _("lists"), max_length=10, choices=Listing.choices, default=Listing.OWN
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("label"),
        FieldPanel("introduction"),
        FieldPanel("listing"),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["articles.ArticlePage"]

    class Meta:
        verbose_name = _("section")
        verbose_name_plural = _("sections")

    @property
    def display_label(self) -> str:
        return (self.label or self.title).upper()

    @property
    def is_video_listing(self) -> bool:
        return self.listing == self.Listing.VIDEOS

    def route(self, request, path_components):
        # A section holds articles: load the addressed one whole, with the photo, the author
        # and the translation notice its page shows, in one query (Wagtail's route reads the
        # page, then its article row, and the page then reads each of these).
        if not path_components:
            return super().route(request, path_components)
        found = self._article_at(path_components[0])
        if found is None:
            return super().route(request, path_components)  # another page type, or a 404
        found._cached_parent_obj = self
        return found.route(request, path_components[1:])

    def _article_at(self, slug):
        return (
            apps.get_model("articles", "ArticlePage")
            .objects.child_of(self)
            .select_related("lead_image", "author", "translation_record__source_locale")
            .filter(slug=slug)
            .first()
        )

    def articles(self):
        articles = queries.live_articles(self.locale)
        if self.is_video_listing:
            # A video player on each card: the file's name comes with the article.
            return (
                articles.filter(Q(video_file__isnull=False) | ~Q(video_url=""))
                .select_related("video_file")
                .only(*queries.CARD_FIELDS, "video_file__file")
            )
        return articles.child_of(self)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        page = paginate(request, self.articles())
        page.object_list = queries.attach_sections(page.object_list, self.locale)
        context["articles"] = page
        return context
