import pytest
from django.core.management import call_command
from django.db import connection

from hoaban.articles.models import ArticlePage

pytestmark = pytest.mark.news_site_per_module

SUGGEST_URL = "/vi/search/suggest/"


@pytest.fixture
def titles(news_site):
    for title in [
        "Thúc đẩy bình đẳng giới ở huyện Mường Chà",
        "Trại hè “Về nguồn” tại Trường Tiểu học Võ Nguyên Giáp, xã Mường Phăng",
        "Tín dụng chính sách giúp hộ nghèo huyện Điện Biên",
    ]:
        news_site.article("news", title=title)
    return news_site


def test_suggestions_complete_the_last_word_as_it_is_typed(client, titles):
    response = client.get(SUGGEST_URL, {"q": "muong ch"})
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json"
    data = response.json()
    assert data["query"] == "muong ch"
    assert data["suggestions"] == [
        {
            "title": "Thúc đẩy bình đẳng giới ở huyện Mường Chà",
            "url": "/vi/tin-tuc-chinh-tri/thuc-day-binh-dang-gioi-o-huyen-muong-cha/",
        }
    ]
    both = client.get(SUGGEST_URL, {"q": "Mường"}).json()["suggestions"]
    assert len(both) == 2
    assert client.get(SUGGEST_URL, {"q": "ĐIỆN BI"}).json()["suggestions"][0]["title"] == (
        "Tín dụng chính sách giúp hộ nghèo huyện Điện Biên"
    )


def test_only_the_last_word_is_a_prefix(client, titles):
    assert len(client.get(SUGGEST_URL, {"q": "muon"}).json()["suggestions"]) == 2
    assert client.get(SUGGEST_URL, {"q": "muon cha"}).json()["suggestions"] == []
    assert client.get(SUGGEST_URL, {"q": "hộ nghè"}).json()["suggestions"][0]["title"] == (
        "Tín dụng chính sách giúp hộ nghèo huyện Điện Biên"
    )


def test_no_words_no_suggestions(client, titles):
    assert client.get(SUGGEST_URL, {"q": " ? "}).json()["suggestions"] == []


def test_rebuild_command_restores_a_lost_index_and_reports(client, titles):
    from wagtail.search.models import IndexEntry

    IndexEntry.objects.all().delete()
    assert client.get(SUGGEST_URL, {"q": "muong"}).json()["suggestions"] == []
    from io import StringIO

    out, err = StringIO(), StringIO()
    call_command("rebuild_search_index", stdout=out, stderr=err)
    assert "Indexed" in out.getvalue()
    assert "100%" in err.getvalue()
    assert len(client.get(SUGGEST_URL, {"q": "muong"}).json()["suggestions"]) == 2


@pytest.mark.skipif(connection.vendor != "sqlite", reason="the title index is SQLite's")
def test_title_index_follows_edits_and_deletions(client, titles):
    article = ArticlePage.objects.get(title="Thúc đẩy bình đẳng giới ở huyện Mường Chà")
    article.title = "Mường Chà đón Tết độc lập"
    article.save_revision().publish()
    suggested = client.get(SUGGEST_URL, {"q": "muong ch"}).json()["suggestions"]
    assert [s["title"] for s in suggested] == ["Mường Chà đón Tết độc lập"]
    assert client.get(SUGGEST_URL, {"q": "binh dang gi"}).json()["suggestions"] == []
    article.delete()
    assert client.get(SUGGEST_URL, {"q": "muong ch"}).json()["suggestions"] == []
    with connection.cursor() as cursor:
        # FTS5 compares the whole index with the index entries; it raises if they differ.
        cursor.execute(
            "INSERT INTO newssearch_title_autocomplete(newssearch_title_autocomplete, rank) "
            "VALUES ('integrity-check', 1)"
        )
