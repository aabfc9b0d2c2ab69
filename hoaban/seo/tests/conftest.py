from pathlib import Path

import pytest
from lxml import etree
from wagtail.models import Locale

SCHEMAS = Path(__file__).parent / "schemas"


def load_schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture(scope="session")
def urlset_schema():
    return load_schema("urlset-with-extensions.xsd")


@pytest.fixture(scope="session")
def index_schema():
    return load_schema("siteindex.xsd")


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
