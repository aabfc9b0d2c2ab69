import pytest
from django.contrib.auth import get_user_model
from django.http import HttpResponse

from hoaban.pagecache import store
from hoaban.pagecache.middleware import is_cacheable_response


@pytest.fixture
def page_cache(settings):
    settings.HOABAN_PAGE_CACHE = True
    store.purge_all()


def test_article_for_anonymous_reader_sets_no_cookie_and_does_not_vary_on_cookie(client, news_site):
    article = news_site.article(title="Điện Biên ký kết hợp tác với Saint Petersburg")

    response = client.get(article.url)

    assert response.status_code == 200
    assert not response.cookies
    assert "cookie" not in response.get("Vary", "").lower()


def test_second_anonymous_request_is_answered_from_cache_without_queries(
    client, news_site, page_cache, django_assert_num_queries
):
    article = news_site.article(title="Khèn Mông làm quà tặng đoàn Saint Petersburg")
    first = client.get(article.url)

    with django_assert_num_queries(0):
        second = client.get(article.url)

    assert first["X-Page-Cache"] == "miss"
    assert second["X-Page-Cache"] == "hit"
    assert second.content == first.content
    assert second["Content-Type"] == first["Content-Type"]
    assert "public" in second["Cache-Control"] and "s-maxage=300" in second["Cache-Control"]


def test_a_draft_save_leaves_what_readers_get_alone(
    client, news_site, page_cache, django_capture_on_commit_callbacks
):
    article = news_site.article(title="Mường Phăng đón mùa hoa ban")
    client.get(article.url)
    client.get("/vi/")

    # An editor's draft, as the editor's autosave writes it: nothing readers see changes.
    article.title = "Mường Phăng đón mùa hoa ban (bản nháp)"
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision()

    for url in (article.url, "/vi/"):
        again = client.get(url)
        assert again["X-Page-Cache"] == "hit"
        assert "bản nháp" not in again.content.decode()


def test_editor_pages_are_neither_served_from_nor_stored_in_the_cache(
    client, news_site, page_cache
):
    article = news_site.article(title="Lễ hội Hoa Ban 2025")
    editor = get_user_model().objects.create_superuser("bientap", "bt@example.org", "x")
    client.get(article.url)
    client.force_login(editor)

    as_editor = client.get(article.url)
    client.logout()
    client.cookies.clear()
    as_reader = client.get(article.url)

    assert "X-Page-Cache" not in as_editor
    assert "private" in as_editor["Cache-Control"]
    assert as_reader["X-Page-Cache"] == "hit"
    assert b"wagtail-userbar" not in as_reader.content


def test_a_flash_message_cookie_bypasses_the_cache(client, news_site, page_cache):
    article = news_site.article()
    client.get(article.url)
    client.cookies["messages"] = "pending"

    response = client.get(article.url)

    assert "X-Page-Cache" not in response


def test_tracking_parameters_share_the_entry_and_other_parameters_bypass_it(
    client, news_site, page_cache, settings
):
    settings.HOABAN_PAGE_SIZE = 1
    news_site.article("news")
    news_site.article("news")
    section_url = news_site.sections["news"].url
    client.get(section_url)

    tracked = client.get(section_url + "?utm_source=zalo&fbclid=abc")
    searched = client.get(section_url + "?q=dien+bien")
    second_page = client.get(section_url + "?page=2")

    assert tracked["X-Page-Cache"] == "hit"
    assert "X-Page-Cache" not in searched
    assert second_page["X-Page-Cache"] == "miss"


def test_missing_pages_are_not_cached(client, news_site, page_cache):
    client.get("/vi/khong-co-trang-nay/")

    response = client.get("/vi/khong-co-trang-nay/")

    assert response.status_code == 404
    assert "X-Page-Cache" not in response


@pytest.mark.parametrize(
    "response_for",
    [
        lambda r: r.set_cookie("csrftoken", "abc"),
        lambda r: r.__setitem__("Vary", "Cookie"),
        lambda r: r.__setitem__("Cache-Control", "private"),
        lambda r: r.__setitem__("Cache-Control", "no-store"),
    ],
    ids=["sets-cookie", "varies-on-cookie", "private", "no-store"],
)
def test_responses_with_per_visitor_state_are_not_stored(response_for):
    response = HttpResponse("<p>Bình luận</p>")
    response_for(response)

    assert not is_cacheable_response(response)


def test_a_plain_page_response_is_stored():
    assert is_cacheable_response(HttpResponse("<p>Tin tức</p>"))
