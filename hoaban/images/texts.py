"""A photo's words as the readers of one edition see them: the one place that picks them.

A photo's own title and caption are the main edition's. Another edition shows its own alt text
and caption (PhotoText) when it has them; otherwise the photo's own, marked with the main
edition's language so screen readers and translators read them as Vietnamese. A page asks for
all its photos' words together: one query however many photos it shows.
"""

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from .models import PhotoText


@dataclass(frozen=True)
class PhotoWords:
    """Alt text and caption of a photo in one edition. `alt_lang` and `caption_lang` name the
    language of a text that is not in the edition's (the photo's own), else are None."""

    alt: str
    caption: str
    alt_lang: str | None = None
    caption_lang: str | None = None


def _own(image, language: str, text: PhotoText | None = None) -> PhotoWords:
    main = settings.LANGUAGE_CODE
    foreign = None if language == main else main
    alt = text.alt if text else ""
    caption = text.caption if text else ""
    return PhotoWords(
        alt=alt or image.title,
        caption=caption or image.caption,
        alt_lang=None if alt else foreign,
        caption_lang=None if caption or not image.caption else foreign,
    )


class PhotoTexts:
    """The words of a set of photos in one edition, read with one query (none in the main
    edition, whose words are the photos' own)."""

    def __init__(self, images: Iterable, language: str):
        self.language = language
        self.image_ids = {image.pk for image in images if image is not None}
        self._texts = {}
        if self.image_ids and language != settings.LANGUAGE_CODE:
            self._texts = _texts_of(self.image_ids, language)

    def covers(self, image) -> bool:
        return image.pk in self.image_ids

    def of(self, image) -> PhotoWords:
        return _own(image, self.language, self._texts.get(image.pk))


def _texts_of(image_ids, language: str) -> dict:
    rows = PhotoText.objects.filter(image_id__in=image_ids, locale__language_code=language)
    return {text.image_id: text for text in rows}


def words(image, language: str) -> PhotoWords:
    """The words of one photo: for the places that show a single one."""
    return PhotoTexts([image], language).of(image)


# The labels Vietnamese credits start with ("Ảnh: Quang Hưng"), in both spellings of the tone
# mark, and what other editions say instead; the name after the colon is shown as it is.
CREDIT_LABELS = {
    "ảnh": _("Photo"),
    "ảnh minh họa": _("Illustration"),
    "ảnh minh hoạ": _("Illustration"),
    "đồ họa": _("Graphic"),
    "đồ hoạ": _("Graphic"),
}
CREDIT = re.compile(r"^\s*([^:]{1,30}?)\s*:\s*(\S.*)$", re.DOTALL)


def credit_in(credit: str, language: str) -> str:
    """A photo credit for the readers of `language`: its label translated when it is one of
    the usual Vietnamese ones."""
    match = CREDIT.match(credit)
    if language == settings.LANGUAGE_CODE or match is None:
        return credit
    label = CREDIT_LABELS.get(unicodedata.normalize("NFC", match.group(1)).lower())
    if label is None:
        return credit
    with translation.override(language):
        return f"{label}: {match.group(2)}"
