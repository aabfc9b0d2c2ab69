import pytest

from hoaban.testing import build_site


@pytest.fixture
def news_site(db):
    """A Vietnamese edition with sections and a topic, and a helper to add articles."""
    return build_site()
