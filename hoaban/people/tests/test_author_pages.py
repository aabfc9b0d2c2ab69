"""A reporter's page and feeds in each edition, and the bylines and JSON-LD that link to them."""

import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import etree
from wagtail.images.tests.utils import get_test_image_file_jpeg

from hoaban.images.models import NewsImage
from hoaban.people.models import Person
from hoaban.testing import translate


@pytest.fixture
def reporter(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = NewsImage.objects.create(
        title="Chân dung phóng viên Quang Hưng",
        file=get_test_image_file_jpeg("quang-hung.jpg", size=(600, 800)),
    )
    return Person.objects.create(name="Quang Hưng", role="Phóng viên", photo=photo)


def json_ld(page_html: str) -> dict:
    found = re.search(r'<script type="application/ld\+json">(.*?)</script>', page_html, re.S)
    return json.loads(found.group(1))


def test_a_new_person_gets_an_address_from_the_name_without_diacritics(db):
    assert Person.objects.create(name="Lò Thị Mai").slug == "lo-thi-mai"
    assert Person.objects.create(name="Lò Thị Mái").slug == "lo-thi-mai-2"


def test_renaming_keeps_the_address(db):
    person = Person.objects.create(name="Lò Thị Mai")
    person.name = "Lò Thị Mai Anh"
    person.save()
    assert Person.objects.get(pk=person.pk).slug == "lo-thi-mai"


def test_author_page_shows_photo_role_and_the_reporters_articles_of_the_edition(
    client, news_site, reporter
):
    news_site.article("news", title="Mùa hoa ban nở trắng núi rừng Tây Bắc", author=reporter)
    other = Person.objects.create(name="Lò Thị Mai")
    news_site.article("news", title="Chợ phiên Tủa Chùa ngày cuối năm", author=other)

    response = client.get("/vi/authors/quang-hung/")

    assert response.status_code == 200
    page = response.content.decode()
    assert "<h1>Quang Hưng</h1>" in page
    assert '<p class="author__role">Phóng viên</p>' in page
    assert 'class="author__photo"' in page
    assert "Mùa hoa ban nở trắng núi rừng Tây Bắc" in page
    assert "Chợ phiên Tủa Chùa" not in page
    assert 'href="/vi/feeds/authors/quang-hung/rss.xml"' in page
    profile = next(item for item in json_ld(page)["@graph"] if item["@type"] == "ProfilePage")
    assert profile["mainEntity"]["name"] == "Quang Hưng"
    assert profile["url"].endswith("/vi/authors/quang-hung/")


def test_unknown_author_is_not_found(client, news_site):
    assert client.get("/vi/authors/khong-co-ai/").status_code == 404
    assert client.get("/vi/feeds/authors/khong-co-ai/rss.xml").status_code == 404


def test_author_page_lists_twenty_a_page_and_is_not_found_past_the_last(
    client, news_site, reporter
):
    for number in range(21):
        news_site.article("news", title=f"Phóng sự Mường Nhé số {number}", author=reporter)

    first = client.get("/vi/authors/quang-hung/").content.decode()
    second = client.get("/vi/authors/quang-hung/?page=2").content.decode()

    assert first.count('class="card__title"') == 20
    assert second.count('class="card__title"') == 1
    assert "Phóng sự Mường Nhé số 20<" in second
    assert client.get("/vi/authors/quang-hung/?page=3").status_code == 404


def count_queries(client, url):
    client.get(url)  # warm the renditions and the sites' root paths
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


@pytest.mark.usefixtures("uncached_renders")
def test_author_page_query_count_does_not_grow_with_the_archive(client, news_site, reporter):
    for index in range(2):
        news_site.article(["news", "business"][index % 2], author=reporter)
    few = count_queries(client, "/vi/authors/quang-hung/")
    for index in range(25):
        news_site.article(["news", "business", "culture"][index % 3], author=reporter)
    assert count_queries(client, "/vi/authors/quang-hung/") == few


@pytest.mark.usefixtures("uncached_renders")
def test_author_page_costs_no_more_queries_than_a_section_page(client, news_site, reporter):
    for _index in range(25):
        news_site.article("news", author=reporter)
    section = count_queries(client, news_site.sections["news"].url)
    # The home's own lists (lead story, section blocks) are not loaded for its sub-pages; the
    # reporter costs one query and their photo one for its renditions.
    assert count_queries(client, "/vi/authors/quang-hung/") <= section + 2


def test_author_page_of_each_edition_lists_that_editions_translations(
    client, news_site, english_edition, reporter
):
    article = news_site.article("news", title="Lễ hội hoa ban 2026", author=reporter)
    translate(article, "en", title="Hoa Ban Festival 2026", slug="hoa-ban-festival-2026")

    english = client.get("/en/authors/quang-hung/").content.decode()

    assert "Hoa Ban Festival 2026" in english
    assert "Lễ hội hoa ban 2026" not in english
    # The role was typed once, in Vietnamese: said so to screen readers and validators.
    assert '<p class="author__role" lang="vi">Phóng viên</p>' in english


def test_byline_links_to_the_authors_page_and_json_ld_gives_its_url(client, news_site, reporter):
    article = news_site.article("news", title="Đường lên bản Phì Nhừ", author=reporter)

    page = client.get(article.url).content.decode()

    assert '<a rel="author" href="/vi/authors/quang-hung/">Quang Hưng</a>' in page
    news = next(item for item in json_ld(page)["@graph"] if item["@type"] == "NewsArticle")
    assert news["author"][0]["name"] == "Quang Hưng"
    assert news["author"][0]["url"].endswith("/vi/authors/quang-hung/")
    assert news["author"][0]["url"].startswith("http")


def test_own_byline_links_to_the_author_named_with_it(client, news_site, reporter):
    article = news_site.article(
        "news", title="Đêm xòe Thái", author=reporter, byline="Quang Hưng - Lò Thị Mai"
    )
    page = client.get(article.url).content.decode()
    assert 'href="/vi/authors/quang-hung/">Quang Hưng - Lò Thị Mai</a>' in page


def test_article_without_author_has_no_author_link(client, news_site):
    article = news_site.article("news", title="Thông báo của Ban biên tập", byline="Ban biên tập")
    page = client.get(article.url).content.decode()
    assert '<p class="byline">Ban biên tập</p>' in page
    assert 'rel="author"' not in page


def test_author_feed_lists_the_reporters_articles_with_the_name_as_title(
    client, news_site, reporter
):
    news_site.article("news", title="Mùa hoa ban nở trắng núi rừng Tây Bắc", author=reporter)
    news_site.article("news", title="Bài của người khác")

    rss = etree.fromstring(client.get("/vi/feeds/authors/quang-hung/rss.xml").content)
    atom = client.get("/vi/feeds/authors/quang-hung/atom.xml")

    assert rss.findtext("channel/title").startswith("Quang Hưng")
    assert rss.findtext("channel/link").endswith("/vi/authors/quang-hung/")
    assert [item.findtext("title") for item in rss.iterfind("channel/item")] == [
        "Mùa hoa ban nở trắng núi rừng Tây Bắc"
    ]
    assert atom.status_code == 200
    assert "Mùa hoa ban nở trắng núi rừng Tây Bắc" in atom.content.decode()
