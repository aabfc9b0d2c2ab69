"""What readers of each edition see of a tag: its page, the links to it, the switcher, feeds,
JSON-LD and the API, all with the edition's name and slug."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree, html
from taggit.models import Tag

from hoaban.tagging.models import TagName

from .conftest import name


def switcher(page_html: str) -> dict:
    nav = re.search(r'<nav class="languages".*?</nav>', page_html, re.S).group(0)
    return {code: url for url, code in re.findall(r'href="([^"]+)" lang="(\w+)"', nav)}


def head_links(page_html: str) -> dict:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', page_html))


def test_english_tag_page_has_the_english_name_at_the_english_slug(client, tourism_story):
    article, english = tourism_story
    response = client.get("/en/tags/tourism/")
    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Tourism</h1>" in page
    assert "Tourist routes from Russia to Điện Biên Phủ" in page
    assert "Du lịch" not in page
    vietnamese = client.get("/vi/tags/du-lich/").content.decode()
    assert "<h1>Du lịch</h1>" in vietnamese
    assert "Mở tuyến du lịch từ Nga đến Điện Biên Phủ" in vietnamese


def test_other_addresses_of_the_tag_redirect_for_good_to_the_editions(client, tourism_story):
    for url, target in [
        ("/en/tags/du-lich/", "/en/tags/tourism/"),
        ("/en/tags/turizm/?page=2", "/en/tags/tourism/?page=2"),
        ("/ru/tags/tourism/", "/ru/tags/turizm/"),
        ("/vi/tags/tourism/", "/vi/tags/du-lich/"),
    ]:
        response = client.get(url)
        assert response.status_code == 301, url
        assert response["Location"] == target


def test_unknown_or_unreadable_tag_is_not_found(client, tourism_story, editions):
    draft = editions.article("news", title="Bản nháp về Mường Chà", publish=False)
    draft.tags.add("Mường Chà")
    draft.save_revision()
    name(Tag.objects.get(name="Mường Chà"), "en", "Muong Cha district")
    assert client.get("/en/tags/khong-ton-tai/").status_code == 404
    assert client.get("/en/tags/muong-cha-district/").status_code == 404
    assert client.get("/en/tags/muong-cha/").status_code == 404


def test_tag_without_an_english_name_keeps_its_own(client, tourism_story):
    assert "<h1>Liên bang Nga</h1>" in client.get("/en/tags/lien-bang-nga/").content.decode()


def test_english_article_shows_and_links_its_tags_in_english(client, tourism_story):
    article, english = tourism_story
    page = client.get(english.url).content.decode()
    tags = re.search(r'<ul class="tags".*?</ul>', page, re.S).group(0)
    assert '<a href="/en/tags/tourism/">Tourism</a>' in tags
    assert '<a href="/en/tags/lien-bang-nga/">Liên bang Nga</a>' in tags
    assert "Du lịch" not in tags
    assert '<meta property="article:tag" content="Tourism">' in page


def test_english_article_json_ld_keywords_are_english(client, tourism_story):
    article, english = tourism_story
    tree = html.fromstring(client.get(english.url).content)
    graph = []
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        graph.extend(json.loads(script.text)["@graph"])
    (news_article,) = [item for item in graph if item["@type"] == "NewsArticle"]
    assert sorted(news_article["keywords"]) == ["Liên bang Nga", "Tourism"]


def test_switcher_and_hreflang_of_a_tag_page_use_each_editions_slug(client, tourism_story):
    page = client.get("/en/tags/tourism/").content.decode()
    assert switcher(page) == {
        "vi": "/vi/tags/du-lich/",
        "en": "/en/tags/tourism/",
        "ru": "/ru/tags/turizm/",
    }
    assert head_links(page) == {
        "vi": "http://testserver/vi/tags/du-lich/",
        "x-default": "http://testserver/vi/tags/du-lich/",
        "en": "http://testserver/en/tags/tourism/",
        "ru": "http://testserver/ru/tags/turizm/",
    }
    assert '<link rel="canonical" href="http://testserver/en/tags/tourism/">' in page


def test_tag_feed_is_titled_and_linked_in_the_edition(client, tourism_story):
    response = client.get("/en/feeds/tags/tourism/rss.xml")
    assert response.status_code == 200
    channel = etree.fromstring(response.content).find("channel")
    assert channel.findtext("title").startswith("Tourism – ")
    assert channel.findtext("link") == "http://testserver/en/tags/tourism/"
    (item,) = channel.findall("item")
    assert item.findtext("title") == "Tourist routes from Russia to Điện Biên Phủ"
    categories = [category.text for category in item.findall("category")]
    assert sorted(categories[1:]) == ["Liên bang Nga", "Tourism"]
    moved = client.get("/en/feeds/tags/du-lich/atom.xml")
    assert moved.status_code == 301
    assert moved["Location"] == "/en/feeds/tags/tourism/atom.xml"


def test_api_names_tags_in_each_articles_edition_and_filters_by_either_slug(client, tourism_story):
    article, english = tourism_story
    items = client.get("/api/v1/articles/?fields=id,tags").json()["items"]
    assert {item["id"]: sorted(item["tags"]) for item in items} == {
        article.pk: ["Du lịch", "Liên bang Nga"],
        english.pk: ["Liên bang Nga", "Tourism"],
    }
    for query in ("locale=en&tag=tourism", "locale=en&tag=du-lich"):
        found = client.get(f"/api/v1/articles/?fields=id&{query}").json()["items"]
        assert [item["id"] for item in found] == [english.pk], query
    assert client.get("/api/v1/articles/?locale=vi&tag=tourism").json()["count"] == 0


@pytest.mark.usefixtures("uncached_renders")
def test_tag_page_cost_does_not_grow_with_its_names_or_articles(client, tourism_story, editions):
    client.get("/en/tags/tourism/")
    with CaptureQueriesContext(connection) as few:
        client.get("/en/tags/tourism/")
    tourism = Tag.objects.get(name="Du lịch")
    TagName.objects.filter(tag=tourism, locale__language_code="ru").delete()
    name(tourism, "ru", "Путешествия")
    for number in range(5):
        editions.article("news", title=f"Du lịch Mường Phăng {number}", tags=["Du lịch"])
    client.get("/en/tags/tourism/")  # publishing clears cached site paths; warm again
    with CaptureQueriesContext(connection) as many:
        client.get("/en/tags/tourism/")
    assert len(many) == len(few)


@pytest.mark.usefixtures("uncached_renders")
def test_article_page_costs_no_query_for_its_tags_names(client, tourism_story):
    article, english = tourism_story
    client.get(english.url)
    with CaptureQueriesContext(connection) as named:
        client.get(english.url)
    TagName.objects.all().delete()
    client.get(english.url)
    with CaptureQueriesContext(connection) as unnamed:
        client.get(english.url)
    assert len(named) == len(unnamed)
