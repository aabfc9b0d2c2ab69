from hoaban.people.models import Person

from .conftest import warm


def test_renaming_a_reporter_purges_the_articles_printing_the_name(
    client, news_site, page_cache, django_capture_on_commit_callbacks
):
    reporter = Person.objects.create(name="Quàng Thị Hường")
    bylined = news_site.article("news", title="Mùa hoa ban nở trắng núi rừng", author=reporter)
    own_byline = news_site.article(
        "news", title="Lễ hội hoa ban 2026", author=reporter, byline="Nhóm phóng viên"
    )
    feed = "/vi/feeds/rss.xml"
    warm(client, bylined.url, own_byline.url, feed)

    reporter = Person.objects.get(pk=reporter.pk)
    reporter.name = "Quàng Thị Hương"
    with django_capture_on_commit_callbacks(execute=True):
        reporter.save()

    page = client.get(bylined.url)
    assert page["X-Page-Cache"] == "miss"
    assert "Quàng Thị Hương" in page.content.decode()
    assert "Quàng Thị Hương" in client.get(feed).content.decode()
    # An article with a byline of its own does not print the name: left in the cache.
    assert client.get(own_byline.url)["X-Page-Cache"] == "hit"


def test_other_changes_to_a_person_purge_nothing(
    client, news_site, page_cache, django_capture_on_commit_callbacks
):
    reporter = Person.objects.create(name="Lò Văn Mừng")
    article = news_site.article("news", title="Đường lên bản Phì Nhừ", author=reporter)
    warm(client, article.url)

    reporter = Person.objects.get(pk=reporter.pk)
    reporter.role = "Phóng viên ảnh"
    with django_capture_on_commit_callbacks(execute=True):
        reporter.save()

    assert client.get(article.url)["X-Page-Cache"] == "hit"


def test_deleting_a_reporter_purges_the_articles_printing_the_name(
    client, news_site, page_cache, django_capture_on_commit_callbacks
):
    reporter = Person.objects.create(name="Giàng A Dế")
    article = news_site.article("news", title="Chợ phiên Tủa Chùa", author=reporter)
    warm(client, article.url)

    with django_capture_on_commit_callbacks(execute=True):
        reporter.delete()

    page = client.get(article.url)
    assert page["X-Page-Cache"] == "miss"
    assert "Giàng A Dế" not in page.content.decode()
