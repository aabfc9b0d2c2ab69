"""Writing translations: machine-translating a page into another edition and recording how each
published translation was made.

The network call to the machine translator happens before anything is written, outside any
transaction: a failed call (timeout, server error, malformed answer) raises
MachineTranslationError and leaves the translation exactly as it was.
"""

import logging
from collections import defaultdict
from contextlib import contextmanager

import requests
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.strings import StringValue

from hoaban.images.models import PhotoText
from hoaban.images.texts import PhotoTexts
from hoaban.tagging import labels as tag_labels
from hoaban.tagging.models import TagName, free_slug

from .models import TranslationRecord

logger = logging.getLogger(__name__)


class MachineTranslationError(Exception):
    """The machine translator could not translate; nothing was changed."""


def describe_engine(translator, source_locale, target_locale) -> str:
    """The engine's name, plus the language it goes through when it has no direct pair."""
    route = getattr(translator, "route", None)
    if route is None:
        return translator.display_name
    steps = route(source_locale.language_code, target_locale.language_code) or []
    if len(steps) > 2:
        return f"{translator.display_name} ({'→'.join(steps)})"
    return translator.display_name


def _pending_strings(source, target_locale) -> dict:
    """Source strings with no translation yet in the target language, each with the
    (string, context) pairs it fills. Strings already translated — by a person or a machine —
    are left alone, so re-syncing only sends what changed."""
    pending = defaultdict(list)
    translated = StringTranslation.objects.filter(locale=target_locale).values_list(
        "translation_of_id", "context_id"
    )
    done = set(translated.filter(translation_of__segments__source=source).distinct())
    segments = StringSegment.objects.filter(source=source).select_related("string")
    for segment in segments.order_by("order"):
        if (segment.string_id, segment.context_id) in done:
            continue
        pending[segment.string.as_value()].append((segment.string_id, segment.context_id))
    return pending


def _machine_translate(translator, source_locale, target_locale, strings) -> dict:
    try:
        result = translator.translate(source_locale, target_locale, strings)
    except (requests.JSONDecodeError, ValueError, KeyError, TypeError, IndexError) as error:
        # Before RequestException: requests' JSON error is one too, but the server did answer.
        raise MachineTranslationError(
            _("%(engine)s sent an answer that is not a translation (%(error)s).")
            % {"engine": translator.display_name, "error": repr(error)}
        ) from error
    except requests.Timeout as error:
        raise MachineTranslationError(
            _("%(engine)s did not answer in time: %(error)s")
            % {"engine": translator.display_name, "error": error}
        ) from error
    except requests.RequestException as error:
        raise MachineTranslationError(
            _("%(engine)s refused the request: %(error)s")
            % {"engine": translator.display_name, "error": error}
        ) from error
    missing = [s for s in strings if not isinstance(result.get(s), StringValue)]
    if missing:
        raise MachineTranslationError(
            _("%(engine)s returned no translation for %(count)d of %(total)d texts.")
            % {"engine": translator.display_name, "count": len(missing), "total": len(strings)}
        )
    return result


def translate_page(
    *, page: Page, target_locale: Locale, user=None, publish: bool = False, translator=None
) -> Page:
    """Create or refresh the machine translation of `page` in `target_locale` and return it.

    Segments that already have a translation (an editor's correction, or an earlier machine
    pass on unchanged text) are kept; only new or changed source text goes to the machine.
    The result is a draft unless `publish` is true; a draft never reaches readers.
    """
    page = page.specific
    translator = translator or get_machine_translator()
    if translator is None:
        raise MachineTranslationError(
            _("No machine translator is configured (setting MACHINE_TRANSLATOR).")
        )
    if not translator.can_translate(page.locale, target_locale):
        explain = getattr(translator, "explain_missing", None)
        raise MachineTranslationError(
            explain(page.locale.language_code, target_locale.language_code)
            if explain
            else _("%(engine)s cannot translate from %(source)s to %(target)s.")
            % {
                "engine": translator.display_name,
                "source": page.locale.get_display_name(),
                "target": target_locale.get_display_name(),
            }
        )
    with transaction.atomic():
        source, _created = TranslationSource.update_or_create_from_instance(page)
    pending = _pending_strings(source, target_locale)
    strings = list(pending)
    result = (
        _machine_translate(translator, source.locale, target_locale, strings) if strings else {}
    )
    engine = describe_engine(translator, page.locale, target_locale)
    # Before the page is saved, so a published translation is never shown with the fallback
    # names while its tags' names and its photos' words are on their way.
    translate_tag_names(page=page, target_locale=target_locale, translator=translator)
    translate_photo_texts(page=page, target_locale=target_locale, translator=translator)

    with transaction.atomic():
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=target_locale, defaults={"enabled": True}
        )
        for string, places in pending.items():
            for string_id, context_id in places:
                StringTranslation.objects.update_or_create(
                    translation_of_id=string_id,
                    locale=target_locale,
                    context_id=context_id,
                    defaults={
                        "data": result[string].data,
                        "translation_type": StringTranslation.TRANSLATION_TYPE_MACHINE,
                        "tool_name": engine,
                        "last_translated_by": user,
                        "has_error": False,
                        "field_error": "",
                    },
                )
        if publish:
            # A machine publishing its own text is not a review: no user on that revision.
            publish_translation(translation)
        else:
            translation.save_target(user=user, publish=False)
    return page.get_translation(target_locale).specific


def translate_short_texts(texts, *, source_locale, target_locale, translator, about) -> dict:
    """{text: its machine translation} for short plain texts such as names and captions; texts
    translated to nothing are left out. Never raises: a translator that cannot translate these
    languages, or fails, gives {} and the failure is logged under `about` ("Tag names of page
    12"), so what asked for them goes on with its fallback."""
    texts = list(dict.fromkeys(text for text in texts if text))
    if not texts or not translator.can_translate(source_locale, target_locale):
        return {}
    strings = [StringValue.from_plaintext(text) for text in texts]
    try:
        result = _machine_translate(translator, source_locale, target_locale, strings)
    except MachineTranslationError as error:
        logger.warning("%s not translated into %s: %s", about, target_locale.language_code, error)
        return {}
    translated = {
        text: result[string].render_text().strip()
        for text, string in zip(texts, strings, strict=True)
    }
    return {text: translation for text, translation in translated.items() if translation}


@contextmanager
def _apart_from_the_page(about, target_locale):
    """Any error while translating what goes along with a page (its tags' names, its photos'
    words) is logged and swallowed: the page's own translation matters more."""
    try:
        yield
    except Exception:
        logger.exception("Translating the %s into %s failed", about, target_locale.language_code)


def translate_tag_names(*, page: Page, target_locale: Locale, translator) -> list[TagName]:
    """Machine-translate the names `page`'s tags lack in `target_locale` and store them, marked
    for review; return the new ones. Names already there (an editor's, or an earlier machine
    pass) are never touched. Never raises: a tag without a name keeps the fallback (its own
    name), and the failure is logged, so the page's translation goes on.

    The main edition needs no names (a tag's own name is its name there). Each name is
    translated from the tag's name in the page's edition when it has one, else from its own.
    """
    tags = getattr(page, "tags", None)
    if tags is None or target_locale.language_code == settings.LANGUAGE_CODE:
        return []
    created = []
    with _apart_from_the_page(f"tag names of page {page.pk}", target_locale):
        created = _translate_tag_names(page, list(tags.all()), target_locale, translator)
    return created


def _translate_tag_names(page, tags, target_locale, translator) -> list[TagName]:
    named = set(
        TagName.objects.filter(locale=target_locale, tag__in=tags).values_list("tag_id", flat=True)
    )
    missing = [tag for tag in tags if tag.pk not in named]
    if not missing:
        return []
    in_page_language = {label.pk: label.name for label in tag_labels.labels(missing, page.locale)}
    created = []
    for tag, name, translated in _by_source_language(
        page,
        {tag: in_page_language[tag.pk] for tag in missing},
        has_own_words=lambda tag, name: name != tag.name,
        texts=lambda name: [name],
        target_locale=target_locale,
        translator=translator,
        about=f"Tag names of page {page.pk}",
    ):
        if name in translated:
            created += _store_machine_name(tag, target_locale, translated[name][:100])
    return created


def _by_source_language(page, words, *, has_own_words, texts, target_locale, translator, about):
    """(item, its words, {text: translation}) for each item of `words` ({item: its words in
    the page's edition}), translated from the page's language when `has_own_words(item,
    words)`, else from the main edition's (the item's own words); one translator call per
    source language, none when that is the target's."""
    main_locale = Locale.get_default()
    by_source = defaultdict(dict)
    for item, item_words in words.items():
        source = page.locale if has_own_words(item, item_words) else main_locale
        by_source[source][item] = item_words
    for source_locale, items in by_source.items():
        if source_locale.pk == target_locale.pk:
            continue
        translated = translate_short_texts(
            [text for item_words in items.values() for text in texts(item_words)],
            source_locale=source_locale,
            target_locale=target_locale,
            translator=translator,
            about=about,
        )
        for item, item_words in items.items():
            yield item, item_words, translated


def _store_machine_name(tag, locale, name) -> list[TagName]:
    try:
        with transaction.atomic():
            tag_name, created = TagName.objects.get_or_create(
                tag=tag,
                locale=locale,
                defaults={
                    "name": name,
                    "slug": free_slug(name, tag.pk, locale.pk),
                    "machine_translated": True,
                },
            )
    except IntegrityError:  # an editor took that slug meanwhile: keep the fallback
        logger.warning("No %s name stored for tag %s: its slug is taken", locale, tag.pk)
        return []
    return [tag_name] if created else []


def translate_photo_texts(*, page: Page, target_locale: Locale, translator) -> list[PhotoText]:
    """Machine-translate the alt text and caption of the photos `page` shows (lead photo and
    body photos) that lack them in `target_locale`, and store them marked for review; return
    the new ones. An editor's text, or an earlier machine pass, is never touched. Never raises:
    a photo left without words in the edition shows its own, and the failure is logged.

    Each photo's words are translated from those of the page's edition when it has them, else
    from its own (the main edition's).
    """
    photos = getattr(page, "photos", None)
    if photos is None or target_locale.language_code == settings.LANGUAGE_CODE:
        return []
    created = []
    with _apart_from_the_page(f"photo texts of page {page.pk}", target_locale):
        created = _translate_photo_texts(page, photos(), target_locale, translator)
    return created


def _translate_photo_texts(page, photos, target_locale, translator) -> list[PhotoText]:
    done = set(
        PhotoText.objects.filter(locale=target_locale, image__in=photos).values_list(
            "image_id", flat=True
        )
    )
    missing = [photo for photo in photos if photo.pk not in done]
    if not missing:
        return []
    in_page_language = PhotoTexts(missing, page.locale.language_code)
    created = []
    for photo, words, translated in _by_source_language(
        page,
        {photo: in_page_language.of(photo) for photo in missing},
        # Read in the page's edition only when both of its words are there.
        has_own_words=lambda photo, words: words.alt_lang is None and words.caption_lang is None,
        texts=lambda words: [words.alt, words.caption],
        target_locale=target_locale,
        translator=translator,
        about=f"Photo texts of page {page.pk}",
    ):
        if words.alt not in translated:
            continue
        text, new = PhotoText.objects.get_or_create(
            image=photo,
            locale=target_locale,
            defaults={
                "alt": translated[words.alt][:255],
                "caption": translated.get(words.caption, "")[:500],
                "machine_translated": True,
            },
        )
        if new:
            created.append(text)
    return created


def publish_translation(translation: Translation, *, user=None) -> Page:
    """Save the translated page and publish it now.

    wagtail-localize's save_target(publish=True) publishes on commit with the page object it
    held when saving; when children are added in the same transaction (a home, then its
    sections) that stale copy would reset the tree's child count. Publishing the fresh latest
    revision right away avoids that.
    """
    translation.save_target(user=user, publish=False)
    target = translation.get_target_instance()
    target.get_latest_revision().publish(user=user)
    return target


def record_published_translation(*, page: Page, user=None) -> TranslationRecord | None:
    """Sum up how the text just published for a translated page was made.

    Machine-made segments published by a person count as reviewed: the wagtail-localize editor
    shows every segment next to its source before the editor presses Publish.
    """
    source = (
        TranslationSource.objects.filter(object_id=page.translation_key)
        .exclude(locale_id=page.locale_id)
        .select_related("locale")
        .first()
    )
    if source is None:
        return None
    machine = (
        StringTranslation.objects.filter(
            locale_id=page.locale_id,
            translation_of__segments__source=source,
            translation_type=StringTranslation.TRANSLATION_TYPE_MACHINE,
        )
        .values_list("tool_name", flat=True)
        .first()
    )
    reviewed = machine is not None and user is not None
    record, _created = TranslationRecord.objects.update_or_create(
        page=page,
        defaults={
            "source_locale": source.locale,
            "method": TranslationRecord.Method.MACHINE
            if machine is not None
            else TranslationRecord.Method.HUMAN,
            "machine_tool": machine or "",
            "reviewed_by": user if reviewed else None,
            "reviewed_at": timezone.now() if reviewed else None,
        },
    )
    return record
