import pytest
from django.conf import settings
from django.core.cache import caches

from hoaban.testing import build_site


@pytest.fixture
def news_site(db):
    """A Vietnamese edition with sections and a topic, and a helper to add articles."""
    return build_site()


@pytest.fixture(autouse=True)
def _empty_caches():
    """Each test starts with empty caches: a shared Redis would otherwise carry entries
    (site root paths, pages) from an earlier test's database."""
    for alias in settings.CACHES:
        cache = caches[alias]
        if hasattr(cache, "delete_pattern"):
            cache.delete_pattern("*")  # only this process's key prefix
        else:
            cache.clear()
