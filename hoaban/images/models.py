"""Newsroom photos: Wagtail images that carry their own caption and credit.

A caption and a photographer's credit travel with the photo, so every article, listing and
imported item that shows it has them without retyping.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.images.models import AbstractImage, AbstractRendition, Image


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

    class Meta(AbstractImage.Meta):
        verbose_name = _("image")
        verbose_name_plural = _("images")


class NewsRendition(AbstractRendition):
    image = models.ForeignKey(NewsImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)
