import unicodedata

from hoaban.search.highlight import highlight

LEAD = "ĐBP - Đoàn công tác tỉnh Điện Biên thăm thành phố Saint Petersburg."


def test_unaccented_words_mark_the_accented_original():
    html = highlight(LEAD, ["dien", "bien"])
    assert "<mark>Điện</mark> <mark>Biên</mark>" in html
    assert html.count("<mark>") == 2


def test_only_whole_words_are_marked():
    assert "<mark>" not in highlight("Đoàn công tác", ["do"])
    assert highlight("Đô và Đoàn", ["do"]) == "<mark>Đô</mark> và Đoàn"


def test_decomposed_text_is_shown_composed_with_marks_around_whole_letters():
    html = highlight(unicodedata.normalize("NFD", "huyện Mường Chà"), ["muong"])
    assert html == "huyện <mark>Mường</mark> Chà"


def test_text_is_escaped_around_and_inside_marks():
    html = highlight("<b>Điện</b> & Biên", ["dien"])
    assert html == "&lt;b&gt;<mark>Điện</mark>&lt;/b&gt; &amp; Biên"


def test_russian_yo_is_marked_for_ye():
    assert highlight("Зелёный город", ["зеленый"]) == "<mark>Зелёный</mark> город"


def test_no_words_leaves_the_text_escaped():
    assert highlight("A < B", []) == "A &lt; B"
