import pytest
from wagtail.images.tests.utils import get_test_image_file_jpeg
from wagtail.models import Locale

from hoaban.images.models import NewsImage


@pytest.fixture
def photo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return NewsImage.objects.create(
        title="Đoàn công tác tỉnh Điện Biên tại Saint Petersburg",
        caption="Lễ ký kết thỏa thuận hợp tác",
        file=get_test_image_file_jpeg("dien-bien.jpg", size=(1600, 1000)),
    )


@pytest.fixture
def english_edition(news_site):
    """English translations of the home page and the news section, published."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = news_site.home.copy_for_translation(english)
    home.title = "Dien Bien Phu Newspaper"
    home.save_revision().publish()
    section = news_site.sections["news"].copy_for_translation(english)
    section.title = "News - Politics"
    section.save_revision().publish()
    return home, section.specific
