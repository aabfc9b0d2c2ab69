import pytest
from wagtail.models import Locale

from hoaban.core.sites import site_of
from hoaban.republishing.services import RepublishError, republish
from hoaban.republishing.translations import reusable_locales, reuse_translation
from hoaban.testing import translate
from hoaban.translation.models import TranslationRecord

from .conftest import NEWSPAPER_URL, PLATFORM_HOST


@pytest.fixture
def story(news_site):
    return news_site.article(
        title="Điện Biên và Saint Petersburg ký thỏa thuận hợp tác",
        lead="Hai địa phương ký thỏa thuận về thương mại, khoa học và nhân văn.",
    )


@pytest.fixture
def english_story(story):
    return translate(
        story,
        "en",
        title="Điện Biên and Saint Petersburg sign a cooperation agreement",
        lead="The two localities sign an agreement on trade, science and the humanities.",
        slug="dien-bien-and-saint-petersburg-sign-a-cooperation-agreement",
    )


@pytest.fixture
def copy(story, platform, editor):
    return republish(original=story, section=platform.local, user=editor)


def test_the_copy_english_edition_starts_from_the_newspaper_translation(
    english_story, copy, platform, editor
):
    english = Locale.objects.get(language_code="en")
    assert reusable_locales(copy) == [english]

    translated = reuse_translation(copy=copy, locale=english, user=editor)

    assert not translated.live
    assert translated.translation_key == copy.translation_key
    assert site_of(translated) == platform.site
    # A draft: its text is in the revision the editor opens.
    translated = translated.get_latest_revision_as_object()
    assert (translated.title, translated.lead) == (english_story.title, english_story.lead)
    assert translated.slug == "dien-bien-and-saint-petersburg-sign-a-cooperation-agreement"
    assert translated.source_name == "Báo Điện Biên Phủ"
    assert translated.source_url == f"{NEWSPAPER_URL}/en/tin-tuc-chinh-tri/{english_story.slug}/"
    record = TranslationRecord.objects.get(page=translated)
    assert (record.reused_from_id, record.reused_from_publisher) == (
        english_story.pk,
        "Báo Điện Biên Phủ",
    )
    assert reusable_locales(copy) == []


def test_readers_are_told_whose_translation_the_copy_shows(
    english_story, english_platform, copy, editor, client
):
    english = Locale.objects.get(language_code="en")
    translated = reuse_translation(copy=copy, locale=english, user=editor, publish=True)
    path = translated.get_url_parts()[2]

    response = client.get(path, HTTP_HOST=PLATFORM_HOST)

    assert response.status_code == 200
    text = response.content.decode()
    assert "Translation: Báo Điện Biên Phủ, English edition." in text
    assert "Translated by the newsroom." not in text


def test_an_edition_the_original_lacks_cannot_be_reused(copy, editor):
    russian = Locale.objects.get_or_create(language_code="ru")[0]

    with pytest.raises(RepublishError, match="Bản gốc chưa có bản tiếng Nga đã đăng"):
        reuse_translation(copy=copy, locale=russian, user=editor)
    assert copy.get_translation_or_none(russian) is None
