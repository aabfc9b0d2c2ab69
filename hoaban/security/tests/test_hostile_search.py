"""Arbitrary search parameters on the search page and the suggest endpoint: never a 500."""

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from .strategies import HOSTILE, REQUEST_TEXT

DB_EXAMPLES = settings().max_examples // 3
# What readers and scripts send: accents or none, quotes, engine operators, very long pastes.
QUERY = st.one_of(
    REQUEST_TEXT,
    HOSTILE,
    st.sampled_from(
        ['"Điện Biên', 'dien "" bien', "NEAR(a b)", "a OR b*", "-", "^\"'", "ĐBP -" * 300]
    ),
    st.lists(st.sampled_from(["Mường", "Chà", "OR", "AND", "*", '"', "(", "'", "dien"])).map(
        " ".join
    ),
)
DATE = st.one_of(st.sampled_from(["0001-01-01", "9999-12-31"]), st.dates().map(str), REQUEST_TEXT)
FILTERS = st.fixed_dictionaries(
    {},
    optional={
        "date_from": DATE,
        "date_to": DATE,
        "section": st.one_of(st.just("tin-tuc-chinh-tri"), REQUEST_TEXT),
        "lang": st.one_of(st.sampled_from(["vi", "en", "ru", "all"]), REQUEST_TEXT),
        "sort": st.one_of(st.sampled_from(["relevance", "date"]), REQUEST_TEXT),
        "page": st.one_of(st.integers().map(str), REQUEST_TEXT),
    },
)


@pytest.fixture
def searchable(news_site):
    news_site.article("news", title="Thúc đẩy bình đẳng giới ở huyện Mường Chà")
    news_site.article("culture", title="Lễ hội Hoa Ban Điện Biên 2025")
    return news_site


@settings(max_examples=DB_EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERY, filters=FILTERS)
@example(query="dien bien", filters={"date_to": "9999-12-31"})  # was an overflow (500)
@example(query="dien bien", filters={"date_from": "0001-01-01", "sort": "date"})
def test_search_page_answers_any_query_and_filters(client, searchable, query, filters):
    response = client.get("/vi/search/", {"q": query, **filters})
    assert response.status_code in (200, 404), response.status_code


@settings(max_examples=DB_EXAMPLES, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(query=QUERY)
def test_suggest_answers_any_query_with_json(client, searchable, query):
    response = client.get("/vi/search/suggest/", {"q": query})
    assert response.status_code == 200
    assert isinstance(response.json()["suggestions"], list)
