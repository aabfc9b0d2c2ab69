"""Reader-side editions: language prefixes, the switcher, head links, unpublished translations."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hoaban.testing import translate

HEADLINE = "Điện Biên và Saint Petersburg ký thỏa thuận hợp tác"


@pytest.fixture
def editions(news_site):
    """Vietnamese edition plus published English and Russian homes and News sections."""
    translate(news_site.home, "en", title="Dien Bien Phu Newspaper")
    translate(news_site.home, "ru", title="Газета Дьенбьенфу")
    translate(news_site.sections["news"], "en", title="News - Politics")
    translate(news_site.sections["news"], "ru", title="Новости - Политика")
    return news_site


def head_links(html: str) -> dict:
    return dict(re.findall(r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)">', html))


def switcher(html: str) -> dict:
    nav = re.search(r'<nav class="languages".*?</nav>', html, re.S).group(0)
    return {code: url for url, code in re.findall(r'href="([^"]+)" lang="(\w+)"', nav)}


def test_root_redirects_by_accept_language_and_defaults_to_vietnamese(client, editions):
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="ru-RU,ru;q=0.9")["Location"] == "/ru/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="en-GB,en;q=0.8")["Location"] == "/en/"
    assert client.get("/", HTTP_ACCEPT_LANGUAGE="de-DE")["Location"] == "/vi/"


def test_edition_without_a_home_does_not_show_vietnamese_pages(client, news_site):
    article = news_site.article("news", title=HEADLINE)
    assert client.get("/vi/").status_code == 200
    assert client.get("/en/").status_code == 404
    assert client.get(f"/ru/{news_site.sections['news'].slug}/{article.slug}/").status_code == 404


def test_each_edition_serves_its_own_home_with_its_html_lang(client, editions):
    english = client.get("/en/").content.decode()
    assert '<html lang="en">' in english
    assert ">News - Politics</a>" in english
    assert "Tin tức - Chính trị" not in english
    russian = client.get("/ru/").content.decode()
    assert '<html lang="ru">' in russian
    assert ">Новости - Политика</a>" in russian


def test_switcher_leads_to_the_translation_or_else_to_the_editions_home(client, editions):
    article = editions.article("news", title=HEADLINE)
    english = translate(article, "en", title="Điện Biên and Saint Petersburg sign an agreement")
    html = client.get(article.url).content.decode()
    links = switcher(html)
    assert links == {"vi": article.url, "en": english.url, "ru": "/ru/"}
    assert english.url.startswith("/en/")
    assert client.get(english.url).status_code == 200


def test_head_has_canonical_and_hreflang_for_live_translations_only(client, editions):
    article = editions.article("news", title=HEADLINE)
    english = translate(article, "en", title="Điện Biên and Saint Petersburg sign an agreement")
    translate(article, "ru", title="Дьенбьен и Санкт-Петербург", publish=False)
    html = client.get(english.url).content.decode()
    assert f'<link rel="canonical" href="http://testserver{english.url}">' in html
    assert head_links(html) == {
        "vi": f"http://testserver{article.url}",
        "x-default": f"http://testserver{article.url}",
        "en": f"http://testserver{english.url}",
    }


def test_tag_page_alternates_keep_the_tag_path_in_every_edition(client, editions):
    editions.article("news", title=HEADLINE, tags=["Điện Biên"])
    html = client.get("/en/tags/dien-bien/").content.decode()
    assert switcher(html)["vi"] == "/vi/tags/dien-bien/"
    assert switcher(html)["ru"] == "/ru/tags/dien-bien/"
    assert '<link rel="canonical" href="http://testserver/en/tags/dien-bien/">' in html


def test_unpublished_translation_is_neither_listed_nor_served(client, editions):
    article = editions.article("news", title=HEADLINE)
    draft = translate(article, "en", title="Agreement signed", publish=False)
    home = client.get("/en/").content.decode()
    assert "Agreement signed" not in home
    assert HEADLINE not in home
    assert draft.get_url().startswith("/en/")
    assert client.get(draft.get_url()).status_code == 404
    assert switcher(client.get(article.url).content.decode())["en"] == "/en/"


def test_untranslated_parent_copied_as_alias_stays_hidden(client, editions):
    """Translating an article before its section makes the section an alias of the Vietnamese
    one: the English edition must not list or serve that Vietnamese section."""
    article = editions.article("business", title="Vốn tín dụng chính sách giúp hộ nghèo")
    english = translate(article, "en", title="Policy credit helps poor households")
    section = english.get_parent()
    assert section.alias_of_id == editions.sections["business"].pk
    assert client.get(section.url).status_code == 404
    home = client.get("/en/").content.decode()
    assert "Kinh tế" not in home
    assert "Policy credit helps poor households" in home
    assert client.get(english.url).status_code == 200


def test_switcher_costs_the_same_queries_with_more_translations(client, editions):
    article = editions.article("news", title=HEADLINE)
    client.get(article.url)
    with CaptureQueriesContext(connection) as alone:
        client.get(article.url)
    translate(article, "en", title="Agreement signed")
    translate(article, "ru", title="Подписано соглашение")
    client.get(article.url)  # publishing cleared the caches (site root paths): warm them again
    with CaptureQueriesContext(connection) as translated:
        client.get(article.url)
    assert len(translated) == len(alone)


@pytest.mark.parametrize(
    ("prefix", "recent", "skip_link", "not_found"),
    [
        ("vi", "Tin mới", "Chuyển đến nội dung", "Không tìm thấy trang"),
        ("en", "Recent news", "Skip to content", "Page not found"),
        ("ru", "Последние новости", "Перейти к содержанию", "Страница не найдена"),
    ],
)
def test_interface_text_is_in_the_editions_language(
    client, editions, prefix, recent, skip_link, not_found
):
    html = client.get(f"/{prefix}/").content.decode()
    assert f">{recent}</h2>" in html
    assert f">{skip_link}</a>" in html
    missing = client.get(f"/{prefix}/khong-co-trang-nay/")
    assert missing.status_code == 404
    assert f"<h1>{not_found}</h1>" in missing.content.decode()


@pytest.mark.django_db
def test_edition_filter_is_written_for_each_database_planner():
    from wagtail.models import Locale

    from hoaban.articles.models import ArticlePage
    from hoaban.core.visibility import in_edition

    vietnamese = Locale.objects.get(language_code="vi")
    sql = str(in_edition(ArticlePage.objects.all(), vietnamese).query)

    # SQLite must not see the locale index; PostgreSQL needs it to estimate the filter.
    if connection.vendor == "sqlite":
        assert '("wagtailcore_page"."locale_id" + 0)' in sql
    else:
        assert '"wagtailcore_page"."locale_id" IN' in sql
        assert "+ 0" not in sql
