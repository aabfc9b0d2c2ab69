from pathlib import Path

import pytest
from lxml import etree

SCHEMAS = Path(__file__).parent / "schemas"


def load_schema(name: str) -> etree.XMLSchema:
    return etree.XMLSchema(etree.parse(str(SCHEMAS / name)))


@pytest.fixture(scope="session")
def urlset_schema():
    return load_schema("urlset-with-extensions.xsd")


@pytest.fixture(scope="session")
def index_schema():
    return load_schema("siteindex.xsd")
