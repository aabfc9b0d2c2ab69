"""The page cache drops a reporter's page and feeds when what they show changes."""

import pytest

from hoaban.people.models import Person

from .conftest import warm

pytestmark = pytest.mark.news_site_per_module

AUTHOR_PAGE = "/vi/authors/lo-thi-mai/"
AUTHOR_FEED = "/vi/feeds/authors/lo-thi-mai/rss.xml"


def test_publishing_an_article_purges_its_authors_page_and_feed(
    client, news_site, page_cache, django_capture_on_commit_callbacks
):
    reporter = Person.objects.create(name="Lò Thị Mai")
    news_site.article("news", title="Bản Mển vào mùa cấy", author=reporter)
    warm(client, AUTHOR_PAGE, AUTHOR_FEED)

    with django_capture_on_commit_callbacks(execute=True):
        news_site.article("news", title="Nậm Pồ đón khách du lịch", author=reporter)

    for url in (AUTHOR_PAGE, AUTHOR_FEED):
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "Nậm Pồ đón khách du lịch" in response.content.decode()


def test_a_new_role_purges_the_authors_page(
    client, news_site, page_cache, django_capture_on_commit_callbacks
):
    reporter = Person.objects.create(name="Lò Thị Mai", role="Phóng viên")
    warm(client, AUTHOR_PAGE)

    reporter = Person.objects.get(pk=reporter.pk)
    reporter.role = "Phóng viên ảnh"
    with django_capture_on_commit_callbacks(execute=True):
        reporter.save()

    response = client.get(AUTHOR_PAGE)
    assert response["X-Page-Cache"] == "miss"
    assert "Phóng viên ảnh" in response.content.decode()


def test_handing_an_article_to_another_author_purges_the_old_authors_page(
    client, news_site, page_cache, django_capture_on_commit_callbacks
):
    mai = Person.objects.create(name="Lò Thị Mai")
    hung = Person.objects.create(name="Quang Hưng")
    article = news_site.article("news", title="Hang Thẩm Púa mùa khô", author=mai)
    warm(client, AUTHOR_PAGE, "/vi/authors/quang-hung/")

    article = article.specific.__class__.objects.get(pk=article.pk)
    article.author = hung
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    old = client.get(AUTHOR_PAGE)
    assert old["X-Page-Cache"] == "miss"
    assert "Hang Thẩm Púa mùa khô" not in old.content.decode()
    assert "Hang Thẩm Púa mùa khô" in client.get("/vi/authors/quang-hung/").content.decode()


def test_a_new_address_purges_every_article_linking_to_the_old_one(
    client, news_site, page_cache, django_capture_on_commit_callbacks
):
    reporter = Person.objects.create(name="Lò Thị Mai")
    article = news_site.article(
        "news", title="Xòe Thái đêm hội", author=reporter, byline="Nhóm phóng viên"
    )
    warm(client, article.url, AUTHOR_PAGE)

    reporter = Person.objects.get(pk=reporter.pk)
    reporter.slug = "mai-lo-thi"
    with django_capture_on_commit_callbacks(execute=True):
        reporter.save()

    page = client.get(article.url)
    assert page["X-Page-Cache"] == "miss"
    assert 'href="/vi/authors/mai-lo-thi/"' in page.content.decode()


def test_links_to_the_old_address_of_an_author_lead_to_the_new_one(client, news_site):
    reporter = Person.objects.create(name="Lò Thị Mai")

    reporter = Person.objects.get(pk=reporter.pk)
    reporter.slug = "mai-lo-thi"
    reporter.save()

    for old, new in (
        (AUTHOR_PAGE, "/vi/authors/mai-lo-thi/"),
        (AUTHOR_FEED, "/vi/feeds/authors/mai-lo-thi/rss.xml"),
    ):
        response = client.get(old)
        assert response.status_code == 301, old
        assert response["Location"] == new
    assert client.get("/vi/authors/mai-lo-thi/").status_code == 200

    reporter.slug = "lo-thi-mai"
    reporter.save()
    assert client.get(AUTHOR_PAGE).status_code == 200
