import pytest
from taggit.models import Tag
from wagtail.models import Locale

from hoaban.tagging.models import TagName
from hoaban.testing import translate


@pytest.fixture
def editions(news_site):
    """Vietnamese edition plus published English and Russian homes and News sections."""
    translate(news_site.home, "en", title="Điện Biên Phủ Newspaper")
    translate(news_site.home, "ru", title="Газета «Điện Biên Phủ»")
    translate(news_site.sections["news"], "en", title="News - Politics")
    translate(news_site.sections["news"], "ru", title="Новости - Политика")
    return news_site


@pytest.fixture
def tourism_story(editions):
    """A Vietnamese story tagged “Du lịch” and “Liên bang Nga”, with its English translation;
    “Du lịch” is named in English and Russian, “Liên bang Nga” in no other edition."""
    article = editions.article(
        "news",
        title="Mở tuyến du lịch từ Nga đến Điện Biên Phủ",
        tags=["Du lịch", "Liên bang Nga"],
    )
    english = translate(article, "en", title="Tourist routes from Russia to Điện Biên Phủ")
    tourism = Tag.objects.get(name="Du lịch")
    name(tourism, "en", "Tourism")
    name(tourism, "ru", "Туризм")
    return article, english


def name(tag, code, text, **fields):
    return TagName.objects.create(
        tag=tag, locale=Locale.objects.get(language_code=code), name=text, **fields
    )
