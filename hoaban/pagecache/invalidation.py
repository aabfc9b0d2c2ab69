"""Which URLs show a page, and purging them from every cache in front of readers.

A story is shown on its own URL and listed on its section, its home page (front page and
tag pages), the video listing when it has a video, and its topics' timelines. Apps that list
pages elsewhere (feeds, for example) add their URLs through the `hoaban_urls_showing_page`
Wagtail hook: a function taking the page and the pages that list it (`pages_showing`, worked
out once here) and returning full or root-relative URLs.
"""

from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.db import transaction
from wagtail import hooks
from wagtail.contrib.frontend_cache.utils import PurgeBatch
from wagtail.models import Page

from hoaban.tagging import labels as tag_labels

from . import store


def pages_showing(page: Page) -> list[Page]:
    """The page itself and the live pages that list it."""
    page = page.specific_deferred
    shown_on = [page, *page.get_ancestors().live().filter(depth__gt=1).specific()]
    article_model = apps.get_model("articles", "ArticlePage")
    if isinstance(page, article_model):
        section_model = apps.get_model("sections", "SectionPage")
        topic_model = apps.get_model("topics", "TopicPage")
        if page.is_video:
            shown_on += section_model.objects.live().filter(
                locale_id=page.locale_id, listing=section_model.Listing.VIDEOS
            )
        topic_keys = page.topics.values_list("translation_key", flat=True)
        shown_on += topic_model.objects.live().filter(
            locale_id=page.locale_id, translation_key__in=topic_keys
        )
    return shown_on


def _tag_urls(page: Page, pages: list[Page]) -> list[str]:
    home_model = apps.get_model("home", "HomePage")
    tags = getattr(page.specific_deferred, "tags", None)
    home = next((p for p in pages if isinstance(p, home_model)), None)
    if tags is None or home is None or not home.full_url:
        return []
    # At the tags' addresses in the page's edition, which may differ from the tags' own.
    return [
        home.full_url + home.reverse_subpage("tag", kwargs={"tag": label.slug})
        for label in tag_labels.labels(tags.all(), page.locale_id)
    ]


def urls_showing(page: Page) -> set[str]:
    pages = pages_showing(page)
    batch = PurgeBatch()
    batch.add_pages(pages)
    urls = set(batch.urls)
    urls.update(_tag_urls(page, pages))
    for urls_for in hooks.get_hooks("hoaban_urls_showing_page"):
        urls.update(urls_for(page, pages))
    return urls


def purge_urls(urls) -> None:
    """Purge now from this server's page cache and, through Wagtail, from the proxy or CDN."""
    urls = set(urls)
    if not urls:
        return
    store.purge_paths({urlsplit(url).path for url in urls})
    full_urls = {url for url in urls if urlsplit(url).netloc}
    if settings.WAGTAILFRONTENDCACHE and full_urls:
        PurgeBatch(full_urls).purge()


def purge_after_commit(urls) -> None:
    """Purge once the change is committed, so a re-render cannot fetch the old content."""
    urls = set(urls)
    transaction.on_commit(lambda: purge_urls(urls))
