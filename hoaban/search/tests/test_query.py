import pytest
from wagtail.search.query import And, Phrase, PlainText

from hoaban.search.query import MAX_TERMS, parse


def test_words_are_folded_and_required():
    query = parse("Điện Biên PHỦ")
    assert query.terms == ["dien", "bien", "phu"]
    search_query = query.as_search_query(languages=["vi"])
    assert isinstance(search_query, PlainText)
    assert search_query.query_string == "dien bien phu"
    assert search_query.operator == "and"


def test_quoted_words_become_a_phrase_beside_the_other_words():
    query = parse('"Điện Biên Phủ" hợp tác')
    assert query.phrases == [["dien", "bien", "phu"]]
    assert query.terms == ["hop", "tac"]
    search_query = query.as_search_query(languages=["vi"])
    assert isinstance(search_query, And)
    phrase, plain = search_query.subqueries
    assert isinstance(phrase, Phrase) and phrase.query_string == "dien bien phu"
    assert plain.query_string == "hop tac"


def test_an_unclosed_quote_still_makes_a_phrase():
    assert parse('"Mường Chà').phrases == [["muong", "cha"]]


@pytest.mark.parametrize("raw", ["", "   ", "?!…", '"', "*", "'", "''", "()", '""', "--"])
def test_queries_without_a_word_are_empty(raw):
    assert not parse(raw)


@pytest.mark.parametrize(
    ("raw", "words"),
    [
        ('điện "biên', ["dien", "bien"]),
        ("dien* OR bien", ["dien", "or", "bien"]),
        ("NEAR(dien bien)", ["near", "dien", "bien"]),
        ("Đô'; DROP TABLE x; --", ["do", "drop", "table", "x"]),
        ("dien:bien^2 {title}", ["dien", "bien", "2", "title"]),
    ],
)
def test_search_syntax_characters_are_dropped_and_keywords_become_plain_words(raw, words):
    assert parse(raw).words == words


def test_a_pasted_essay_is_cut_to_a_dozen_words():
    query = parse("Điện Biên " * 400)
    assert len(query.words) == MAX_TERMS
