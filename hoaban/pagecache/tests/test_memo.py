from unittest import mock

import pytest
from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django_redis.cache import RedisCache
from wagtail.models import Site

from hoaban.core.models import NewsroomSettings
from hoaban.discussion.models import CommentSettings
from hoaban.images.tests.conftest import news_photo
from hoaban.pagecache import memo, store, watch
from hoaban.sections.models import SectionPage
from hoaban.testing import protect_with_password, translate


@pytest.fixture
def memo_on(settings):
    settings.HOABAN_MEMO_CACHE = True


@pytest.fixture
def counted():
    """A computation that says how often it ran."""
    calls = []

    def compute():
        calls.append(1)
        return len(calls)

    return compute


@pytest.mark.django_db
def test_a_value_is_computed_once_until_content_changes(
    memo_on, counted, django_capture_on_commit_callbacks
):
    assert memo.remembered(("test", 1), counted) == 1
    assert memo.remembered(("test", 1), counted) == 1
    assert memo.remembered(("test", 2), counted) == 2  # another key, its own value
    with django_capture_on_commit_callbacks(execute=True):
        memo.content_changed()
        # Not before the commit: a process reading now would see the old rows.
        assert memo.remembered(("test", 1), counted) == 1
    assert memo.remembered(("test", 1), counted) == 3


@pytest.mark.django_db
def test_wagtail_recording_a_photos_size_and_hash_changes_nothing_remembered(
    memo_on, counted, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.MEDIA_ROOT = tmp_path
    with django_capture_on_commit_callbacks(execute=True):
        photo = news_photo("Hoa ban nở trắng núi rừng Điện Biên")
    photo.file_size, photo.file_hash = None, ""
    memo.remembered(("test",), counted)
    with django_capture_on_commit_callbacks(execute=True):
        photo.get_file_size()  # Wagtail saves the size it measured, and nothing else
        photo.get_file_hash()
    assert memo.remembered(("test",), counted) == 1
    with django_capture_on_commit_callbacks(execute=True):
        photo.title = "Hoa ban Điện Biên"
        photo.save()
    assert memo.remembered(("test",), counted) == 2


def test_a_change_announced_by_another_process_is_seen(memo_on, counted):
    memo.remembered(("test",), counted)
    caches[store.ALIAS].set(store.CONTENT_VERSION_KEY, "written elsewhere", timeout=None)
    watch.settle(caches[store.ALIAS])  # as every writer of the version does
    assert memo.remembered(("test",), counted) == 2


def test_with_redis_the_version_is_read_only_after_a_change(memo_on, counted):
    pages = caches[store.ALIAS]
    memo.remembered(("test",), counted)  # creates the version: a write, which ends the watch
    memo.remembered(("test",), counted)
    with mock.patch.object(pages, "get_many", wraps=pages.get_many) as get_many:
        memo.remembered(("test",), counted)
    assert get_many.call_count == (0 if isinstance(pages, RedisCache) else 1)


def test_a_lost_version_token_costs_a_recomputation(memo_on, counted):
    memo.remembered(("test",), counted)
    caches[store.ALIAS].clear()
    watch.settle(caches[store.ALIAS])
    assert memo.remembered(("test",), counted) == 2


def test_values_expire_with_the_page_cache_time(memo_on, counted, settings):
    settings.HOABAN_PAGE_CACHE_SECONDS = 0
    memo.remembered(("test",), counted)
    assert memo.remembered(("test",), counted) == 2


def test_switched_off_it_computes_every_time(settings, counted):
    settings.HOABAN_MEMO_CACHE = False
    memo.remembered(("test",), counted)
    assert memo.remembered(("test",), counted) == 2


def rail_titles(client, article) -> str:
    html = client.get(article.url).content.decode()
    return html.split('class="recent-news"')[1].split("</section>")[0]


def menu(client, article) -> str:
    html = client.get(article.url).content.decode()
    return html.split('class="sections-nav"')[1].split("</nav>")[0]


def test_publishing_shows_the_story_in_every_rail_at_once(
    client, news_site, memo_on, django_capture_on_commit_callbacks
):
    reader = news_site.article("news", title="Mường Phăng đón khách du lịch")
    assert "Mường Phăng" not in rail_titles(client, reader)
    with django_capture_on_commit_callbacks(execute=True):
        news_site.article("culture", title="Lễ hội Hoa Ban Điện Biên năm 2026")
    assert "Lễ hội Hoa Ban Điện Biên năm 2026" in rail_titles(client, reader)
    # An article never lists itself, although the edition's rail is one remembered list.
    assert "Mường Phăng" not in rail_titles(client, reader)


def test_a_new_section_joins_the_menu_when_published(
    client, news_site, memo_on, django_capture_on_commit_callbacks
):
    reader = news_site.article("news")
    assert "Thể thao" not in menu(client, reader)
    with django_capture_on_commit_callbacks(execute=True):
        section = SectionPage(title="Thể thao", show_in_menus=True, locale=news_site.home.locale)
        news_site.home.add_child(instance=section)
        section.save_revision().publish()
    assert "Thể thao" in menu(client, reader)


def test_a_section_made_private_leaves_the_rails_and_its_pages_leave_the_page_cache(
    client, news_site, memo_on, settings, django_capture_on_commit_callbacks
):
    settings.HOABAN_PAGE_CACHE = True
    store.purge_all()
    hidden = news_site.article("business", title="Ngân sách tỉnh Điện Biên chưa công bố")
    reader = news_site.article("news")
    assert "Ngân sách" in rail_titles(client, reader)
    client.get(hidden.url)
    assert client.get(hidden.url)["X-Page-Cache"] == "hit"
    with django_capture_on_commit_callbacks(execute=True):
        protect_with_password(news_site.sections["business"])
    response = client.get(hidden.url)
    assert response.get("X-Page-Cache") != "hit"
    assert "Ngân sách" not in response.content.decode()
    store.purge_all()
    assert "Ngân sách" not in rail_titles(client, reader)


def test_a_render_after_the_first_skips_the_edition_wide_queries(
    client, news_site, settings, django_capture_on_commit_callbacks
):
    first = news_site.article("news", tags=["Điện Biên"])
    second = news_site.article("culture", tags=["Điện Biên"])

    def queries_for(article) -> list[str]:
        client.get(first.url)  # the first render of the edition fills what may be kept
        with CaptureQueriesContext(connection) as captured:
            assert client.get(article.url).status_code == 200
        return [query["sql"] for query in captured]

    settings.HOABAN_MEMO_CACHE = False
    plain = queries_for(second)
    settings.HOABAN_MEMO_CACHE = True
    remembered = queries_for(second)
    assert len(remembered) <= len(plain) - 8
    # Privacy (Wagtail's check of the page and of every listing) and the active language come
    # from what is remembered too.
    assert sum("wagtailcore_pageviewrestriction" in sql for sql in plain) >= 2
    assert not any("wagtailcore_pageviewrestriction" in sql for sql in remembered)
    assert not any('FROM "wagtailcore_locale"' in sql for sql in remembered)
    # Routing, the menu, the labels and the rail find the sections among those remembered.
    assert not any("sections_sectionpage" in sql for sql in remembered)
    assert sum("sections_sectionpage" in sql for sql in plain) > 1


def test_the_front_page_lists_its_section_blocks_from_the_remembered_sections(
    client, news_site, memo_on
):
    news_site.article("business", title="Giá cà phê Điện Biên tăng mạnh")
    client.get("/vi/")
    with CaptureQueriesContext(connection) as captured:
        html = client.get("/vi/").content.decode()
    assert "Giá cà phê Điện Biên tăng mạnh" in html and "KINH TẾ" in html
    assert not any("sections_sectionpage" in query["sql"] for query in captured)


def test_a_site_changed_in_the_admin_is_seen_by_the_next_request(
    client, news_site, memo_on, django_capture_on_commit_callbacks
):
    article = news_site.article("news")
    assert client.get(article.url).status_code == 200
    site = Site.objects.get(is_default_site=True)
    with django_capture_on_commit_callbacks(execute=True):
        site.hostname, site.is_default_site = "tinbien.example", False
        site.save()
    assert client.get(article.url).status_code == 404
    assert client.get(article.url, HTTP_HOST="tinbien.example").status_code == 200


def test_the_sites_root_paths_are_read_once_until_content_changes(
    client, news_site, memo_on, monkeypatch, django_capture_on_commit_callbacks
):
    url = news_site.article("news", title="Điện Biên đón đoàn công tác Liên bang Nga").url
    reads = []
    read_root_paths = Site.get_site_root_paths
    monkeypatch.setattr(Site, "get_site_root_paths", lambda: reads.append(1) or read_root_paths())
    for _ in range(3):
        assert client.get(url).status_code == 200
    assert len(reads) == 1
    with django_capture_on_commit_callbacks(execute=True):
        news_site.article("culture")  # its purge reads them too, as Wagtail builds URLs
    reads.clear()
    for _ in range(2):
        assert client.get(url).status_code == 200
    assert len(reads) == 1


def test_the_memo_never_holds_more_than_its_bound(memo_on, counted, monkeypatch):
    monkeypatch.setattr(memo, "MAX_KEYS", 3)
    for number in range(10):
        memo.remembered(("test", number), counted)
    assert len(memo._remembered) <= 3
    assert memo.remembered(("test", 9), counted) == 10  # the newest is kept


def test_a_host_name_not_allowed_is_never_remembered(client, news_site, memo_on, settings):
    settings.ALLOWED_HOSTS = ["localhost"]
    article = news_site.article("news")
    assert client.get(article.url, HTTP_HOST="evil.example").status_code == 400
    assert not [key for key in memo._remembered if "evil.example" in key]


def test_site_settings_are_read_once_and_a_change_shows_on_the_next_page(
    client, news_site, memo_on, django_capture_on_commit_callbacks
):
    article = news_site.article("news")
    site = Site.objects.get(is_default_site=True)
    assert NewsroomSettings.for_site(site) is not NewsroomSettings.for_site(site)  # copies
    client.get(article.url)
    with CaptureQueriesContext(connection) as captured:
        client.get(article.url)
    assert not [q for q in captured if "core_newsroomsettings" in q["sql"]]
    assert not [q for q in captured if "discussion_commentsettings" in q["sql"]]
    with django_capture_on_commit_callbacks(execute=True):
        newsroom = NewsroomSettings.for_site(site)
        newsroom.publisher_name = "Báo Lai Châu"
        newsroom.save()
    assert "Báo Lai Châu" in client.get(article.url).content.decode()


def test_the_first_read_of_site_settings_keeps_what_is_remembered(
    news_site, memo_on, counted, django_capture_on_commit_callbacks
):
    site = Site.objects.get(is_default_site=True)
    memo.remembered(("test",), counted)
    with django_capture_on_commit_callbacks(execute=True):
        CommentSettings.for_site(site)  # creates the row, with the defaults pages show
    assert memo.remembered(("test",), counted) == 1


def test_a_restriction_reaches_the_translations_under_an_alias_of_its_page(
    client, news_site, memo_on, django_capture_on_commit_callbacks
):
    # The English article's section is an alias of the Vietnamese one: Wagtail applies the
    # source's restrictions there, and so must the remembered list of restricted places.
    english = translate(news_site.article("business"), "en", title="Provincial budget draft")
    assert client.get(english.url).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        protect_with_password(news_site.sections["business"])
    response = client.get(english.url)
    assert "Provincial budget draft" not in response.content.decode()
    assert 'name="password"' in response.content.decode()


def test_the_english_home_is_found_without_queries_for_the_language(client, news_site, memo_on):
    english_home = translate(news_site.home, "en", title="Dien Bien Phu Newspaper")
    client.get("/en/")
    with CaptureQueriesContext(connection) as captured:
        response = client.get("/en/")
    assert "Dien Bien Phu Newspaper" in response.content.decode()
    assert english_home.pk == response.context["page"].pk
    assert not any('FROM "wagtailcore_locale"' in query["sql"] for query in captured)
