"""A story's fingerprint across editions: the same figures and names in Vietnamese, English and
Russian, whichever way each language writes them."""

from hoaban.ingest.fingerprint import fingerprint, names, numbers

VI = (
    "Sáng 12/5/2025, Chủ tịch UBND tỉnh Lê Thành Đô cho biết dự án có tổng vốn 1.200 tỷ đồng, "
    "giá vàng 119,5 triệu đồng/lượng, 2.025 nghệ nhân tham gia, khả năng mưa 40%, ngừng cấp "
    "điện từ 7 giờ 30 đến 13 giờ tại thành phố Điện Biên Phủ."
)
EN = (
    "On the morning of May 12, 2025, provincial chairman Le Thanh Do said the project costs "
    "1.2 trillion dong, gold is 119.5 million dong per tael, 2,025 artisans take part, the "
    "chance of rain is 40%, and power is off from 7:30 a.m. to 1 p.m. in Dien Bien Phu city."
)
RU = (
    "Утром 12 мая 2025 года председатель провинции Ле Тхань До сообщил, что проект стоит "
    "1,2 трлн донгов, золото — 119,5 млн донгов за лян, участвуют 2 025 мастеров, вероятность "
    "дождя 40 %, электричество отключат с 7:30 до 13:00 в городе Дьенбьенфу."
)


def test_the_same_figures_are_written_alike_in_three_languages():
    expected = {"@12/5", "#2025", "#1200000000000", "#119500000", "#40", "#7", "#30", "#13"}
    assert numbers(VI, "vi") == expected
    assert numbers(EN, "en") == expected
    assert numbers(RU, "ru") == expected


def test_separators_are_read_as_each_language_writes_them():
    assert numbers("2.025 nghệ nhân", "vi") == {"#2025"}
    assert numbers("2.025 tonnes", "en") == {"#2.025"}
    assert numbers("в 2 025 году, 15 марта", "ru") == {"#2025", "@15/3"}
    assert numbers("ngày 21 tháng 4 năm 2025", "vi") == {"@21/4", "#2025"}


def test_a_vietnamese_name_meets_its_english_and_russian_transcriptions():
    vietnamese = names("Bí thư Tỉnh ủy Trần Quốc Cường phát biểu.")
    for written in (
        "Party Secretary Tran Quoc Cuong spoke.",
        "Выступил секретарь Тран Куок Куонг.",
        "Выступил секретарь Чан Куок Кыонг.",
    ):
        assert {"~cn", "~k", "~kng", "~cnkkng"} <= vietnamese & names(written)


def test_a_place_russian_writes_as_one_word_still_meets():
    assert "~znbnf" in names("tại thành phố Điện Biên Phủ") & names("в городе Дьенбьенфу")
    assert "~znbn" in names("tỉnh Điện Biên") & names("провинции Дьенбьен")


def test_sentence_openers_and_month_names_are_not_names():
    assert names("Sáng nay trời mưa. The forecast was wrong on May 5.") == set()
    assert names("Trần Quốc Cường phát biểu.") >= {"~cn", "~kng"}


def test_fingerprints_of_a_translation_share_the_figures_and_names():
    vi, en, ru = fingerprint(VI, "vi"), fingerprint(EN, "en"), fingerprint(RU, "ru")
    assert {"~l", "~tn", "~z", "~znbnf"} <= vi & en & ru


def test_a_month_of_a_year_is_one_figure_in_every_language():
    expected = {"@11/2024", "#2024"}
    assert numbers("Tháng 11/2024, đoàn của tỉnh sang thăm.", "vi") == expected
    assert numbers("In November 2024 a delegation visited.", "en") == expected
    assert numbers("В ноябре 2024 года делегация побывала.", "ru") == expected
