"""Machine translation of the words of the photos a page shows, along with the page."""

import logging
import re

import pytest
from wagtail.images.tests.utils import get_test_image_file_jpeg

from hoaban.images.models import NewsImage, PhotoText
from hoaban.translation.services import translate_page
from hoaban.translation.tests.fake_servers import machine_text

pytestmark = pytest.mark.news_site_per_module


@pytest.fixture
def khen_story(news_site, settings, tmp_path):
    """A story with the khèn as lead photo and the Russian class in its body."""
    settings.MEDIA_ROOT = tmp_path
    khen = NewsImage.objects.create(
        title="Chiếc khèn Mông làm quà tặng",
        caption="Bí thư Tỉnh ủy Trần Quốc Cường tặng khèn cho đoàn.",
        file=get_test_image_file_jpeg("khen.jpg"),
    )
    lop_hoc = NewsImage.objects.create(
        title="Lớp học tiếng Nga ở Điện Biên", file=get_test_image_file_jpeg("lop.jpg")
    )
    article = news_site.article(
        "news",
        title="Điện Biên đón đoàn Saint Petersburg",
        lead_image=khen,
        body=[{"type": "image", "value": {"image": lop_hoc.pk, "caption": ""}}],
    )
    return article, khen, lop_hoc


def texts(locale):
    return {
        text.image.title: (text.alt, text.caption, text.machine_translated)
        for text in PhotoText.objects.filter(locale=locale).select_related("image")
    }


def test_translating_a_page_translates_its_photos_words_for_review(
    khen_story, english, libretranslate
):
    article, _khen, _lop_hoc = khen_story
    translate_page(page=article, target_locale=english)
    assert texts(english) == {
        "Chiếc khèn Mông làm quà tặng": (
            machine_text("Chiếc khèn Mông làm quà tặng", "en"),
            machine_text("Bí thư Tỉnh ủy Trần Quốc Cường tặng khèn cho đoàn.", "en"),
            True,
        ),
        "Lớp học tiếng Nga ở Điện Biên": (
            machine_text("Lớp học tiếng Nga ở Điện Biên", "en"),
            "",
            True,
        ),
    }


def test_an_editors_words_are_kept_and_nothing_is_sent_again(khen_story, english, libretranslate):
    article, khen, _lop_hoc = khen_story
    PhotoText.objects.create(image=khen, locale=english, alt="The Mông khèn, a gift")
    translate_page(page=article, target_locale=english)
    assert texts(english)["Chiếc khèn Mông làm quà tặng"] == ("The Mông khèn, a gift", "", False)
    assert "Chiếc khèn Mông làm quà tặng" not in libretranslate.texts
    sent = len(libretranslate.texts)
    translate_page(page=article, target_locale=english)
    assert len(libretranslate.texts) == sent


def test_a_translated_page_shows_the_machines_words(
    client, khen_story, english_edition, libretranslate
):
    article, _khen, _lop_hoc = khen_story
    translated = translate_page(page=article, target_locale=english_edition[0].locale, publish=True)
    html = client.get(translated.url).content.decode()
    assert f'alt="{machine_text("Chiếc khèn Mông làm quà tặng", "en")}"' in html
    figures = re.findall(r"<figure.*?</figure>", html, re.S)
    assert len(figures) == 2
    assert not [figure for figure in figures if 'lang="vi"' in figure]


def test_a_failing_translator_leaves_the_page_translated_and_the_photos_own_words(
    khen_story, english, libretranslate, caplog
):
    article, _khen, _lop_hoc = khen_story
    libretranslate.fail_after = 1  # the page's texts go through, then the server fails
    with caplog.at_level(logging.WARNING, logger="hoaban.translation.services"):
        translated = translate_page(page=article, target_locale=english)
    assert translated.get_latest_revision_as_object().title.startswith("[en] Điện Biên đón")
    assert not PhotoText.objects.exists()
    assert f"Photo texts of page {article.pk} not translated into en" in caplog.text
    assert "refused the request" in caplog.text
