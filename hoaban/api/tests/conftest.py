import pytest
from wagtail.models import Locale


@pytest.fixture
def english_edition(news_site):
    """English translations of the home page and the news section, published."""
    english = Locale.objects.get_or_create(language_code="en")[0]
    home = news_site.home.copy_for_translation(english)
    home.save_revision().publish()
    section = news_site.sections["news"].copy_for_translation(english)
    section.title = "News - Politics"
    section.save_revision().publish()
    return home, section.specific
