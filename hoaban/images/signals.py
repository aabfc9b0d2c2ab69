"""A photo's words changed in one edition: the pages of that edition showing the photo are
purged from the caches, through the page-content signal the page cache already listens to."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, ReferenceIndex

from hoaban.core.signals import page_content_changed

from .models import PhotoText


def pages_showing_photo(image, locale_id):
    """Live pages of one edition using `image`, as Wagtail's reference index (the admin's
    "Usage" of the image) records them: lead photos and photos in the body alike."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.live().filter(locale_id=locale_id, pk__in=[int(pk) for pk in ids])


def announce_pages_showing(sender, instance, **kwargs):
    for page in pages_showing_photo(instance.image, instance.locale_id):
        page_content_changed.send(sender=PhotoText, page=page)


def connect():
    post_save.connect(announce_pages_showing, sender=PhotoText, dispatch_uid="hoaban-photo-text")
    post_delete.connect(
        announce_pages_showing, sender=PhotoText, dispatch_uid="hoaban-photo-text-deleted"
    )
