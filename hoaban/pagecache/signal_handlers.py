"""Tell the per-process memo (memo.py) when pages, images, privacy, sites, languages, site
settings, bylines' people, translation records, tags or their names, or photo texts change.
Purging is invalidation.py's, from the domain events (hoaban.core.events)."""

from django.apps import apps
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Locale, PageViewRestriction, Site, get_page_models

from hoaban.core.models import RememberedSiteSetting

from . import memo


def connect():
    site_settings = [m for m in apps.get_models() if issubclass(m, RememberedSiteSetting)]
    memo_sources = (
        *get_page_models(),
        PageViewRestriction,
        Site,
        Locale,
        get_image_model(),
        # Kept with the articles that name them (routing loads bylines and translation records
        # with the article; its tags are kept with their names in each edition).
        apps.get_model("people", "Person"),
        apps.get_model("translation", "TranslationRecord"),
        apps.get_model("taggit", "Tag"),
        apps.get_model("tagging", "TagName"),
        # Kept with the articles that show the photos (and the page a translation came from).
        apps.get_model("images", "PhotoText"),
    )
    for signal in (post_save, post_delete):
        for model in memo_sources:
            signal.connect(memo.content_changed, sender=model, dispatch_uid=f"memo-{model}")
        for model in site_settings:
            signal.connect(memo.settings_changed, sender=model, dispatch_uid=f"memo-{model}")
