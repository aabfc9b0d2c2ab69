"""The read API behind the page cache, as production serves it: a withdrawn story leaves every
endpoint at once, and a cached answer keeps its ETag and still answers 304."""

import pytest
from wagtail.models import Page

from hoaban.pagecache import store

API = "/api/v1"


@pytest.fixture
def page_cache(settings):
    settings.HOABAN_PAGE_CACHE = True
    store.purge_all()


@pytest.fixture
def story(news_site):
    return news_site.article(
        "news",
        title="Điện Biên và Saint Petersburg ký thỏa thuận hợp tác",
        tags=["Hợp tác quốc tế"],
    )


def warm(client, *urls):
    for url in urls:
        assert client.get(url)["X-Page-Cache"] == "miss", url
        assert client.get(url)["X-Page-Cache"] == "hit", url


def listed(client, url="/api/v1/articles/"):
    return [item["id"] for item in client.get(url).json()["items"]]


def test_an_unpublished_story_leaves_the_api_detail_and_listings_at_once(
    client, news_site, story, page_cache, django_capture_on_commit_callbacks
):
    detail = f"{API}/articles/{story.pk}/"
    sections = f"{API}/sections/"
    warm(client, detail, f"{API}/articles/", sections)
    assert story.pk in listed(client)

    with django_capture_on_commit_callbacks(execute=True):
        story.unpublish()

    assert client.get(detail).status_code == 404
    assert story.pk not in listed(client)
    assert client.get(sections)["X-Page-Cache"] == "hit"  # no section changed


def test_a_moved_or_deleted_story_leaves_the_api_listing(
    client, news_site, story, page_cache, django_capture_on_commit_callbacks
):
    other = news_site.article("business", title="Vay vốn ưu đãi giúp hộ nghèo Mường Chà")
    warm(client, f"{API}/articles/")

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=other.pk).delete()

    assert listed(client) == [story.pk]


def test_a_cached_answer_keeps_its_etag_and_answers_304(client, story, page_cache):
    url = f"{API}/articles/{story.pk}/"
    rendered = client.get(url)
    cached = client.get(url)

    assert cached["X-Page-Cache"] == "hit"
    assert cached["ETag"] == rendered["ETag"]
    assert cached["Last-Modified"] == rendered["Last-Modified"]
    not_modified = client.get(url, HTTP_IF_NONE_MATCH=rendered["ETag"])
    assert not_modified.status_code == 304
    assert not_modified["ETag"] == rendered["ETag"]
    assert client.get(url, HTTP_IF_MODIFIED_SINCE=rendered["Last-Modified"]).status_code == 304
    assert client.get(url, HTTP_IF_NONE_MATCH='"another"').status_code == 200
