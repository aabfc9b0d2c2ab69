from hoaban.discussion.spam import banned_word_in, count_links, held_reason


def test_links_are_counted_with_and_without_scheme():
    text = "Xem https://a.example/x và www.b-site.com, cả shop-dep.vn nữa"
    assert count_links(text) == 3


def test_comment_with_more_links_than_allowed_is_held():
    text = "http://a.example http://b.example http://c.example"
    assert held_reason(text, max_links=2, banned_words=()) != ""
    assert held_reason(text, max_links=3, banned_words=()) == ""


def test_banned_words_match_whole_words_regardless_of_case_and_composition():
    assert banned_word_in("Bán THUỐC LÁ giá rẻ", ["thuốc lá"]) == "thuốc lá"
    assert banned_word_in("Ba\u0301n thuô\u0301c la\u0301", ["bán"]) == "bán"
    assert banned_word_in("Bánh chưng ngon", ["bán"]) == ""
