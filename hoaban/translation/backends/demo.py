"""A demo translation engine that needs nothing downloaded: a translation memory of the demo
newspaper's own Vietnamese, English and Russian texts (hoaban.demo.memory).

It lets anyone try the whole machine translation flow on `make run`. It is not a translator:
a text it has never seen comes back unchanged behind a marker in the target language, so an
editor sees at once what is left to translate and a reader never mistakes it for a
translation. A whole text is looked up first, then each of its sentences, so a paragraph
made of known sentences (a lead repeated in the body, a caption cut from a lead) is found too.
"""

import re
import unicodedata
from functools import cache

from django.utils.html import escape
from wagtail_localize.machine_translators.base import BaseMachineTranslator
from wagtail_localize.strings import StringValue

from hoaban.core.slugs import slug_from_title

from ..models import DEMO_ENGINE

# Written in the target language: it is part of the translated text, not of the interface.
MARKERS = {
    "vi": "[Bộ dịch demo: chưa dịch]",
    "en": "[Demo engine: not translated]",
    "ru": "[Демо-движок: без перевода]",
}
SENTENCE_END = re.compile(r"(?<=[.!?…])\s+")
SLUG = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)+")


def normalise(text: str) -> str:
    """One key for the same words however they were typed: Vietnamese keyboards send either
    precomposed letters (ệ) or a letter and combining marks (e + ̣ + ̂); spacing and case
    vary."""
    return " ".join(unicodedata.normalize("NFC", text).split()).casefold()


@cache
def _rows() -> tuple[dict[str, str], ...]:
    from hoaban.demo.memory import aligned_texts

    return tuple(
        {code: unicodedata.normalize("NFC", text) for code, text in row.items()}
        for row in aligned_texts()
    )


@cache
def memory(source: str, target: str) -> dict[str, str]:
    """{normalised text in `source`: its text in `target`} over the demo's texts."""
    return {normalise(row[source]): row[target] for row in _rows() if row[source] and row[target]}


@cache
def slugs(source: str, target: str) -> dict[str, str]:
    """{slug of a known title in `source`: slug of its translation}, for page slugs."""
    return {
        slug_from_title(row[source]): slug_from_title(row[target])
        for row in _rows()
        if row[source] and row[target]
    }


def _sentence(known: dict[str, str], sentence: str) -> str | None:
    """A sentence's translation; one ending in a full stop also matches a title without it."""
    translated = known.get(normalise(sentence))
    if translated is None and sentence.endswith("."):
        translated = known.get(normalise(sentence[:-1]))
        if translated is not None and not translated.endswith((".", "!", "?", "…")):
            translated += "."
    return translated


class DemoTranslator(BaseMachineTranslator):
    display_name = DEMO_ENGINE
    is_demo = True

    def can_translate(self, source_locale, target_locale):
        codes = set(MARKERS)
        source, target = source_locale.language_code, target_locale.language_code
        return source != target and {source, target} <= codes

    def translate(self, source_locale, target_locale, strings):
        source, target = source_locale.language_code, target_locale.language_code
        return {string: self.translate_one(string, source, target) for string in strings}

    def translate_one(self, string: StringValue, source: str, target: str) -> StringValue:
        text = string.render_text()
        if SLUG.fullmatch(text):
            # A page's slug: the slug of the known title's translation, else left as it is
            # (a marker would make it an invalid slug).
            return StringValue.from_plaintext(slugs(source, target).get(text, text))
        if not any(character.islower() for character in text):
            return string  # numbers, dates, codes such as 28/2022/NĐ-CP: nothing to translate
        known = memory(source, target)
        whole = known.get(normalise(text))
        if whole is not None:
            return StringValue.from_plaintext(whole)
        sentences = SENTENCE_END.split(text.strip())
        found = [_sentence(known, sentence) for sentence in sentences]
        if len(sentences) > 1 and any(found):
            marker = MARKERS[target]
            return StringValue.from_plaintext(
                " ".join(
                    translated if translated is not None else f"{marker} {sentence}"
                    for sentence, translated in zip(sentences, found, strict=True)
                )
            )
        # Unknown: the source text, inline markup kept, behind the marker.
        return StringValue(f"{escape(MARKERS[target])} {string.data}")
