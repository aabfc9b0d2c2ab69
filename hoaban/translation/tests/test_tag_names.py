"""Machine translation of tag names along with the pages that carry them."""

import logging
from io import StringIO

import pytest
from django.core.management import call_command
from taggit.models import Tag
from wagtail.models import Locale

from hoaban.tagging.models import TagName
from hoaban.translation.services import translate_page, translate_tag_names
from hoaban.translation.tests.fake_servers import machine_text

pytestmark = pytest.mark.news_site_per_module


def tourism_story(news_site):
    return news_site.article(
        "news",
        title="Mở tuyến du lịch từ Nga đến Điện Biên Phủ",
        tags=["Du lịch", "Liên bang Nga"],
    )


def names(locale):
    return {
        name.tag.name: (name.name, name.slug, name.machine_translated)
        for name in TagName.objects.filter(locale=locale).select_related("tag")
    }


def test_translating_a_page_names_its_tags_in_the_target_edition_for_review(
    news_site, english, libretranslate
):
    translate_page(page=tourism_story(news_site), target_locale=english)
    assert names(english) == {
        "Du lịch": ("[en] Du lịch", "en-du-lich", True),
        "Liên bang Nga": ("[en] Liên bang Nga", "en-lien-bang-nga", True),
    }
    assert libretranslate.texts[-2:] == ["Du lịch", "Liên bang Nga"]
    assert libretranslate.requests[-1]["json"]["source"] == "vi"


def test_names_already_there_are_kept_and_not_sent_again(news_site, english, libretranslate):
    article = tourism_story(news_site)
    TagName.objects.create(tag=Tag.objects.get(name="Du lịch"), locale=english, name="Tourism")
    translate_page(page=article, target_locale=english)
    assert names(english)["Du lịch"] == ("Tourism", "tourism", False)
    assert "Du lịch" not in libretranslate.texts

    sent = len(libretranslate.texts)
    translate_page(page=article, target_locale=english)
    assert len(libretranslate.texts) == sent


def test_published_machine_translation_shows_the_machines_tag_names(
    client, news_site, english_edition, libretranslate
):
    translated = translate_page(
        page=tourism_story(news_site), target_locale=english_edition[0].locale, publish=True
    )
    html = client.get(translated.url).content.decode()
    assert f'<a href="/en/tags/en-du-lich/">{machine_text("Du lịch", "en")}</a>' in html


def test_a_failing_translator_leaves_the_page_translated_and_the_names_to_fall_back(
    news_site, english, libretranslate, caplog
):
    libretranslate.fail_after = 1  # the page's texts go through, then the server fails
    with caplog.at_level(logging.WARNING, logger="hoaban.translation.services"):
        translated = translate_page(page=tourism_story(news_site), target_locale=english)
    assert translated.get_latest_revision_as_object().title.startswith("[en] Mở tuyến du lịch")
    assert not TagName.objects.exists()
    assert "Tag names of page" in caplog.text
    assert "refused the request" in caplog.text


def test_a_tag_named_in_the_pages_edition_is_translated_from_that_name(
    news_site, english, russian, libretranslate
):
    article = tourism_story(news_site)
    tourism = Tag.objects.get(name="Du lịch")
    TagName.objects.create(tag=tourism, locale=english, name="Tourism")
    english_article = translate_page(page=article, target_locale=english)
    TagName.objects.filter(tag__name="Liên bang Nga").delete()
    libretranslate.requests.clear()
    translate_tag_names(page=english_article, target_locale=russian, translator=_configured())
    by_source = {
        request["json"]["source"]: request["json"]["q"] for request in libretranslate.requests
    }
    assert by_source == {"en": ["Tourism"], "vi": ["Liên bang Nga"]}
    assert names(russian) == {
        "Du lịch": ("[ru] Tourism", "ru-tourism", True),
        "Liên bang Nga": ("[ru] Liên bang Nga", "ru-lien-bang-nga", True),
    }


def test_the_main_edition_needs_no_names(news_site, english, libretranslate):
    english_article = translate_page(page=tourism_story(news_site), target_locale=english)
    libretranslate.requests.clear()
    vietnamese = Locale.objects.get(language_code="vi")
    assert (
        translate_tag_names(
            page=english_article, target_locale=vietnamese, translator=_configured()
        )
        == []
    )
    assert libretranslate.requests == []


def test_bulk_run_names_the_tags_of_articles_already_translated(news_site, english, libretranslate):
    tourism_story(news_site)
    call_command("translate_articles", "--to", "en", stdout=StringIO(), stderr=StringIO())
    TagName.objects.all().delete()  # as for articles translated before tags had names

    out = StringIO()
    call_command("translate_articles", "--to", "en", stdout=out, stderr=StringIO())
    assert "0 translated, 1 already up to date" in out.getvalue()
    assert set(names(english)) == {"Du lịch", "Liên bang Nga"}


def _configured():
    from hoaban.translation.backends import configured_translator

    return configured_translator()
