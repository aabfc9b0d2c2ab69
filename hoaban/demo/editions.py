"""Builds the demo's English and Russian editions through wagtail-localize, the way an editor
would: each page is submitted for translation, every segment gets the newsroom's own text
(editions_content.py), then the translation is published. Readers therefore see them as human
translations, and editors find them in the translation editor like any other.
"""

import re

from taggit.models import Tag
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from hoaban.core.slugs import slug_from_title
from hoaban.home.models import HomePage
from hoaban.images.models import NewsImage, PhotoText
from hoaban.tagging.models import TagName
from hoaban.translation.services import publish_translation

from . import content
from .editions_content import EDITIONS, TAG_NAMES


def _inner_text(html: str) -> str:
    return re.sub(r"^<p>|</p>$", "", html.strip())


def glossary(code: str) -> dict[str, str]:
    """Each Vietnamese text of the demo's translated pages, mapped to its translation."""
    edition = EDITIONS[code]
    texts = {
        content.SITE["publisher_name"]: edition["home"],
        content.SITE["tagline"]: edition["tagline"],
        content.SITE["default_dateline"]: edition["dateline"],
        content.TOPIC["title"]: edition["topic"][0],
        _inner_text(content.TOPIC["introduction"]): edition["topic"][1],
    }
    for key, title, _label, _listing, introduction in content.SECTIONS:
        texts[title], texts[introduction] = edition["sections"][key]
    for story in content.PARTNERSHIP:
        translated = edition["articles"][story["key"]]
        for name in ("title", "lead", "caption", "second_caption", "source_name"):
            if name in story:
                texts[story[name]] = translated[name]
        paragraphs = [p for p in story["body"] if p != "@image"]
        texts.update(zip(paragraphs, translated["body"], strict=True))
    return texts


def _segment_text(segment, page, code, texts, title):
    if segment.context.path == "slug":
        if isinstance(page, HomePage):  # "home-vi" → "home-en": homes are siblings at the top
            return f"{page.slug.rsplit('-', 1)[0]}-{code}"
        return slug_from_title(title)
    text = segment.string.data
    if text not in texts:
        raise LookupError(f"The demo has no {code} translation for “{text[:80]}”")
    return texts[text]


def translate_pages(code: str, pages, summary, texts=None):
    """Translate and publish each page (parents first) unless it is already translated, with
    `texts` ({Vietnamese: translation}; the newspaper's glossary when not given)."""
    locale = Locale.objects.get(language_code=code)
    texts = glossary(code) if texts is None else texts
    for page in pages:
        if page.get_translation_or_none(locale) is not None:
            continue
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        title = texts[page.title]
        for segment in source.stringsegment_set.select_related("string", "context"):
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": _segment_text(segment, page, code, texts, title),
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
        publish_translation(translation)
        summary.count(f"{code} translations")


def name_tags(summary):
    """Give every demo tag its English and Russian name, leaving names already there alone."""
    locales = [Locale.objects.get(language_code=code) for code in ("en", "ru")]
    for tag in Tag.objects.filter(name__in=TAG_NAMES):
        for locale, name in zip(locales, TAG_NAMES[tag.name], strict=True):
            _name, created = TagName.objects.get_or_create(
                tag=tag, locale=locale, defaults={"name": name}
            )
            if created:
                summary.count("tag names")


def photo_words(code: str) -> dict[str, tuple[str, str]]:
    """{Vietnamese title of a photo of the translated pages: (alt text, caption) in `code`}:
    each story's photos are described by its title and caption, the topic's by its title."""
    edition = EDITIONS[code]
    words = {content.TOPIC["title"]: (edition["topic"][0], "")}
    for story in content.PARTNERSHIP:
        translated = edition["articles"][story["key"]]
        words[story["title"]] = (translated["title"], translated["caption"])
        second = content.SECOND_PHOTO_TITLE.format(title=story["title"])
        words[second] = (
            content.SECOND_PHOTO_TITLE.format(title=translated["title"]),
            translated["second_caption"],
        )
    return words


def word_photos(summary):
    """Give the photos of the translated pages their English and Russian alt text and caption,
    leaving words already there alone."""
    for code in ("en", "ru"):
        locale = Locale.objects.get(language_code=code)
        words = photo_words(code)
        for image in NewsImage.objects.filter(title__in=words):
            alt, caption = words[image.title]
            _text, created = PhotoText.objects.get_or_create(
                image=image, locale=locale, defaults={"alt": alt, "caption": caption}
            )
            if created:
                summary.count("photo texts")
