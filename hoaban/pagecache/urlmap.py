"""Which URLs show each change readers can see (hoaban.core.events): the one place that knows.

Every surface is here: the page itself (and its other editions, whose language switcher and
hreflang links point to it), the pages listing it (section, home, its topics, the video
listing, its tags' and its author's pages in its edition), their RSS and Atom feeds, the
sitemaps and the read API. A path is purged with all its query strings (the page store's path
token; Varnish bans the path), so listings' pages and the API's filters need no entry of their
own. Search result pages are not cached (their `q` keeps them out of the page store, and the
API's search answers carry no s-maxage), so nothing lists them.

One install serves several sites, which can have the same paths: every URL is on the public
address of the site the page belongs to (`public_base_url`), and the listings are those of the
page's own edition home, never another site's. Events that name no page (a person, a tag, a
photo) reach every site showing it; a site's settings reach that site alone. Addresses are
built from the site explicitly: outside a request (the task worker) no site is current, and in
the admin the current site is the admin's.
"""

import copy
from dataclasses import dataclass, field

from django.apps import apps
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from hoaban.core import events
from hoaban.core.public_url import absolute_url, page_full_url, page_location, public_base_url
from hoaban.tagging import labels as tag_labels


@dataclass
class Purge:
    urls: set[str] = field(default_factory=set)
    # Pages whose own URLs and listings are worked out on the task worker, after the commit: a
    # reporter renamed or a tag renamed reaches hundreds of articles.
    page_ids: set[int] = field(default_factory=set)
    # Sites (their public base URLs) on which something every page shows changed.
    whole_sites: set[str] = field(default_factory=set)


def _model(name: str):
    return apps.get_model(*name.split("."))


def _site_id(page: Page) -> int | None:
    location = page_location(page)
    return None if location is None else location[0]


def _edition_home(page: Page):
    """The live home of the page's edition on its own site (its ancestor at depth 2)."""
    return page.get_ancestors().live().filter(depth=2).specific().first()


def _listed_on(page: Page, parents: list[Page]) -> list[Page]:
    """The live pages listing `page` when it sits under `parents`: its section and home page,
    and for an article its topics' timelines and the video listing if it has a video, those of
    its own edition home (another site's edition in the same language lists other stories)."""
    shown_on = list(parents)
    if isinstance(page, _model("articles.ArticlePage")):
        section_model, topic_model = _model("sections.SectionPage"), _model("topics.TopicPage")
        home_path = (parents[0] if parents else page).path[: 2 * Page.steplen]
        if page.is_video:
            shown_on += section_model.objects.live().filter(
                path__startswith=home_path, listing=section_model.Listing.VIDEOS
            )
        topic_keys = page.topics.values_list("translation_key", flat=True)
        shown_on += topic_model.objects.live().filter(
            path__startswith=home_path, translation_key__in=topic_keys
        )
    return shown_on


def _own_urls(page: Page) -> set[str]:
    """The page's URL and the sub-URLs Wagtail's `get_cached_paths` names (routable pages)."""
    url = page_full_url(page)
    if url is None:
        return set()
    return {url + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()}


def _at(page: Page, url_path: str) -> Page:
    """`page` as readers saw it at `url_path` (before a move or a new slug)."""
    seen = copy.copy(page)
    seen.url_path = url_path
    # Wagtail caches the specific page on the instance: the copy must answer for itself.
    for cached in ("specific", "specific_deferred"):
        seen.__dict__.pop(cached, None)
    return seen


def _feed_urls(page: Page, site: int, listed_on: list[Page], tag_slugs: list[str]) -> set[str]:
    from hoaban.feeds.feeds import feed_urls

    home_model, section_model = _model("home.HomePage"), _model("sections.SectionPage")
    topic_model = _model("topics.TopicPage")
    kinds = [("tag", slug) for slug in tag_slugs]
    for shown_on in listed_on:
        if isinstance(shown_on, home_model):
            kinds.append(("edition", None))
        elif isinstance(shown_on, section_model):
            kinds.append(("section", shown_on.slug))
        elif isinstance(shown_on, topic_model):
            kinds.append(("topic", shown_on.slug))
    with translation.override(page.locale.language_code):
        return {
            absolute_url(url, site=site)
            for kind, slug in kinds
            for url in feed_urls(kind, slug).values()
        }


def _api_urls(page: Page, site: int) -> set[str]:
    kinds = {
        _model("articles.ArticlePage"): "articles",
        _model("sections.SectionPage"): "sections",
        _model("topics.TopicPage"): "topics",
    }
    kind = next((name for model, name in kinds.items() if isinstance(page, model)), None)
    if kind is None:
        return set()
    api = reverse("read_api:api_index")
    urls = {f"{api}{kind}/", f"{api}{kind}/{page.pk}/"}
    if kind == "articles":
        urls.add(f"{api}search/")
    return {absolute_url(url, site=site) for url in urls}


def _sitemap_urls(page: Page, site: int) -> set[str]:
    sections = [page.locale.language_code]
    if isinstance(page, _model("articles.ArticlePage")):
        sections.append("news")
    return {absolute_url(reverse("sitemap-index"), site=site)} | {
        absolute_url(reverse("sitemap-section", kwargs={"section": section}), site=site)
        for section in sections
    }


def _author_urls(slugs, homes) -> set[str]:
    from hoaban.people import authors

    return authors.author_urls(slugs, homes)


def page_urls(page: Page, parents: list[Page] | None = None) -> set[str]:
    """Every URL showing `page` under `parents` (by default its live ancestors), on the public
    address of the site it is on (none when no site serves it)."""
    page = page.specific_deferred
    site = _site_id(page)
    if site is None:
        return set()
    if parents is None:
        parents = list(page.get_ancestors().live().filter(depth__gt=1).specific())
    listed_on = _listed_on(page, parents)
    urls = _own_urls(page)
    for shown_on in listed_on:
        urls |= _own_urls(shown_on)
    home = next((p for p in listed_on if isinstance(p, _model("home.HomePage"))), None)
    tag_slugs = []
    tags = getattr(page, "tags", None)
    if tags is not None and home is not None and page_location(home) is not None:
        # At the tags' addresses in the page's edition, which may differ from the tags' own.
        tag_slugs = [label.slug for label in tag_labels.labels(tags.all(), page.locale_id)]
        urls |= {
            page_full_url(home) + home.reverse_subpage("tag", kwargs={"tag": slug})
            for slug in tag_slugs
        }
    author_id = getattr(page, "author_id", None)
    if author_id is not None and home is not None:
        slug = _model("people.Person").objects.filter(pk=author_id).values_list("slug", flat=True)
        urls |= _author_urls(slug[:1], [home])
    urls |= _feed_urls(page, site, listed_on, tag_slugs)
    urls |= _api_urls(page, site)
    urls |= _sitemap_urls(page, site)
    return urls


def _translations_urls(page: Page) -> set[str]:
    urls = set()
    for other in page.get_translations().live():
        urls |= _own_urls(other)
    return urls


def _descendants_at(page: Page, url_path: str) -> set[str]:
    """The live pages under `page`, at their addresses under `url_path`."""
    urls = set()
    for descendant in page.get_descendants().live().specific():
        moved = url_path + descendant.url_path[len(page.url_path) :]
        urls |= _own_urls(_at(descendant, moved))
    return urls


def _parents(parent: Page) -> list[Page]:
    chain = [*parent.get_ancestors().filter(depth__gt=1), parent]
    return [p.specific for p in chain if p.live]


def _page_changed(event) -> Purge:
    return Purge(page_urls(event.page) | _translations_urls(event.page))


def _moved(event) -> Purge:
    page = event.page.specific_deferred
    before = page_urls(_at(page, event.url_path_before), _parents(event.parent_before))
    before |= _descendants_at(page, event.url_path_before)
    after = page_urls(page) | _descendants_at(page, page.url_path)
    return Purge(before | after | _translations_urls(page))


def _renamed(event) -> Purge:
    page, old_path = event.page, event.page_before.url_path
    urls = page_urls(_at(page, old_path)) | page_urls(page) | _translations_urls(page)
    return Purge(urls | _descendants_at(page, old_path))


def _privacy_changed(event) -> Purge:
    # Everything under the page leaves (or rejoins) its listings too: worked out on the worker.
    ids = set(event.page.get_descendants().live().values_list("pk", flat=True))
    return Purge(page_urls(event.page), page_ids=ids)


def _author_replaced(event) -> Purge:
    home = _edition_home(event.page)
    return Purge(_author_urls([event.person_slug], [home]) if home is not None else set())


def _person_changed(event) -> Purge:
    from hoaban.people import authors

    # Every edition of every site: a person's page is at the same path on each.
    urls = _author_urls(event.slugs, authors.edition_homes())
    return Purge(urls, page_ids=set(event.article_ids))


def _tag_changed(event) -> Purge:
    from hoaban.tagging.signals import tag_paths

    home_model = _model("home.HomePage")
    homes = home_model.objects.live().filter(depth=2)
    articles = _model("articles.ArticlePage").objects.live().filter(tagged_items__tag=event.tag_id)
    if event.locale_id is not None:
        homes = homes.filter(locale_id=event.locale_id)
        articles = articles.filter(locale_id=event.locale_id)
    # Every site with that edition: the tag's page is at the same path on each.
    urls = {
        absolute_url(path, site=location[0])
        for home in homes
        if (location := page_location(home)) is not None
        for slug in event.slugs
        for path in tag_paths(home, slug)
    }
    return Purge(urls, page_ids=set(articles.values_list("pk", flat=True)))


def _photo_text_changed(event) -> Purge:
    from hoaban.images.signals import pages_showing_photo

    pages = pages_showing_photo(event.image, event.locale_id)
    return Purge(page_ids=set(pages.values_list("pk", flat=True)))


def _comments_changed(event) -> Purge:
    # Comments and their count are shown on the article alone: no listing, feed or API answer.
    return Purge(_own_urls(event.page))


_MAP = {
    events.PagePublished: _page_changed,
    events.PageUnpublished: _page_changed,
    events.PageDeleted: _page_changed,
    events.PageMoved: _moved,
    events.PageRenamed: _renamed,
    events.PrivacyChanged: _privacy_changed,
    events.AuthorReplaced: _author_replaced,
    events.PersonChanged: _person_changed,
    events.TagChanged: _tag_changed,
    events.PhotoTextChanged: _photo_text_changed,
    events.CommentsChanged: _comments_changed,
    events.SiteChanged: lambda event: Purge(whole_sites={public_base_url(event.site)}),
}


def purge_for(event) -> Purge:
    return _MAP[type(event)](event)
