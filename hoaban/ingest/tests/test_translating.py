"""Machine-translated drafts of imported articles, in the editions each source asks for.

The translator is the translation app's fake LibreTranslate server, which tags each text with
its target language ("[en] …").
"""

import logging

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, TranslationSource

from hoaban.articles.models import ArticlePage
from hoaban.ingest.models import ImportedItem, Source
from hoaban.ingest.pipeline import Syndicator
from hoaban.translation.models import TranslationRecord
from hoaban.translation.tests.fake_servers import FakeTranslationServer, machine_text

from .factories import feed_source

pytestmark = pytest.mark.news_site_per_module

CREDIT = "Tín dụng ưu đãi giúp hộ nghèo vươn lên"
PARTNERSHIP = "Tăng cường hợp tác giữa Điện Biên và Saint Petersburg"


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


@pytest.fixture
def editions(db):
    return {code: Locale.objects.get_or_create(language_code=code)[0] for code in ("en", "ru")}


@pytest.fixture
def translator(settings):
    server = FakeTranslationServer().start()
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
        "CLASS": "hoaban.translation.backends.http.LibreTranslate",
        "OPTIONS": {"LIBRETRANSLATE_URL": server.url, "API_KEY": "", "TIMEOUT": 5},
    }
    yield server
    server.stop()


def newspaper(news_site, portal, editions=()):
    source = feed_source(news_site, portal, "Báo Điện Biên Phủ", "baodienbienphu/atom.xml")
    source.translate_into.set(editions)
    return source


def run(source):
    syndicator = Syndicator()
    try:
        (summary,) = syndicator.run([source])
    finally:
        syndicator.fetcher.close()
    source.refresh_from_db()
    return summary


def test_each_import_gets_a_machine_translated_draft_in_the_chosen_editions(
    news_site, portal, editions, translator
):
    source = newspaper(news_site, portal, editions.values())
    summary = run(source)
    assert (summary.imported, summary.failed, summary.untranslated) == (2, 0, [])
    assert source.last_result == Source.Result.OK and source.last_error == ""

    for item in ImportedItem.objects.all():
        original = item.article
        assert not original.live and item.translation_error == ""
        for code, locale in editions.items():
            translated = ArticlePage.objects.get(
                translation_key=original.translation_key, locale=locale
            )
            assert not translated.live
            draft = translated.get_latest_revision_as_object()
            assert draft.title == machine_text(original.title, code)
            assert draft.source_url == original.source_url
    english = ArticlePage.objects.filter(locale=editions["en"])
    assert set(english.values_list("title", flat=True)) == {
        machine_text(CREDIT, "en"),
        machine_text(PARTNERSHIP, "en"),
    }
    # Every segment is marked as the machine's, so an editor knows what to check.
    kinds = StringTranslation.objects.values_list("translation_type", "tool_name").distinct()
    assert set(kinds) == {(StringTranslation.TRANSLATION_TYPE_MACHINE, "LibreTranslate")}


def test_editor_publishing_the_draft_records_a_reviewed_machine_translation(
    news_site, portal, editions, translator
):
    run(newspaper(news_site, portal, [editions["en"]]))
    original = ImportedItem.objects.get(title=CREDIT).article
    translated = ArticlePage.objects.get(
        translation_key=original.translation_key, locale=editions["en"]
    )
    assert not TranslationRecord.objects.filter(page=translated).exists()  # written on publish

    editor = get_user_model().objects.create_superuser("bientap", password="x")
    # The editor checks the draft in the translation editor and publishes it.
    reviewed = translated.get_latest_revision_as_object()
    reviewed.save_revision(user=editor).publish(user=editor)
    record = TranslationRecord.objects.get(page=translated)
    assert record.is_machine and record.machine_tool == "LibreTranslate"
    assert record.reviewed_by == editor


@pytest.mark.parametrize(
    ("breakdown", "reason"),
    [
        ("server error", "refused the request"),
        ("no translator", "No machine translator is configured"),
    ],
)
def test_failed_translation_keeps_the_import_and_is_recorded(
    settings, news_site, portal, editions, translator, caplog, breakdown, reason
):
    if breakdown == "server error":
        translator.mode = "error"
    else:
        settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = None
    source = newspaper(news_site, portal, editions.values())
    # Reasons are in the active language (the site's default is Vietnamese): read them in English.
    with translation.override("en"), caplog.at_level(logging.WARNING, "hoaban.ingest.translating"):
        summary = run(source)

    assert (summary.imported, summary.failed) == (2, 0)
    originals = ArticlePage.objects.filter(locale__language_code="vi")
    assert set(originals.values_list("title", flat=True)) == {CREDIT, PARTNERSHIP}
    assert not ArticlePage.objects.filter(locale__in=editions.values()).exists()
    assert {(f["language"], reason in f["reason"]) for f in summary.untranslated} == {
        ("en", True),
        ("ru", True),
    }
    assert len(summary.untranslated) == 4

    item = ImportedItem.objects.get(title=CREDIT)
    assert item.status == ImportedItem.Status.IMPORTED
    en_line, ru_line = item.translation_error.splitlines()
    assert en_line.startswith("en: ") and reason in en_line and ru_line.startswith("ru: ")
    assert source.last_result == Source.Result.UNTRANSLATED
    assert f"{item.url}: no en translation: " in source.last_error
    assert sum(record.levelno == logging.WARNING for record in caplog.records) == 4


def test_source_without_target_editions_gets_no_translation(
    news_site, portal, editions, translator
):
    summary = run(newspaper(news_site, portal))
    assert summary.imported == 2
    assert not translator.requests
    assert not ArticlePage.objects.exclude(locale__language_code="vi").exists()
    assert not TranslationSource.objects.exists()


def test_source_form_offers_the_editions_and_refuses_the_source_language(
    admin_client, news_site, editions
):
    add_url = reverse("wagtailsnippets_ingest_source:add")
    form = admin_client.get(add_url).content.decode()
    assert 'name="translate_into"' in form
    assert "để biên tập viên duyệt và xuất bản" in form

    vietnamese = Locale.objects.get(language_code="vi")
    data = {
        "name": "Cổng TTĐT tỉnh Điện Biên",
        "home_url": "https://dienbien.gov.vn/",
        "feed_url": "https://dienbien.gov.vn/rss.xml",
        "language": "vi",
        "default_section": news_site.sections["news"].pk,
        "fetch_every_minutes": "60",
        "active": "on",
        "translate_into": [vietnamese.pk, editions["en"].pk],
    }
    response = admin_client.post(add_url, data)
    assert response.status_code == 200
    assert "đã ở ngôn ngữ của nguồn" in response.content.decode()
    assert not Source.objects.exists()

    data["translate_into"] = [editions["en"].pk, editions["ru"].pk]
    assert admin_client.post(add_url, data).status_code == 302
    source = Source.objects.get()
    assert set(source.translate_into.values_list("language_code", flat=True)) == {"en", "ru"}
