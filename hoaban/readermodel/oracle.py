"""What an anonymous reader should see, worked out from the database alone: no cache,
none of the site's own visibility helpers (they are what is being checked).

An article is visible when it is live and no view restriction covers it: none on the page,
on an ancestor, or on the page an ancestor is an alias of (Wagtail applies the source's
restrictions to an alias). Sections and homes stay live in the model, so a live article's
ancestors are live.
"""

from urllib.parse import quote

from django.utils import translation
from taggit.models import Tag
from wagtail.models import Page, PageViewRestriction, Revision

from hoaban.articles.models import ArticlePage
from hoaban.discussion.models import Comment
from hoaban.images.models import PhotoText
from hoaban.sections.models import SectionPage
from hoaban.tagging.models import TagName
from hoaban.topics.models import TopicPage

from . import site


def _restricted_ids() -> set[int]:
    return set(PageViewRestriction.objects.values_list("page_id", flat=True))


def _covered(page, restricted: set[int]) -> bool:
    for each in [*page.get_ancestors(), page]:
        while each is not None:
            if each.pk in restricted:
                return True
            each = each.alias_of
    return False


def _caption(article) -> str | None:
    if article.lead_image is None:
        return None
    own = PhotoText.objects.filter(image=article.lead_image, locale=article.locale).first()
    return own.caption if own is not None and own.caption else article.lead_image.caption


def _tag_label(tag, locale) -> tuple[str, str]:
    name = TagName.objects.filter(tag=tag, locale=locale).first()
    return (name.name, name.slug) if name is not None else (tag.name, tag.slug)


def _article(article, restricted) -> dict:
    visible = article.live and not _covered(article, restricted)
    revisions = Revision.objects.for_instance(article)
    titles = {revision.content["title"] for revision in revisions} | {article.title}
    comments = Comment.objects.filter(article=article)
    return {
        "id": article.pk,
        "language": article.locale.language_code,
        "locale": article.locale_id,
        "path": article.get_url(),
        "parent": article.get_parent().pk,
        "visible": visible,
        "title": article.title if visible else None,
        "titles": sorted(titles),
        "byline": article.byline_name or None,
        "caption": _caption(article),
        "tags": sorted(_tag_label(tag, article.locale)[0] for tag in article.tags.all()),
        "tag_ids": sorted(tag.pk for tag in article.tags.all()),
        "topics": sorted(topic.translation_key.hex for topic in article.topics.all()),
        "comments": sorted(c.body for c in comments if c.status == Comment.Status.APPROVED),
    }


def _titles(articles) -> list[str]:
    return sorted(article["title"] for article in articles if article["visible"])


def expected() -> dict:
    """Every surface's URL with what it should show; see surfaces.py for how each is read."""
    restricted = _restricted_ids()
    articles = [
        _article(article, restricted)
        for article in ArticlePage.objects.select_related("locale", "lead_image").order_by("pk")
    ]
    visible = [article for article in articles if article["visible"]]
    html, feeds, search = {}, {}, {}
    homes = Page.objects.filter(depth=2).select_related("locale")
    for home in homes:
        edition = [a for a in visible if a["locale"] == home.locale_id]
        code = home.locale.language_code
        # The front page's blocks are the edition's own sections; a story under a section the
        # edition has not translated (an alias) may still lead it, and is never required.
        own_sections = set(
            SectionPage.objects.live()
            .filter(alias_of=None, locale_id=home.locale_id)
            .values_list("pk", flat=True)
        )
        html[home.get_url()] = {
            "at least": _titles(a for a in edition if a["parent"] in own_sections),
            "at most": _titles(edition),
        }
        feeds[f"/{code}/feeds/rss.xml"] = _titles(edition)
        feeds[f"/{code}/feeds/atom.xml"] = _titles(edition)
        search[f"/{code}/search/?q={quote(site.SEARCH_WORDS)}"] = _titles(edition)
        for tag in Tag.objects.order_by("pk"):
            _name, slug = _tag_label(tag, home.locale)
            listed = [a for a in edition if tag.pk in a["tag_ids"]]
            html[f"/{code}/tags/{slug}/"] = _titles(listed)
            feeds[f"/{code}/feeds/tags/{slug}/rss.xml"] = _titles(listed)
    # Sections that are pages of their edition (not aliases of another language's).
    for section in SectionPage.objects.live().filter(alias_of=None).select_related("locale"):
        listed = [a for a in visible if a["parent"] == section.pk]
        html[section.get_url()] = _titles(listed)
        with translation.override(section.locale.language_code):
            feeds[f"/{section.locale.language_code}/feeds/sections/{section.slug}/rss.xml"] = (
                _titles(listed)
            )
    for topic in TopicPage.objects.live().select_related("locale"):
        key = topic.translation_key.hex
        listed = [a for a in visible if a["locale"] == topic.locale_id and key in a["topics"]]
        html[topic.get_url()] = _titles(listed)
        feeds[f"/{topic.locale.language_code}/feeds/topics/{topic.slug}/atom.xml"] = _titles(listed)
    return {
        "articles": articles,
        "html": html,
        "feeds": feeds,
        "search": search,
        "api_list": {"/api/v1/articles/": _titles(visible)},
        "sitemap": sorted(article["path"] for article in visible),
    }
