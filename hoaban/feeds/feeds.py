"""RSS 2.0 and Atom 1.0 feeds of an edition, a section, a tag, a topic and an author, per
language.

Built on Django's syndication framework. Each feed is a fixed number of queries whatever its
length: the listing comes from `hoaban.articles.queries`, tags and renditions are prefetched
and section labels attached in one query.

Item GUIDs are derived from the page's translation key and language, never from its URL, so an
edited title or a moved page does not make feed readers show the story again (RSS 2.0 `guid`
with isPermaLink="false", Atom `id` as a urn:uuid IRI, RFC 4122).
"""

import uuid
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.db.models import Prefetch
from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed, Enclosure, Rss201rev2Feed
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from taggit.models import Tag

from hoaban.articles import queries
from hoaban.core.models import NewsroomSettings, edition_tagline
from hoaban.core.public_url import absolute_url
from hoaban.core.visibility import visible
from hoaban.images.renditions import rendition_mime_type, share_rendition
from hoaban.tagging import labels as tag_labels

MEDIA_RSS_NAMESPACE = "http://search.yahoo.com/mrss/"


class MediaRssFeed(Rss201rev2Feed):
    """RSS 2.0 with a Media RSS `media:content` for the lead image, which most readers show
    as the story's picture (the `enclosure` alone is often treated as a download)."""

    def rss_attributes(self):
        return {**super().rss_attributes(), "xmlns:media": MEDIA_RSS_NAMESPACE}

    def add_item_elements(self, handler, item):
        super().add_item_elements(handler, item)
        image = item.get("media_image")
        if image:
            handler.addQuickElement(
                "media:content",
                attrs={
                    "url": image["url"],
                    "type": image["type"],
                    "medium": "image",
                    "width": str(image["width"]),
                    "height": str(image["height"]),
                },
            )


@dataclass
class FeedSource:
    """What one feed is about: its title and page, and the articles it lists."""

    title: str
    link: str
    description: str
    language: str
    locale_id: int
    publisher: str
    articles: object
    request: object = field(repr=False)

    def absolute(self, path: str) -> str:
        """Links on the site's public address, like Wagtail's own page URLs."""
        return absolute_url(path)


def article_guid(article, language_code: str) -> str:
    return uuid.uuid5(article.translation_key, language_code).urn


class ArticleFeed(Feed):
    feed_type = MediaRssFeed
    item_guid_is_permalink = False

    def edition(self, request):
        """The active language's locale and live home page, or 404."""
        from hoaban.home.models import HomePage

        # Not Locale.get_active(): it falls back to the default language, and /ru/ must not
        # serve the Vietnamese news as if it were Russian.
        home = (
            visible(HomePage.objects)
            .filter(locale__language_code=get_language())
            .select_related("locale")
            .first()
        )
        if home is None:
            raise Http404(_("This language has no edition."))
        return home.locale, home

    def source(self, request, *, title, page, description, articles, locale):
        publisher = NewsroomSettings.for_request(request).publisher_name
        return FeedSource(
            title=f"{title} – {publisher}" if title != publisher else publisher,
            link=page.get_full_url(request),
            description=description or publisher,
            language=locale.language_code,
            locale_id=locale.pk,
            publisher=publisher,
            articles=articles,
            request=request,
        )

    # Feed-level elements (RSS 2.0 channel, Atom feed)
    def title(self, obj):
        return obj.title

    def link(self, obj):
        return obj.link

    def description(self, obj):
        return obj.description

    def subtitle(self, obj):
        return obj.description

    def author_name(self, obj):
        # Atom requires an author for the feed when entries may lack one (RFC 4287 §4.1.1).
        return obj.publisher

    def feed_copyright(self, obj):
        return f"© {obj.publisher}"

    def feed_url(self, obj):
        return obj.absolute(obj.request.path)

    def get_feed(self, obj, request):
        feed = super().get_feed(obj, request)
        feed.feed["language"] = obj.language
        return feed

    def items(self, obj):
        # Tags come with their names in the feed's edition, in the same query.
        tags = Prefetch("tagged_items__tag", tag_labels.named(Tag.objects.all(), obj.locale_id))
        articles = list(
            queries.whole(obj.articles).prefetch_related(tags)[: settings.HOABAN_FEED_SIZE]
        )
        queries.attach_sections(articles)
        for article in articles:
            article.feed_url = article.get_full_url(obj.request)
            article.feed_guid = article_guid(article, obj.language)
            article.feed_tags = [
                tag_labels.from_named(tagged.tag).name for tagged in article.tagged_items.all()
            ]
            article.feed_image = share_rendition(article.lead_image)
            if article.feed_image is not None:
                article.feed_image_url = obj.absolute(article.feed_image.url)
        return articles

    # Item-level elements
    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return f"{item.dateline} - {item.lead}" if item.dateline else item.lead

    def item_link(self, item):
        return item.feed_url

    def item_guid(self, item):
        return item.feed_guid

    def item_pubdate(self, item):
        return item.date

    def item_updateddate(self, item):
        return max(item.date, item.last_published_at or item.date)

    def item_author_name(self, item):
        return item.byline_name or None

    def item_categories(self, item):
        section = getattr(item, "section", None)
        labels = [section.title] if section else []
        return labels + item.feed_tags

    def item_enclosures(self, item):
        rendition = item.feed_image
        if rendition is None:
            return []
        return [
            Enclosure(
                url=item.feed_image_url,
                length=str(rendition.file.size),
                mime_type=rendition_mime_type(rendition),
            )
        ]

    def item_extra_kwargs(self, item):
        rendition = item.feed_image
        if rendition is None:
            return {}
        return {
            "media_image": {
                "url": item.feed_image_url,
                "type": rendition_mime_type(rendition),
                "width": rendition.width,
                "height": rendition.height,
            }
        }


class AtomMixin:
    feed_type = Atom1Feed


class EditionFeed(ArticleFeed):
    """Everything the edition publishes, newest first."""

    def get_object(self, request):
        locale, home = self.edition(request)
        publisher = NewsroomSettings.for_request(request)
        return self.source(
            request,
            title=publisher.publisher_name,
            page=home,
            description=edition_tagline(publisher, home, locale.language_code),
            articles=queries.live_articles(locale),
            locale=locale,
        )


class SectionFeed(ArticleFeed):
    def get_object(self, request, slug):
        from hoaban.sections.models import SectionPage

        locale, home = self.edition(request)
        section = get_object_or_404(visible(SectionPage.objects.child_of(home)), slug=slug)
        return self.source(
            request,
            title=section.title,
            page=section,
            description=section.introduction,
            articles=section.articles(),
            locale=locale,
        )


class TagMoved(Exception):
    """The feed was asked for under another address of the tag than the edition's."""

    def __init__(self, url):
        super().__init__(url)
        self.url = url


class TagFeed(ArticleFeed):
    def __call__(self, request, *args, **kwargs):
        try:
            return super().__call__(request, *args, **kwargs)
        except TagMoved as moved:
            return HttpResponsePermanentRedirect(moved.url)

    def get_object(self, request, slug):
        locale, home = self.edition(request)
        label = tag_labels.resolve(slug, locale)
        if label is None:
            raise Http404
        articles = queries.tagged_articles(locale, label.tag)
        if label.slug != slug:
            raise TagMoved(reverse(request.resolver_match.view_name, args=[label.slug]))
        source = self.source(
            request,
            title=label.name,
            page=home,
            description=tag_labels.tag_description(label.name),
            articles=articles,
            locale=locale,
        )
        source.link = home.get_full_url(request) + home.reverse_subpage("tag", args=[label.slug])
        return source


class TopicFeed(ArticleFeed):
    def get_object(self, request, slug):
        from hoaban.topics.models import TopicPage

        locale, home = self.edition(request)
        topic = get_object_or_404(visible(TopicPage.objects.child_of(home)), slug=slug)
        articles = (
            queries.live_articles(locale)
            .filter(topics__translation_key=topic.translation_key)
            .distinct()
        )
        return self.source(
            request,
            title=topic.title,
            page=topic,
            description=topic.search_description,
            articles=articles,
            locale=locale,
        )


class AuthorFeed(ArticleFeed):
    def get_object(self, request, slug):
        from hoaban.people import authors

        locale, home = self.edition(request)
        person = authors.find(slug)
        if person is None:
            raise Http404
        source = self.source(
            request,
            title=person.name,
            page=home,
            description=_("Articles by %(name)s") % {"name": person.name},
            articles=queries.authored_articles(locale, person),
            locale=locale,
        )
        source.link = home.get_full_url(request) + home.reverse_subpage("author", args=[slug])
        return source


class EditionAtomFeed(AtomMixin, EditionFeed):
    pass


class SectionAtomFeed(AtomMixin, SectionFeed):
    pass


class TagAtomFeed(AtomMixin, TagFeed):
    pass


class TopicAtomFeed(AtomMixin, TopicFeed):
    pass


class AuthorAtomFeed(AtomMixin, AuthorFeed):
    pass


def feed_urls(kind: str, slug: str | None = None) -> dict[str, str]:
    """Paths of the RSS and Atom feeds of one kind, in the active language."""
    args = [slug] if slug else []
    return {
        "rss": reverse(f"feeds:{kind}-rss", args=args),
        "atom": reverse(f"feeds:{kind}-atom", args=args),
    }
