"""Purge on every change readers can see: publish, unpublish, move, slug change, delete,
privacy, site-wide settings, and `page_content_changed` for changes outside page revisions."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    pre_page_move,
)

from hoaban.core.models import NewsroomSettings
from hoaban.core.public_url import page_full_url
from hoaban.core.signals import page_content_changed

from . import store
from .invalidation import purge_after_commit, urls_showing

# URLs at the old place of a page being moved, by page id, from pre_ to post_page_move
# (Wagtail sends the two signals with different instances).
_moving: dict[int, set[str]] = {}


def on_page_changed(sender, instance=None, page=None, **kwargs):
    purge_after_commit(urls_showing(instance or page))


def _urls_showing_with_descendants(page) -> set[str]:
    urls = urls_showing(page)
    urls.update(page_full_url(descendant) for descendant in page.get_descendants().live())
    return urls


def before_move(sender, instance, **kwargs):
    _moving[instance.pk] = _urls_showing_with_descendants(instance)


def after_move(sender, instance, **kwargs):
    urls = _moving.pop(instance.pk, set()) | urls_showing(instance)
    purge_after_commit(urls)


def on_slug_changed(sender, instance, instance_before, **kwargs):
    purge_after_commit(urls_showing(instance_before) | urls_showing(instance))


def before_delete(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purge_after_commit(urls_showing(instance))


def on_privacy_changed(sender, instance, **kwargs):
    """A page made private or public again, with everything under it."""
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        purge_after_commit(_urls_showing_with_descendants(page))


def on_settings_saved(sender, created=False, **kwargs):
    # The masthead and footer are on every page. A first read creates the row with the very
    # defaults pages already show, which changes nothing.
    if not created:
        store.purge_all()


def connect():
    page_published.connect(on_page_changed, dispatch_uid="pagecache-published")
    page_unpublished.connect(on_page_changed, dispatch_uid="pagecache-unpublished")
    page_content_changed.connect(on_page_changed, dispatch_uid="pagecache-content")
    pre_page_move.connect(before_move, dispatch_uid="pagecache-pre-move")
    post_page_move.connect(after_move, dispatch_uid="pagecache-post-move")
    page_slug_changed.connect(on_slug_changed, dispatch_uid="pagecache-slug")
    pre_delete.connect(before_delete, dispatch_uid="pagecache-delete")
    post_save.connect(on_settings_saved, sender=NewsroomSettings, dispatch_uid="pagecache-site")
    for signal in (post_save, post_delete):
        signal.connect(
            on_privacy_changed, sender=PageViewRestriction, dispatch_uid="pagecache-privacy"
        )
