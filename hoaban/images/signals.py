"""A photo's words changed in one edition: announced (hoaban.core.events) for the caches to purge
the pages of that edition showing the photo."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, ReferenceIndex

from hoaban.core import events

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


def announce_photo_text(sender, instance, **kwargs):
    events.announce(events.PhotoTextChanged(instance.image, instance.locale_id))


def connect():
    post_save.connect(announce_photo_text, sender=PhotoText, dispatch_uid="hoaban-photo-text")
    post_delete.connect(
        announce_photo_text, sender=PhotoText, dispatch_uid="hoaban-photo-text-deleted"
    )
