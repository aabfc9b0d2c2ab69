"""Caches in front of readers drop a tag's pages at the addresses each edition uses."""

from taggit.models import Tag

from hoaban.pagecache import store
from hoaban.pagecache.urlmap import page_urls
from hoaban.tagging.models import TagName

from .conftest import name


def test_publishing_a_translation_purges_its_editions_tag_pages_and_feeds(tourism_story):
    article, english = tourism_story
    urls = page_urls(english)
    assert "http://testserver/en/tags/tourism/" in urls
    assert "http://testserver/en/tags/lien-bang-nga/" in urls
    assert "http://testserver/en/feeds/tags/tourism/rss.xml" in urls
    assert "http://testserver/en/feeds/tags/tourism/atom.xml" in urls
    assert not [url for url in urls if "tags/du-lich/" in url]
    assert "http://testserver/vi/tags/du-lich/" in page_urls(article)


def test_renaming_a_tag_purges_its_old_address_and_redirects_it_to_the_new(
    client, settings, tourism_story, django_capture_on_commit_callbacks
):
    settings.HOABAN_PAGE_CACHE = True
    store.purge_all()
    client.get("/en/tags/tourism/")
    client.get("/en/feeds/tags/tourism/rss.xml")
    assert client.get("/en/tags/tourism/")["X-Page-Cache"] == "hit"

    english = TagName.objects.get(slug="tourism")
    english.name, english.slug = "Travel", "travel"
    with django_capture_on_commit_callbacks(execute=True):
        english.save()

    for old, new in [
        ("/en/tags/tourism/", "/en/tags/travel/"),
        ("/en/feeds/tags/tourism/rss.xml", "/en/feeds/tags/travel/rss.xml"),
    ]:
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new
    assert "<h1>Travel</h1>" in client.get("/en/tags/travel/").content.decode()

    english.name, english.slug = "Tourism", "tourism"
    with django_capture_on_commit_callbacks(execute=True):
        english.save()
    assert client.get("/en/tags/tourism/").status_code == 200
    assert client.get("/en/tags/travel/")["Location"] == "/en/tags/tourism/"


def test_naming_a_tag_in_an_edition_purges_the_address_it_had(
    client, settings, tourism_story, django_capture_on_commit_callbacks
):
    settings.HOABAN_PAGE_CACHE = True
    store.purge_all()
    assert "<h1>Liên bang Nga</h1>" in client.get("/en/tags/lien-bang-nga/").content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        name(Tag.objects.get(name="Liên bang Nga"), "en", "Russian Federation")
    moved = client.get("/en/tags/lien-bang-nga/")
    assert moved.status_code == 301
    assert moved["Location"] == "/en/tags/russian-federation/"
