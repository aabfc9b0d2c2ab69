"""A photo's words changed in one edition, or the photo itself: announced (hoaban.core.events)
for the caches to purge the pages showing the photo."""

from django.contrib.contenttypes.models import ContentType
from django.db.models.signals import post_delete, post_save
from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex

from hoaban.core import events

from .models import PhotoText


def pages_showing_photo(image, locale_id=None):
    """Live pages of one edition (or of all) using `image`, as Wagtail's reference index (the
    admin's "Usage" of the image) records them: lead photos and photos in the body alike."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(image)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    pages = Page.objects.live().filter(pk__in=[int(pk) for pk in ids])
    return pages if locale_id is None else pages.filter(locale_id=locale_id)


def announce_photo_text(sender, instance, **kwargs):
    events.announce(events.PhotoTextChanged(instance.image, instance.locale_id))


# Wagtail records a photo's size and hash the first time it reads them: nothing readers see.
BOOKKEEPING_FIELDS = frozenset({"file_size", "file_hash"})


def announce_photo(sender, instance, created=False, update_fields=None, **kwargs):
    """The photo's own caption, credit, title (its alt text) or file, shown in every edition
    that has no words of its own for it. A new photo is on no page yet."""
    if created or (update_fields and BOOKKEEPING_FIELDS.issuperset(update_fields)):
        return
    events.announce(events.PhotoTextChanged(instance, None))


def connect():
    post_save.connect(announce_photo, sender=get_image_model(), dispatch_uid="hoaban-photo")
    post_save.connect(announce_photo_text, sender=PhotoText, dispatch_uid="hoaban-photo-text")
    post_delete.connect(
        announce_photo_text, sender=PhotoText, dispatch_uid="hoaban-photo-text-deleted"
    )
