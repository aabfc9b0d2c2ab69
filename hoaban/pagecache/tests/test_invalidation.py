import pytest
from wagtail.models import Page

from hoaban.core import events
from hoaban.pagecache import store
from hoaban.pagecache.urlmap import page_urls

from .conftest import proxy_at

pytestmark = pytest.mark.news_site_per_module


@pytest.fixture
def page_cache(settings):
    settings.HOABAN_PAGE_CACHE = True
    store.purge_all()


@pytest.fixture
def warm(client):
    """Fetch URLs once so they are cached; returns a probe telling hit or miss afterwards."""

    def fetch(*urls):
        for url in urls:
            assert client.get(url).status_code == 200, url

    return fetch


def cache_state(client, url):
    return client.get(url)["X-Page-Cache"]


def test_publishing_purges_the_article_and_every_page_listing_it(
    client, news_site, page_cache, warm, django_capture_on_commit_callbacks
):
    article = news_site.article(
        "culture", title="Đoàn Điện Biên thăm Saint Petersburg", tags=["Điện Biên"]
    )
    article.topics.add(news_site.topic)
    article.video_url = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    article.save_revision().publish()
    home, section, videos = (
        news_site.home,
        news_site.sections["culture"],
        news_site.sections["videos"],
    )
    tag_url = home.url + "tags/dien-bien/"
    listings = [home.url, section.url, videos.url, news_site.topic.url, tag_url]
    feeds = "/vi/feeds/"
    listings += [
        feeds + "rss.xml",
        feeds + "atom.xml",
        f"{feeds}sections/{section.slug}/rss.xml",
        f"{feeds}topics/{news_site.topic.slug}/atom.xml",
        f"{feeds}tags/dien-bien/rss.xml",
    ]
    untouched = news_site.sections["business"].url
    warm(article.url, *listings, untouched)

    article.title = "Điện Biên và Saint Petersburg ký thỏa thuận hợp tác"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    for url in [article.url, *listings]:
        response = client.get(url)
        assert response["X-Page-Cache"] == "miss", url
        assert "ký thỏa thuận hợp tác" in response.content.decode(), url
    assert cache_state(client, untouched) == "hit"


def test_unpublishing_purges_the_article_and_its_listings(
    client, news_site, page_cache, warm, django_capture_on_commit_callbacks
):
    article = news_site.article("news", title="Phòng chống đuối nước trẻ em mùa lũ")
    warm(article.url, news_site.home.url, news_site.sections["news"].url)

    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()

    assert client.get(article.url).status_code == 404
    for url in (news_site.home.url, news_site.sections["news"].url):
        response = client.get(url)
        assert "Phòng chống đuối nước" not in response.content.decode(), url


def test_moving_purges_the_old_and_the_new_section(
    client, news_site, page_cache, warm, django_capture_on_commit_callbacks
):
    article = news_site.article("news", title="Hỗ trợ thí sinh khó khăn")
    news, business = news_site.sections["news"], news_site.sections["business"]
    old_url = article.url
    warm(old_url, news.url, business.url)

    with django_capture_on_commit_callbacks(execute=True):
        Page.objects.get(pk=article.pk).move(business, pos="last-child")

    assert "Hỗ trợ thí sinh" not in client.get(news.url).content.decode()
    assert "Hỗ trợ thí sinh" in client.get(business.url).content.decode()
    moved = client.get(old_url)
    assert moved.status_code == 301
    assert moved["Location"] == business.url + "ho-tro-thi-sinh-kho-khan/"


def test_an_approved_comment_purges_its_article_and_no_listing(
    client, news_site, page_cache, warm, django_capture_on_commit_callbacks
):
    article = news_site.article("news", title="Bình đẳng giới ở huyện Mường Chà")
    warm(article.url, news_site.sections["news"].url)

    with django_capture_on_commit_callbacks(execute=True):
        events.announce(events.CommentsChanged(article))

    assert cache_state(client, article.url) == "miss"
    assert cache_state(client, news_site.sections["news"].url) == "hit"


def test_purge_waits_for_the_commit(client, news_site, page_cache, warm):
    article = news_site.article("news", title="Vật liệu xây dựng khan hiếm")
    warm(article.url)

    events.announce(events.CommentsChanged(article))

    assert cache_state(client, article.url) == "hit"


def test_page_urls_of_an_article_cover_its_listings_and_tag_pages(news_site):
    article = news_site.article(
        "business", title="Tín dụng chính sách giảm nghèo", tags=["Tín dụng"]
    )

    urls = page_urls(article)

    expected = {article.full_url, news_site.sections["business"].full_url, news_site.home.full_url}
    assert expected <= urls
    assert news_site.home.full_url + "tags/tin-dung/" in urls
    assert news_site.sections["news"].full_url not in urls


def test_publishing_sends_purge_requests_for_the_page_and_its_listings_to_the_proxy(
    news_site, settings, purge_listener, django_capture_on_commit_callbacks
):
    server, seen = purge_listener
    settings.WAGTAILFRONTENDCACHE = proxy_at(server.server_port)
    article = news_site.article(
        "news", title="Sáp nhập Đài Phát thanh - Truyền hình", publish=False
    )

    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    paths = {path for _, path in seen}
    assert {article.url, news_site.sections["news"].url, news_site.home.url} <= paths
    # Purged at the public address readers (and so the proxy's cache keys) use.
    assert {host for host, _ in seen} == {"testserver"}
