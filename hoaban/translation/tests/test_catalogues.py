"""The interface catalogues are complete: every string the code marks has a reviewed
translation, with the same placeholders and every plural form the language needs."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

PLACEHOLDER = re.compile(r"%\(\w+\)[sdr]")
PLURAL_FORMS = {"vi": 1, "en": 2, "ru": 3}


def catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(Path(settings.LOCALE_PATHS[0]) / language / "LC_MESSAGES/django.po"))


@pytest.mark.parametrize("language", ["vi", "ru", "en"])
def test_catalogue_has_no_untranslated_fuzzy_or_obsolete_entries(language):
    po = catalogue(language)
    assert [entry.msgid for entry in po.untranslated_entries()] == []
    assert [entry.msgid for entry in po.fuzzy_entries()] == []
    assert [entry.msgid for entry in po.obsolete_entries()] == []
    assert len(po) > 300


@pytest.mark.parametrize("language", ["vi", "ru", "en"])
def test_plural_forms_match_the_language(language):
    po = catalogue(language)
    header = po.metadata["Plural-Forms"]
    assert header.startswith(f"nplurals={PLURAL_FORMS[language]};")
    for entry in po:
        if entry.msgid_plural:
            forms = [entry.msgstr_plural.get(n, "") for n in range(PLURAL_FORMS[language])]
            assert all(forms), entry.msgid


@pytest.mark.parametrize("language", ["vi", "ru"])
def test_translations_keep_the_placeholders(language):
    for entry in catalogue(language):
        expected = set(PLACEHOLDER.findall(entry.msgid_plural or entry.msgid))
        for text in entry.msgstr_plural.values() if entry.msgid_plural else [entry.msgstr]:
            assert set(PLACEHOLDER.findall(text)) == expected, entry.msgid


def test_russian_counts_take_the_right_form():
    with translation.override("ru"):
        found = [
            translation.ngettext("%(counter)s article found", "%(counter)s articles found", n)
            % {"counter": n}
            for n in (1, 3, 5, 21, 112)
        ]
    assert found == [
        "Найдена 1 статья",
        "Найдено 3 статьи",
        "Найдено 5 статей",
        "Найдена 21 статья",
        "Найдено 112 статей",
    ]
