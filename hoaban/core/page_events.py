"""Wagtail's page signals as domain events (hoaban.core.events): publish, unpublish, move, slug
change, deletion and view restrictions, each announced once; and the newsroom settings, which
every page of their site shows."""

from django.db.models.signals import post_delete, post_save, pre_delete
from wagtail.models import Page, PageViewRestriction
from wagtail.signals import page_published, page_slug_changed, page_unpublished, post_page_move

from . import events
from .models import NewsroomSettings


def _published(sender, instance, **kwargs):
    events.announce(events.PagePublished(instance))


def _unpublished(sender, instance, **kwargs):
    events.announce(events.PageUnpublished(instance))


def _moved(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    if url_path_before != url_path_after:
        events.announce(events.PageMoved(instance, parent_page_before, url_path_before))


def _renamed(sender, instance, instance_before, **kwargs):
    events.announce(events.PageRenamed(instance, instance_before))


def _deleting(sender, instance, **kwargs):
    # Before the delete: its place in the tree is needed to know where it was listed. Django
    # sends this for each table of a page type (Page, then ArticlePage): announce it once.
    if isinstance(instance, Page) and instance.live and type(instance) is instance.specific_class:
        events.announce(events.PageDeleted(instance))


def _privacy_changed(sender, instance, **kwargs):
    page = Page.objects.filter(pk=instance.page_id).first()
    if page is not None:
        events.announce(events.PrivacyChanged(page))


def _settings_saved(sender, instance, created=False, **kwargs):
    # A first read creates the row with the very defaults pages already show.
    if not created:
        events.announce(events.SiteChanged(instance.site_id))


def connect():
    page_published.connect(_published, dispatch_uid="events-published")
    page_unpublished.connect(_unpublished, dispatch_uid="events-unpublished")
    post_page_move.connect(_moved, dispatch_uid="events-moved")
    page_slug_changed.connect(_renamed, dispatch_uid="events-renamed")
    pre_delete.connect(_deleting, dispatch_uid="events-deleted")
    for signal in (post_save, post_delete):
        signal.connect(_privacy_changed, sender=PageViewRestriction, dispatch_uid="events-privacy")
    post_save.connect(_settings_saved, sender=NewsroomSettings, dispatch_uid="events-site")
