"""The search page of an edition, through the real search backend of the test database."""

import unicodedata
from datetime import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from wagtail.models import Locale

from hoaban.testing import translate

pytestmark = pytest.mark.news_site_per_module

SEARCH_URL = "/vi/search/"


def aware(*args):
    return timezone.make_aware(datetime(*args))


@pytest.fixture
def newsroom(news_site):
    site = news_site
    site.article(
        "news",
        title="Điện Biên và Saint Petersburg ký thỏa thuận hợp tác",
        lead="Đoàn đại biểu tỉnh Điện Biên ký thỏa thuận hợp tác với Saint Petersburg.",
        date=aware(2024, 11, 22, 9),
    )
    site.article(
        "business",
        title="Tín dụng chính sách giúp hộ nghèo huyện Điện Biên",
        lead="Hộ nghèo ở huyện Điện Biên được vay vốn ưu đãi theo Nghị định số 28/2022/NĐ-CP.",
        date=aware(2025, 3, 1, 8),
    )
    site.article(
        "culture",
        title="Thúc đẩy bình đẳng giới ở huyện Mường Chà",
        lead="Huyện Mường Chà tổ chức nhiều hoạt động vì bình đẳng giới.",
        date=aware(2025, 6, 5, 10),
    )
    return site


def found_titles(response):
    assert response.status_code == 200
    results = response.context["results"]
    return [article.title for article in results.object_list] if results else []


ACCENT_VARIANTS = [
    "Điện Biên",
    "dien bien",
    "DIEN BIEN",
    "Điên Biên",
    "ĐIỆN BIÊN",
    "đien bien",
    unicodedata.normalize("NFD", "Điện Biên"),
]


def test_accented_and_unaccented_queries_find_the_same_articles(client, newsroom):
    for query in ACCENT_VARIANTS:
        titles = found_titles(client.get(SEARCH_URL, {"q": query}))
        assert sorted(titles) == [
            "Tín dụng chính sách giúp hộ nghèo huyện Điện Biên",
            "Điện Biên và Saint Petersburg ký thỏa thuận hợp tác",
        ], query


def test_lead_and_title_show_the_matched_words_marked_when_typed_without_accents(client, newsroom):
    response = client.get(SEARCH_URL, {"q": "muong cha"})
    html = response.content.decode()
    assert "Thúc đẩy bình đẳng giới ở huyện <mark>Mường</mark> <mark>Chà</mark>" in html
    assert "Huyện <mark>Mường</mark> <mark>Chà</mark> tổ chức" in html
    assert "VĂN HÓA - DU LỊCH" in html


def test_quoted_words_must_appear_together_in_that_order(client, newsroom):
    assert found_titles(client.get(SEARCH_URL, {"q": '"huyen dien bien"'})) == [
        "Tín dụng chính sách giúp hộ nghèo huyện Điện Biên"
    ]
    assert found_titles(client.get(SEARCH_URL, {"q": '"bien dien"'})) == []


def test_section_filter_keeps_one_desk(client, newsroom):
    section = newsroom.sections["business"].slug
    titles = found_titles(client.get(SEARCH_URL, {"q": "dien bien", "section": section}))
    assert titles == ["Tín dụng chính sách giúp hộ nghèo huyện Điện Biên"]


def test_date_range_includes_both_ends_and_excludes_the_rest(client, newsroom):
    response = client.get(
        SEARCH_URL, {"q": "dien bien", "date_from": "2024-11-22", "date_to": "2024-11-22"}
    )
    assert found_titles(response) == ["Điện Biên và Saint Petersburg ký thỏa thuận hợp tác"]
    response = client.get(SEARCH_URL, {"q": "dien bien", "date_from": "2025-01-01"})
    assert found_titles(response) == ["Tín dụng chính sách giúp hộ nghèo huyện Điện Biên"]


def test_reversed_or_malformed_dates_are_explained_not_searched(client, newsroom):
    response = client.get(
        SEARCH_URL, {"q": "dien bien", "date_from": "2025-02-01", "date_to": "2025-01-01"}
    )
    assert response.status_code == 200
    assert "Ngày bắt đầu không được sau ngày kết thúc." in response.content.decode()
    assert response.context["results"] is None
    response = client.get(SEARCH_URL, {"q": "dien bien", "date_from": "hôm qua"})
    assert response.status_code == 200
    assert response.context["form"].errors["date_from"]
    # The calendar's last day: the day after it does not exist.
    response = client.get(SEARCH_URL, {"q": "dien bien", "date_to": "9999-12-31"})
    assert response.status_code == 200
    assert response.context["form"].errors["date_to"]
    assert response.context["results"] is None


def test_sort_by_date_puts_the_newest_first(client, newsroom):
    titles = found_titles(client.get(SEARCH_URL, {"q": "dien bien", "sort": "date"}))
    assert titles == [
        "Tín dụng chính sách giúp hộ nghèo huyện Điện Biên",
        "Điện Biên và Saint Petersburg ký thỏa thuận hợp tác",
    ]


def test_ranking_puts_the_title_match_first(client, newsroom):
    newsroom.article(
        "news",
        title="Lễ hội hoa ban 2025",
        lead="Lễ hội mở màn với màn trình diễn khèn của đồng bào Mông.",
        date=aware(2025, 3, 10, 8),
    )
    newsroom.article(
        "culture",
        title="Khèn Mông, thanh âm của núi rừng",
        lead="Nghệ nhân giới thiệu cây đàn truyền thống.",
        date=aware(2024, 1, 10, 8),
    )
    titles = found_titles(client.get(SEARCH_URL, {"q": "khen mong"}))
    assert titles[0] == "Khèn Mông, thanh âm của núi rừng"
    assert len(titles) == 2


@pytest.fixture
def english_edition(newsroom):
    english = Locale.objects.create(language_code="en")
    section = newsroom.sections["news"].copy_for_translation(english, copy_parents=True)
    section.save_revision().publish()
    article = newsroom.article("news", title="Điện Biên đón đoàn Saint Petersburg")
    translation = article.copy_for_translation(english)
    translation.title = "Dien Bien welcomes a Saint Petersburg delegation"
    translation.lead = "The Dien Bien provincial leaders received guests from Saint Petersburg."
    translation.save_revision().publish()
    return translation


def test_language_filter_searches_another_edition_or_all(client, english_edition):
    vi = found_titles(client.get(SEARCH_URL, {"q": "saint petersburg"}))
    assert "Dien Bien welcomes a Saint Petersburg delegation" not in vi
    en = found_titles(client.get(SEARCH_URL, {"q": "saint petersburg", "lang": "en"}))
    assert en == ["Dien Bien welcomes a Saint Petersburg delegation"]
    both = found_titles(client.get(SEARCH_URL, {"q": "saint petersburg", "lang": "all"}))
    assert set(both) == set(vi) | set(en)
    english_results = client.get("/en/search/", {"q": "dien bien"})
    assert found_titles(english_results) == ["Dien Bien welcomes a Saint Petersburg delegation"]


def test_russian_edition_search_ignores_case_and_yo(client, newsroom):
    russian = Locale.objects.create(language_code="ru")
    section = newsroom.sections["culture"].copy_for_translation(russian, copy_parents=True)
    section.save_revision().publish()
    article = newsroom.article("culture", title="Lễ hội hoa ban")
    translation = article.copy_for_translation(russian)
    translation.title = "Ёлочные игрушки из Дьенбьена"
    translation.lead = "Мастера показали зелёные ёлочные украшения."
    translation.save_revision().publish()
    for query in ["ёлочные", "ЕЛОЧНЫЕ", "Елочные игрушки", "зеленые"]:
        response = client.get("/ru/search/", {"q": query})
        assert found_titles(response) == ["Ёлочные игрушки из Дьенбьена"], query
    assert "<mark>зелёные</mark>" in client.get("/ru/search/", {"q": "зеленые"}).content.decode()


HOSTILE_QUERIES = [
    "",
    "?!…;:",
    "dien bien " * 200,
    '"',
    '"dien',
    "*",
    "dien*",
    "OR",
    "dien OR",
    "NEAR(",
    "NEAR(dien bien, 2)",
    "'",
    "Đô'; DROP TABLE wagtailcore_page; --",
    "title:dien",
    "dien & | ! bien",
    "\x00",
]


def test_hostile_queries_give_a_normal_page(client, newsroom):
    for query in HOSTILE_QUERIES:
        response = client.get(SEARCH_URL, {"q": query})
        assert response.status_code == 200, query
        assert b'role="search"' in response.content
        suggestions = client.get(f"{SEARCH_URL}suggest/", {"q": query})
        assert suggestions.status_code == 200, query


def test_results_page_costs_the_same_queries_for_one_or_many_results(client, newsroom):
    def count_queries(query):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(SEARCH_URL, {"q": query})
        assert response.status_code == 200
        return len(captured), len(response.context["results"].object_list)

    count_queries("muong cha")  # warm the per-process caches (sites, settings)
    one = count_queries("muong cha")
    for number in range(6):
        newsroom.article("news", title=f"Điện Biên tin số {number}", lead="Điện Biên hôm nay.")
    many = count_queries("dien bien")
    assert one[1] == 1 and many[1] == 8
    assert one[0] == many[0]


def test_pagination_links_keep_the_query_and_filters(client, newsroom, settings):
    settings.HOABAN_PAGE_SIZE = 1
    response = client.get(SEARCH_URL, {"q": "dien bien", "sort": "date", "page": "2"})
    assert found_titles(response) == ["Điện Biên và Saint Petersburg ký thỏa thuận hợp tác"]
    html = response.content.decode()
    assert 'href="?q=dien+bien&amp;sort=date&amp;page=1"' in html


def test_publishing_adds_to_results_and_unpublishing_removes(client, news_site):
    article = news_site.article("news", title="Trại hè Về nguồn 2025", publish=False)
    assert found_titles(client.get(SEARCH_URL, {"q": "trai he ve nguon"})) == []
    article.save_revision().publish()
    assert found_titles(client.get(SEARCH_URL, {"q": "trai he ve nguon"})) == [
        "Trại hè Về nguồn 2025"
    ]
    article.refresh_from_db()
    article.title = "Trại hè Về nguồn tại Mường Phăng"
    article.save_revision().publish()
    assert found_titles(client.get(SEARCH_URL, {"q": "muong phang"})) == [
        "Trại hè Về nguồn tại Mường Phăng"
    ]
    article.refresh_from_db()
    article.unpublish()
    assert found_titles(client.get(SEARCH_URL, {"q": "trai he ve nguon"})) == []


def test_every_page_has_a_search_box_in_the_header(client, news_site):
    html = client.get("/vi/").content.decode()
    assert (
        '<form class="header-search" method="get" action="/vi/search/" role="search" '
        'aria-label="Tìm kiếm tin tức">'
    ) in html


def test_beyond_the_result_limit_the_page_says_more_than_and_pages_stop(
    client, newsroom, monkeypatch, settings
):
    from hoaban.search import pagination

    monkeypatch.setattr(pagination, "RESULT_LIMIT", 2)
    settings.HOABAN_PAGE_SIZE = 1
    newsroom.article("news", title="Điện Biên mùa hoa ban nở", lead="Hoa ban trắng núi rừng.")
    response = client.get(SEARCH_URL, {"q": "dien bien"})
    assert "Tìm thấy hơn 2 bài viết" in response.content.decode()
    assert response.context["results"].paginator.num_pages == 2
    # A page past the limit shows the last one that may be opened.
    response = client.get(SEARCH_URL, {"q": "dien bien", "page": "3"})
    assert response.context["results"].number == 2
    translate(newsroom.home, "ru", title="Газета Дьенбьенфу")
    response = client.get("/ru/search/", {"q": "dien bien", "lang": "vi"})
    assert "Найдено более 2 статей" in response.content.decode()
    # At or under the limit the count is exact, filters included.
    section = newsroom.sections["business"].slug
    response = client.get(SEARCH_URL, {"q": "dien bien", "section": section})
    assert "Tìm thấy 1 bài viết" in response.content.decode()
    response = client.get(SEARCH_URL, {"q": "muong cha"})
    assert "Tìm thấy 1 bài viết" in response.content.decode()


sqlite_only = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="the ranking pool is the SQLite backend's"
)


@sqlite_only
def test_longer_queries_score_fewer_matches(client, newsroom, monkeypatch, settings):
    from hoaban.search import sqlite_ranking

    newsroom.article("culture", title="Khèn Mông, thanh âm của núi rừng", lead="Đàn của bản.")
    newsroom.article("news", title="Lễ hội hoa ban", lead="Tiếng khèn của đồng bào Mông.")
    settings.HOABAN_PAGE_SIZE = 1
    monkeypatch.setattr(sqlite_ranking, "TERM_ROWS", 2)
    # One word: two rows are scored, and the title match wins.
    assert found_titles(client.get(SEARCH_URL, {"q": "khen"})) == [
        "Khèn Mông, thanh âm của núi rừng"
    ]
    # Two words: one row, the newest match.
    assert found_titles(client.get(SEARCH_URL, {"q": "khen mong"})) == ["Lễ hội hoa ban"]


def test_ranking_scores_the_newest_matches_and_scores_more_when_filters_drop_them(
    client, newsroom, monkeypatch, settings
):
    from wagtail.search.backends import get_search_backend

    newsroom.article(
        "culture",
        title="Khèn Mông, thanh âm của núi rừng",
        lead="Nghệ nhân giới thiệu cây đàn truyền thống.",
    )
    newsroom.article(
        "news",
        title="Lễ hội hoa ban 2025",
        lead="Lễ hội mở màn với màn trình diễn khèn của đồng bào Mông.",
    )
    settings.HOABAN_PAGE_SIZE = 1
    monkeypatch.setattr(get_search_backend().results_class, "ranking_pool", 1)
    # Only the newest match is scored (on SQLite and PostgreSQL alike): it comes first although
    # the older one has the words in its title (with the full pool it is second:
    # test_ranking_puts_the_title_match_first).
    assert found_titles(client.get(SEARCH_URL, {"q": "khen mong"})) == ["Lễ hội hoa ban 2025"]
    # The newest "dien bien" story is the business one: the news filter drops it, so the
    # search scores older matches until it has a page.
    section = newsroom.sections["news"].slug
    assert found_titles(client.get(SEARCH_URL, {"q": "dien bien", "section": section})) == [
        "Điện Biên và Saint Petersburg ký thỏa thuận hợp tác"
    ]


@pytest.mark.parametrize("sort", ["", "date"])
def test_narrow_filters_are_searched_from_their_side(client, news_site, monkeypatch, sort):
    from hoaban.search import ranking
    from hoaban.search.backends import SearchBackend

    results_class = SearchBackend({}).results_class
    news_site.article("culture", title="Khèn Mông ở Điện Biên", date=aware(2025, 4, 3, 9))
    # Indexed last, so the sample of newest hits: none of them passes the date filter.
    for day in range(1, 7):
        news_site.article(title=f"Điện Biên đón khách ngày {day}", date=aware(2025, 4, day, 8))
    monkeypatch.setattr(ranking, "SAMPLE", 2)
    monkeypatch.setattr(ranking, "NARROW", 3)

    def walking_every_hit(*args, **kwargs):
        raise AssertionError("narrow filters must not walk the newest hits")

    for method in ("_scored", "_matching", "_count_upto"):
        monkeypatch.setattr(results_class, method, walking_every_hit)
    params = {"q": "dien bien", "date_from": "2025-04-02", "date_to": "2025-04-03", "sort": sort}

    response = client.get(SEARCH_URL, params)

    expected = {"Điện Biên đón khách ngày 2", "Điện Biên đón khách ngày 3", "Khèn Mông ở Điện Biên"}
    assert set(found_titles(response)) == expected
    assert "Tìm thấy 3 bài viết" in response.content.decode()
    if sort == "date":
        assert found_titles(response)[0] == "Khèn Mông ở Điện Biên"


def test_newest_first_walks_the_newest_stories_for_a_common_word(
    client, news_site, monkeypatch, settings
):
    from hoaban.search import ranking
    from hoaban.search.backends import SearchBackend

    results_class = SearchBackend({}).results_class

    for day in range(1, 6):
        news_site.article(title=f"Mường Chà mùa hoa ban {day}", date=aware(2025, 3, day, 8))
        news_site.article(title=f"Tủa Chùa đón khách {day}", date=aware(2025, 3, day, 9))
    settings.HOABAN_PAGE_SIZE = 2
    monkeypatch.setattr(ranking, "ORDERED_WALK", 3)

    def collecting_every_hit(*args, **kwargs):
        raise AssertionError("a common word sorted by date must not collect every hit")

    monkeypatch.setattr(results_class, "_matching", collecting_every_hit)
    pages = [
        found_titles(client.get(SEARCH_URL, {"q": "muong cha", "sort": "date", "page": page}))
        for page in (1, 2, 3)
    ]

    assert pages == [
        ["Mường Chà mùa hoa ban 5", "Mường Chà mùa hoa ban 4"],
        ["Mường Chà mùa hoa ban 3", "Mường Chà mùa hoa ban 2"],
        ["Mường Chà mùa hoa ban 1"],
    ]


def test_words_may_be_split_between_title_and_lead_but_a_quoted_phrase_may_not(client, newsroom):
    newsroom.article(
        "culture",
        title="Tiếng khèn gọi bạn",
        lead="Đêm giao lưu văn nghệ ở huyện Mường Chà.",
    )
    assert found_titles(client.get(SEARCH_URL, {"q": "khèn mường chà"})) == ["Tiếng khèn gọi bạn"]
    assert found_titles(client.get(SEARCH_URL, {"q": '"giao lưu văn nghệ"'})) == [
        "Tiếng khèn gọi bạn"
    ]
    assert found_titles(client.get(SEARCH_URL, {"q": '"khèn giao lưu"'})) == []
    assert found_titles(client.get(SEARCH_URL, {"q": '"mường chà" khèn'})) == ["Tiếng khèn gọi bạn"]


@pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's index")
def test_postgresql_matches_on_the_indexed_concatenation_and_counts_the_newest_first(
    client, newsroom
):
    with connection.cursor() as cursor:
        cursor.execute("SET enable_seqscan = off")
        cursor.execute(
            "EXPLAIN SELECT id FROM wagtailsearch_indexentry "
            "WHERE (title || body) @@ to_tsquery('simple', 'dien & bien')"
        )
        plan = " ".join(row[0] for row in cursor.fetchall())
        cursor.execute("RESET enable_seqscan")
    assert "newssearch_entry_title_body_gin" in plan
    with CaptureQueriesContext(connection) as captured:
        response = client.get(SEARCH_URL, {"q": "điện biên"})
    assert len(found_titles(response)) == 2
    # Both matches are among the newest (the ranking pool): the count needs no other match.
    counts = [query["sql"] for query in captured if "COUNT(*)" in query["sql"]]
    assert len(counts) == 1 and "LIMIT 1001" in counts[0] and "@@" not in counts[0]
