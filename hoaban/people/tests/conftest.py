import pytest

from hoaban.pagecache import store


@pytest.fixture
def page_cache(settings):
    settings.HOABAN_PAGE_CACHE = True
    store.purge_all()


def warm(client, *urls):
    """Each URL rendered once, then answered from the page cache."""
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss", url
        assert client.get(url)["X-Page-Cache"] == "hit", url
