"""Two sites of one install (the newspaper, the default site, and the national platform), with the
same paths: each change is purged on the site that shows it, from the page store and Varnish."""

from urllib.parse import urlsplit

import pytest
from django.http import HttpResponse

from hoaban.core import events
from hoaban.core.models import NewsroomSettings
from hoaban.core.public_url import page_location
from hoaban.pagecache import store
from hoaban.people.models import Person
from hoaban.testing import build_site

from .conftest import only, proxy_at

NEWSPAPER = "testserver"  # the default site, at PUBLIC_BASE_URL
PLATFORM = "nentang.test"


@pytest.fixture
def platform(news_site):
    return build_site(hostname=PLATFORM, title="Nền tảng Điện Biên")


def path(page) -> str:
    return page_location(page)[1]


def get(client, host, url):
    return client.get(url, HTTP_HOST=host)


def test_a_publish_on_the_platform_purges_the_platforms_urls_only(news_site, platform, purges):
    article = platform.article("news", title="Mường Nhé đón đoàn công tác của nền tảng")

    urls = only(purges, events.PagePublished).urls
    assert {urlsplit(url).netloc for url in urls} == {PLATFORM}
    assert {
        f"http://{PLATFORM}{path(article)}",
        f"http://{PLATFORM}/vi/",
        f"http://{PLATFORM}{path(platform.sections['news'])}",
        f"http://{PLATFORM}/vi/feeds/rss.xml",
        f"http://{PLATFORM}/sitemap.xml",
        f"http://{PLATFORM}/api/v1/articles/{article.pk}/",
    } <= urls


def test_a_video_story_purges_its_own_sites_video_listing_not_the_others(
    news_site, platform, purges
):
    article = platform.article(
        "news",
        title="Video: Lễ hội Hoa Ban trên nền tảng",
        video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    )

    urls = only(purges, events.PagePublished).urls
    assert f"http://{PLATFORM}{path(platform.sections['videos'])}" in urls
    assert not any(urlsplit(url).netloc == NEWSPAPER for url in urls)
    assert article.is_video


def test_a_person_renamed_is_purged_on_every_site_showing_their_page(news_site, platform, purges):
    reporter = Person.objects.create(name="Lò Thị Hoa", slug="lo-thi-hoa")
    purges.clear()

    reporter.name = "Lò Thị Hoa (phóng viên)"
    reporter.save()

    urls = only(purges, events.PersonChanged).urls
    assert {
        f"http://{NEWSPAPER}/vi/authors/lo-thi-hoa/",
        f"http://{PLATFORM}/vi/authors/lo-thi-hoa/",
        f"http://{PLATFORM}/vi/feeds/authors/lo-thi-hoa/rss.xml",
    } <= urls


def test_a_tag_renamed_is_purged_on_every_site_with_that_edition(news_site, platform, purges):
    article = platform.article("news", title="Cà phê Mường Ảng", tags=["Cà phê"])
    tag = article.tags.get()
    purges.clear()

    tag.name, tag.slug = "Cà phê Mường Ảng", "ca-phe-muong-ang"
    tag.save()

    purge = only(purges, events.TagChanged)
    assert {f"http://{host}/vi/tags/ca-phe/" for host in (NEWSPAPER, PLATFORM)} <= purge.urls
    assert purge.page_ids == {article.pk}


def test_settings_saved_on_one_site_forget_that_sites_pages_only(
    client, news_site, platform, purges, django_capture_on_commit_callbacks
):
    for host in (NEWSPAPER, PLATFORM):
        assert get(client, host, "/vi/")["X-Page-Cache"] == "miss"
    settings = NewsroomSettings.for_site(platform.home.get_site())

    settings.publisher_name = "Nền tảng thông tin Điện Biên"
    with django_capture_on_commit_callbacks(execute=True):
        settings.save()

    assert only(purges, events.SiteChanged).whole_sites == {f"http://{PLATFORM}"}
    assert get(client, PLATFORM, "/vi/")["X-Page-Cache"] == "miss"
    assert get(client, NEWSPAPER, "/vi/")["X-Page-Cache"] == "hit"


def test_the_same_path_on_two_sites_is_stored_and_served_apart(client, news_site, platform):
    newspaper_home = get(client, NEWSPAPER, "/vi/")
    platform_home = get(client, PLATFORM, "/vi/")

    assert "Nền tảng Điện Biên" in platform_home.content.decode()
    assert newspaper_home.content != platform_home.content
    again = {host: get(client, host, "/vi/") for host in (NEWSPAPER, PLATFORM)}
    assert again[NEWSPAPER]["X-Page-Cache"] == again[PLATFORM]["X-Page-Cache"] == "hit"
    assert again[NEWSPAPER].content == newspaper_home.content
    assert again[PLATFORM].content == platform_home.content


def test_a_publish_on_one_site_renews_its_page_and_keeps_the_others_same_path(
    client, news_site, platform, django_capture_on_commit_callbacks
):
    for host in (NEWSPAPER, PLATFORM):
        get(client, host, "/vi/")

    with django_capture_on_commit_callbacks(execute=True):
        platform.article("news", title="Nền tảng đưa tin bầu cử ở Tủa Chùa")

    renewed = get(client, PLATFORM, "/vi/")
    kept = get(client, NEWSPAPER, "/vi/")
    assert renewed["X-Page-Cache"] == "miss"
    assert "Nền tảng đưa tin bầu cử ở Tủa Chùa" in renewed.content.decode()
    assert kept["X-Page-Cache"] == "hit"
    assert "Tủa Chùa" not in kept.content.decode()


def test_varnish_is_purged_with_the_host_of_the_site_that_changed(
    news_site, platform, settings, purge_listener, django_capture_on_commit_callbacks
):
    server, seen = purge_listener
    settings.WAGTAILFRONTENDCACHE = proxy_at(server.server_address[1])

    with django_capture_on_commit_callbacks(execute=True):
        article = platform.article("news", title="Điện Biên Đông mùa hoa mận")

    assert (PLATFORM, path(article)) in seen
    assert (PLATFORM, "/vi/") in seen
    assert {host for host, _ in seen} == {PLATFORM}


@pytest.mark.django_db
def test_an_alias_of_the_default_site_reads_its_tokens_and_the_platform_its_own(platform):
    # A host name no site has is the default site's (Wagtail routes it there): a purge on the
    # default site's address reaches a copy stored under an alias.
    for host in ("www.testserver:8000", PLATFORM):
        slot = store.Slot.for_request(host=host, path="/vi/", query="")
        slot.put(HttpResponse(f"Trang chủ {host}"), timeout=300)

    store.purge_urls([f"http://{NEWSPAPER}/vi/"])

    assert store.Slot.for_request(host="www.testserver:8000", path="/vi/", query="").get() is None
    kept = store.Slot.for_request(host=PLATFORM, path="/vi/", query="").get()
    assert kept.content.decode() == f"Trang chủ {PLATFORM}"


@pytest.mark.django_db
def test_a_site_added_later_gets_tokens_of_its_own(news_site, django_capture_on_commit_callbacks):
    store.Slot.for_request(host=NEWSPAPER, path="/vi/", query="")  # the store knows one site

    with django_capture_on_commit_callbacks(execute=True):
        build_site(hostname=PLATFORM, title="Nền tảng Điện Biên")
    for host in (NEWSPAPER, PLATFORM):
        slot = store.Slot.for_request(host=host, path="/vi/", query="")
        slot.put(HttpResponse(f"Trang chủ {host}"), timeout=300)
    store.purge_urls([f"http://{PLATFORM}/vi/"])

    assert store.Slot.for_request(host=PLATFORM, path="/vi/", query="").get() is None
    kept = store.Slot.for_request(host=NEWSPAPER, path="/vi/", query="").get()
    assert kept.content.decode() == f"Trang chủ {NEWSPAPER}"


def test_the_worker_purges_a_page_on_its_own_site_only(
    news_site, platform, settings, purge_listener
):
    # What a photo's new caption or a renamed reporter hands the worker, where no request says
    # which site is current: the same story at the same path on both sites, one of them changed.
    from hoaban.pagecache.tasks import purge_pages

    server, seen = purge_listener
    settings.WAGTAILFRONTENDCACHE = proxy_at(server.server_address[1])
    on_newspaper = news_site.article("news", title="Ảnh Mường Thanh")
    on_platform = platform.article("news", title="Ảnh Mường Thanh")
    assert path(on_newspaper) == path(on_platform)

    purge_pages.enqueue([on_platform.pk])

    assert (PLATFORM, path(on_platform)) in seen
    assert {host for host, _ in seen} == {PLATFORM}
