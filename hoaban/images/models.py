"""Newsroom photos: Wagtail images that carry their own caption and credit.

A caption and a photographer's credit travel with the photo, so every article, listing and
imported item that shows it has them without retyping.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.images.models import AbstractImage, AbstractRendition, Image

from .forms import PhotoTextForm


class NewsImage(AbstractImage):
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the photo wherever it appears; articles may override it."),
    )
    credit = models.CharField(
        _("credit"),
        max_length=255,
        blank=True,
        help_text=_("Photographer or source, e.g. “Ảnh: Quang Hưng”."),
    )

    admin_form_fields = (*Image.admin_form_fields, "caption", "credit")

    def find_existing_renditions(self, *filters):
        """Wagtail's lookup, except that renditions found in the renditions cache are marked as
        such: Wagtail otherwise writes every one it found there back (pickling each, on every
        page showing the photo), although a rendition never changes once made."""
        if not filters or self._get_prefetched_renditions() is not None:
            return super().find_existing_renditions(*filters)
        rendition_model = self.get_rendition_model()
        by_key = {
            rendition_model.construct_cache_key(self, f.get_cache_key(self), f.spec): f
            for f in filters
        }
        found = {}
        for key, rendition in rendition_model.cache_backend.get_many(list(by_key)).items():
            rendition.image = self
            rendition._from_cache = True  # Wagtail's own mark for prefetched renditions
            found[by_key[key]] = rendition
        missing = [f for f in filters if f not in found]
        if missing:
            found.update(super().find_existing_renditions(*missing))
        return found

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class PhotoText(models.Model):
    """A photo's alt text and caption in one edition.

    Every edition shows the same photo; only its words change. The photo's own title (its alt
    text) and caption are the main edition's (settings.LANGUAGE_CODE) and serve every edition
    that has no text of its own; see hoaban.images.texts.
    """

    image = models.ForeignKey(
        NewsImage, verbose_name=_("image"), on_delete=models.CASCADE, related_name="texts"
    )
    locale = models.ForeignKey(
        "wagtailcore.Locale", verbose_name=_("edition"), on_delete=models.CASCADE, related_name="+"
    )
    alt = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_("What the photo shows, read aloud to readers who cannot see it."),
    )
    caption = models.CharField(
        _("caption"),
        max_length=500,
        blank=True,
        help_text=_("Shown under the photo wherever it appears; articles may override it."),
    )
    machine_translated = models.BooleanField(
        _("machine translated"),
        default=False,
        help_text=_("Made by the machine translator and not reviewed yet."),
    )

    base_form_class = PhotoTextForm
    panels = [FieldPanel("image"), FieldPanel("locale"), FieldPanel("alt"), FieldPanel("caption")]

    class Meta:
        verbose_name = _("photo text")
        verbose_name_plural = _("photo texts")
        ordering = ["locale", "image"]
        constraints = [
            models.UniqueConstraint(fields=["image", "locale"], name="images_one_text_per_edition")
        ]

    def __str__(self):
        return self.alt
