"""Russian and English searches find every inflected form of a word; Vietnamese stays as it
was (folded, not stemmed)."""

from io import StringIO

import pytest
from django.core.management import call_command
from wagtail.search.query import Or

from hoaban.articles.models import ArticlePage
from hoaban.search.folding import fold
from hoaban.search.highlight import highlight
from hoaban.search.query import parse
from hoaban.search.stemming import stem_text
from hoaban.testing import translate


def found_titles(response) -> set[str]:
    assert response.status_code == 200
    results = response.context["results"]
    return {article.title for article in results.object_list} if results else set()


@pytest.fixture
def russian_edition(news_site):
    stories = [
        (
            "Điện Biên và Saint Petersburg ký thỏa thuận hợp tác",
            "Петербург и Дьенбьен подписали соглашение о сотрудничестве",
            "Делегация провинции Дьенбьен подписала соглашение в Смольном.",
        ),
        (
            "Học sinh Điện Biên sang Nga du học",
            "Студенты из Дьенбьена начали учёбу в вузах Петербурга",
            "Двадцать выпускников провинции получили стипендии правительства России.",
        ),
        (
            "Triển lãm ảnh Điện Biên Phủ ở Nga",
            "Фотовыставка о Дьенбьенфу открылась в музее",
            "Выставка в Петербурге продлится до конца месяца.",
        ),
        (
            "Lễ hội hoa ban Điện Biên",
            "Праздник цветов баухинии в Дьенбьене",
            "Тысячи туристов приехали в провинцию на праздник.",
        ),
    ]
    for source_title, title, lead in stories:
        translate(news_site.article("news", title=source_title), "ru", title=title, lead=lead)
    return news_site


@pytest.fixture
def english_stories(news_site):
    stories = [
        (
            "Lễ hội hoa ban Điện Biên thu hút du khách",
            "Hoa Ban Festival draws visitors to Dien Bien",
            "The festival opened on the Muong Thanh field with a flower parade.",
        ),
        (
            "Mùa lễ hội mùa xuân ở vùng cao",
            "Spring brings a season of highland festivals",
            "Mong and Thai villages hold their new year celebrations in turn.",
        ),
        (
            "Sinh viên Điện Biên nhận học bổng",
            "Dien Bien students win scholarships to study abroad",
            "Twenty school leavers were chosen by the provincial committee.",
        ),
    ]
    for source_title, title, lead in stories:
        translate(news_site.article("news", title=source_title), "en", title=title, lead=lead)
    return news_site


def test_russian_inflected_forms_of_a_city_find_the_same_stories(client, russian_edition):
    expected = {
        "Петербург и Дьенбьен подписали соглашение о сотрудничестве",
        "Студенты из Дьенбьена начали учёбу в вузах Петербурга",
        "Фотовыставка о Дьенбьенфу открылась в музее",
    }
    for query in ["Петербург", "петербурга", "Петербурге", "ПЕТЕРБУРГОМ"]:
        assert found_titles(client.get("/ru/search/", {"q": query})) == expected, query


def test_a_rebuilt_index_is_stemmed_as_each_edition_saves_it(client, russian_edition):
    call_command("rebuild_search_index", stdout=StringIO(), stderr=StringIO())
    found = found_titles(client.get("/ru/search/", {"q": "Петербурге"}))
    assert found == found_titles(client.get("/ru/search/", {"q": "Петербург"}))
    assert len(found) == 3
    assert found_titles(client.get("/vi/search/", {"q": "điện biên phủ"})) == {
        "Triển lãm ảnh Điện Biên Phủ ở Nga"
    }


def test_russian_plural_finds_the_singular_and_quoted_phrases_are_stemmed_too(
    client, russian_edition
):
    student = {"Студенты из Дьенбьена начали учёбу в вузах Петербурга"}
    assert found_titles(client.get("/ru/search/", {"q": "студент"})) == student
    assert found_titles(client.get("/ru/search/", {"q": '"учеба в вузе"'})) == student
    assert found_titles(client.get("/ru/search/", {"q": '"вузе в учеба"'})) == set()


def test_russian_results_mark_the_forms_the_article_uses(client, russian_edition):
    html = client.get("/ru/search/", {"q": "петербурга"}).content.decode()
    assert "<mark>Петербург</mark> и Дьенбьен" in html
    assert "в <mark>Петербурге</mark> продлится" in html


def test_english_plural_and_singular_find_the_same_stories(client, english_stories):
    festivals = {
        "Hoa Ban Festival draws visitors to Dien Bien",
        "Spring brings a season of highland festivals",
    }
    for query in ["festival", "festivals", "Festivals"]:
        assert found_titles(client.get("/en/search/", {"q": query})) == festivals, query
    students = {"Dien Bien students win scholarships to study abroad"}
    assert found_titles(client.get("/en/search/", {"q": "student"})) == students
    html = client.get("/en/search/", {"q": "festivals"}).content.decode()
    assert "Hoa Ban <mark>Festival</mark> draws" in html
    assert "The <mark>festival</mark> opened" in html


def test_vietnamese_is_found_without_accents_and_is_not_stemmed(client, english_stories):
    titles = found_titles(client.get("/vi/search/", {"q": "dien bien phu"}))
    assert titles == set()
    article = ArticlePage.objects.get(title="Lễ hội hoa ban Điện Biên thu hút du khách")
    article.title = "Lễ hội hoa ban Điện Biên Phủ thu hút du khách"
    article.save_revision().publish()
    titles = found_titles(client.get("/vi/search/", {"q": "dien bien phu"}))
    assert titles == {"Lễ hội hoa ban Điện Biên Phủ thu hút du khách"}
    field = next(f for f in ArticlePage.search_fields if getattr(f, "field_name", "") == "lead")
    article.refresh_from_db()
    assert field.get_value(article) == fold(article.lead)


def test_search_across_editions_matches_each_edition_as_it_is_indexed(client, english_stories):
    query = parse("Festivals Điện Biên")
    assert isinstance(query.as_search_query(languages=["vi", "en"]), Or)
    assert not isinstance(query.as_search_query(languages=["en", "ru"]), Or)
    found = found_titles(client.get("/vi/search/", {"q": "festivals dien bien", "lang": "all"}))
    assert found == {"Hoa Ban Festival draws visitors to Dien Bien"}
    found = found_titles(client.get("/vi/search/", {"q": "lễ hội hoa ban", "lang": "all"}))
    assert found == {"Lễ hội hoa ban Điện Biên thu hút du khách"}


def test_stemming_replaces_words_and_keeps_the_rest():
    assert stem_text("санкт-петербурге, 2026: festivals!") == "санкт-петербург, 2026: festiv!"


def test_stemmed_highlight_marks_every_form_and_plain_highlight_only_the_word():
    lead = "Выставка в Петербурге, затем в Петербург."
    html = highlight(lead, ["петербурга"], stemmed=True)
    assert html == "Выставка в <mark>Петербурге</mark>, затем в <mark>Петербург</mark>."
    assert "<mark>" not in highlight(lead, ["петербурга"])
