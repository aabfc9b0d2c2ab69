from django.db import models
from django.http import Http404, HttpResponsePermanentRedirect
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.models import Page

from hoaban.articles import queries
from hoaban.core import visibility
from hoaban.core.models import BasePage
from hoaban.core.per_request import once_per_request
from hoaban.people import authors
from hoaban.sections.models import SectionPage, paginate
from hoaban.tagging import labels as tag_labels
from hoaban.translation.editions import active_locale, live_homes

SECTION_BLOCK_SIZE = 4
# The newest stories the front page reads: the lead story and the "recent news" rail.
RECENT_COUNT = 12


class RoutesToSections:
    """Finds the section a path starts with among the edition's sections (read once per
    request, and needed by the page anyway for its menu and labels), where
    Wagtail's route reads the child page and then its section row on every request under it.
    Placed after RoutablePageMixin, so the home's own paths (tag pages) still come first."""

    def route(self, request, path_components):
        if path_components:
            for section in queries.edition_sections(self.locale_id).values():
                if section.slug == path_components[0] and section.is_child_of(self):
                    return section.route(request, path_components[1:])
        return super().route(request, path_components)


class HomePage(RoutablePageMixin, RoutesToSections, BasePage):
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

    class Layout(models.TextChoices):
        NEWSPAPER = "newspaper", _("Newspaper: a lead story, then the sections that have news")
        PORTAL = "portal", _("Portal: a lead story, then every section, empty ones saying so")

    layout = models.CharField(
        _("layout"), max_length=20, choices=Layout.choices, default=Layout.NEWSPAPER
    )

    content_panels = [*Page.content_panels, FieldPanel("lead_story"), FieldPanel("layout")]

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["sections.SectionPage", "topics.TopicPage"]

    class Meta:
        verbose_name = _("home page")

    @property
    def localized_draft(self):
        # A site's root page is localized on every request Wagtail routes: the edition's home
        # comes from the live homes read once per request (a draft one, rarely asked for, is
        # looked up as Wagtail does).
        locale = active_locale()
        if locale is None or locale.pk == self.locale_id:
            return self
        for home in live_homes():
            if home.translation_key == self.translation_key and home.locale_id == locale.pk:
                return home
        return once_per_request(
            ("localized-home", self.pk, get_language()),
            lambda: super(HomePage, self).localized_draft,
        )

    def _lead(self, recent):
        if self.lead_story_id:
            lead = self.lead_story.localized
            # Wagtail falls back to the story itself when it has no translation here.
            if visibility.may_see(lead, self.locale_id):
                return queries.attach_sections([lead.specific], self.locale)[0]
        return next((a for a in recent if a.lead_image_id), recent[0] if recent else None)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        # Tag and author pages are rendered through the home too, and show none of its lists.
        match = getattr(request, "routable_resolver_match", None)
        if match is not None and match.url_name != "index_route":
            return context
        # A block under the fold for each section in the menu that lists its own stories; on a
        # portal for every section, the video listing too, empty ones saying so.
        sections = queries.menu_sections(self)
        own = [s for s in sections if s.listing == SectionPage.Listing.OWN]
        recent, by_section = queries.front_page(
            self.locale, own, recent=RECENT_COUNT, per_section=SECTION_BLOCK_SIZE
        )
        lead = self._lead(recent)
        context["lead"] = lead
        context["recent_news"] = [a for a in recent if lead is None or a.pk != lead.pk]
        if self.layout == self.Layout.PORTAL:
            for section in sections:
                if section.is_video_listing:
                    videos = section.articles()[:SECTION_BLOCK_SIZE]
                    by_section[section.path] = queries.attach_sections(videos, self.locale)
            context["section_blocks"] = [(s, by_section[s.path]) for s in sections]
        else:
            blocks = [(section, by_section[section.path]) for section in own]
            context["section_blocks"] = [(section, items) for section, items in blocks if items]
        return context

    def tag_url(self, request, slug: str) -> str:
        return (self.get_url(request=request) or "") + self.reverse_subpage("tag", args=[slug])

    def author_url(self, request, slug: str) -> str:
        return (self.get_url(request=request) or "") + self.reverse_subpage("author", args=[slug])

    @path("authors/<slug:slug>/", name="author")
    def author_page(self, request, slug):
        person = authors.find(slug)
        if person is None:
            raise Http404
        page = paginate(request, queries.authored_articles(self.locale, person))
        page.object_list = queries.attach_sections(page.object_list, self.locale)
        # The address is the same in every edition: the language switcher keeps it.
        return self.render(
            request,
            context_overrides={"person": person, "articles": page},
            template="home/author_page.html",
        )

    @path("tags/<slug:tag>/", name="tag")
    def tag_page(self, request, tag):
        label = tag_labels.resolve(tag, self.locale)
        if label is None:
            raise Http404
        articles = queries.tagged_articles(self.locale, label.tag)
        if label.slug != tag:
            # The main edition's or another edition's address of the tag: one address per
            # edition, so links and caches agree.
            query = request.META.get("QUERY_STRING", "")
            url = self.tag_url(request, label.slug)
            return HttpResponsePermanentRedirect(f"{url}?{query}" if query else url)
        page = paginate(request, articles)
        page.object_list = queries.attach_sections(page.object_list, self.locale)
        suffixes = {
            code: self.reverse_subpage("tag", args=[slug])
            for code, slug in tag_labels.slugs_by_language(label.tag).items()
        }
        return self.render(
            request,
            context_overrides={"tag": label, "articles": page, "edition_suffixes": suffixes},
            template="home/tag_page.html",
        )
