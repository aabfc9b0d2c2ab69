"""The search page speaks the edition's language: prompts, empty states, filters, errors."""

from html import unescape

import pytest

from hoaban.testing import translate

pytestmark = pytest.mark.news_site_per_module


@pytest.fixture
def editions(news_site):
    news_site.article("news", title="Điện Biên và Saint Petersburg ký thỏa thuận hợp tác")
    translate(news_site.home, "ru", title="Газета Дьенбьенфу")
    return news_site


def search_page(client, path, **query) -> str:
    response = client.get(path, query)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_vietnamese_search_page(client, editions):
    html = search_page(client, "/vi/search/")
    assert "Nhập vài từ, có dấu hoặc không dấu, để tìm tin." in html
    assert "<legend>Bộ lọc</legend>" in html
    assert "Từ ngày" in html and "Tất cả chuyên mục" in html
    html = search_page(client, "/vi/search/", q="khủng long")
    assert "Không tìm thấy bài viết nào phù hợp." in html
    assert "No articles match" not in html
    html = search_page(client, "/vi/search/", q="thỏa thuận")
    assert "Tìm thấy 1 bài viết" in html


def test_russian_search_page(client, editions):
    html = search_page(client, "/ru/search/")
    assert "Введите несколько слов, можно без диакритических знаков" in html
    # Dates, not languages: the admin uses "From" and "To" for translation pairs.
    assert "Дата с" in html and "Дата по" in html and "С языка" not in html
    html = search_page(client, "/ru/search/", q="динозавр")
    assert "По вашему запросу ничего не найдено." in html


def test_date_range_error_is_translated(client, editions):
    html = search_page(
        client, "/ru/search/", q="Điện Biên", date_from="2025-05-01", date_to="2025-01-01"
    )
    assert "Начальная дата не может быть позже конечной." in html
