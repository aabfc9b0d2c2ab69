from hoaban.ingest.dedup import (
    CROSS_EDITION_THRESHOLD,
    NearDuplicateIndex,
    across_editions,
    facts,
    from_bytes,
    same_sentences,
    signature,
    to_bytes,
)
from hoaban.ingest.fingerprint import figures, fingerprint

STORY = (
    "Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn công tác của thành phố Saint Petersburg do ông "
    "Kalganov Vyacheslav Gennadievic dẫn đầu. Hai bên trao đổi về hợp tác trong các lĩnh vực "
    "nông nghiệp, lâm nghiệp, du lịch, năng lượng tái tạo và thu hút đầu tư. Tỉnh Điện Biên "
    "đang duy trì hai lớp học tiếng Nga cho 40 học sinh thuộc 19 dân tộc thiểu số; một số em "
    "sẽ tham gia trại hè giao lưu với học sinh thành phố Saint Petersburg."
)
EDITED = STORY.replace("trao đổi về", "bàn về").replace("thu hút đầu tư", "thu hút các nhà đầu tư")
OTHER = (
    "Ngân hàng Chính sách xã hội tỉnh Điện Biên đã giải ngân vốn vay ưu đãi cho hộ nghèo, hộ "
    "cận nghèo tại các huyện vùng cao Mường Chà, Tủa Chùa và Nậm Pồ để phát triển chăn nuôi, "
    "trồng cây ăn quả và làm nhà ở theo Nghị định số 28/2022/NĐ-CP."
)


def test_lightly_edited_copy_is_found_and_another_story_is_not(settings):
    index = NearDuplicateIndex()
    index.add(1, signature(STORY))
    key, similarity = index.find(signature(EDITED))
    assert key == 1 and settings.HOABAN_INGEST_NEAR_DUPLICATE_THRESHOLD <= similarity < 1
    assert index.find(signature(OTHER)) is None


def test_case_does_not_hide_a_copy():
    index = NearDuplicateIndex()
    index.add(1, signature(STORY))
    assert index.find(signature(STORY.upper()))[1] == 1.0


def test_signature_survives_storage():
    stored = from_bytes(to_bytes(signature(STORY)))
    assert stored.jaccard(signature(STORY)) == 1.0


SHORT = (
    "Sáng 14/6, Hội Chữ thập đỏ tỉnh Điện Biên tổ chức ngày hội hiến máu tình nguyện tại Nhà "
    "văn hóa tỉnh. Hơn 600 đoàn viên, thanh niên, cán bộ và người dân đã đăng ký tham gia. Kết "
    "quả, ban tổ chức tiếp nhận được 512 đơn vị máu đạt tiêu chuẩn. Số máu này được chuyển về "
    "Bệnh viện Đa khoa tỉnh phục vụ cấp cứu và điều trị."
)
SHORT_REWRITTEN = SHORT.replace(
    "Hơn 600 đoàn viên, thanh niên, cán bộ và người dân đã đăng ký tham gia.",
    "Ngày hội thu hút đông đảo người tham gia, với trên 600 người đăng ký hiến máu.",
)


def power_cut(day: str, area: str, hours: str) -> str:
    return (
        f"Công ty Điện lực Điện Biên thông báo tạm ngừng cung cấp điện ngày {day} tại {area} "
        f"{hours}. Thời gian ngừng cấp điện để bảo dưỡng, sửa chữa lưới điện. Công ty đề nghị "
        "khách hàng chủ động sắp xếp công việc sản xuất, kinh doanh. Sau khi hoàn thành công "
        "việc, điện sẽ được cấp trở lại sớm nhất."
    )


def indexed(text: str) -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    index.add(1, signature(text), facts(text))
    return index


def test_short_story_with_one_sentence_rewritten_is_the_same_story():
    assert signature(SHORT).jaccard(signature(SHORT_REWRITTEN)) < 0.7  # the threshold misses it
    key, _similarity = indexed(SHORT).find(signature(SHORT_REWRITTEN), facts(SHORT_REWRITTEN))
    assert key == 1


def test_short_stories_from_one_template_are_different_stories():
    first = power_cut("20/5/2025", "phường Mường Thanh", "từ 7 giờ đến 11 giờ")
    second = power_cut("22/5/2025", "phường Him Lam", "từ 7 giờ 30 đến 12 giờ")
    assert same_sentences(facts(first), facts(second))  # one sentence apart, like a rewrite
    assert indexed(first).find(signature(second), facts(second)) is None


def test_two_sentences_rewritten_are_not_taken_for_a_copy():
    twice = SHORT_REWRITTEN.replace("Số máu này được chuyển về", "Toàn bộ số máu được đưa về")
    assert indexed(SHORT).find(signature(twice), facts(twice)) is None


def weather(language: str, day: int, low: str, high: int, rain: int) -> str:
    if language == "vi":
        return (
            f"Dự báo thời tiết tỉnh Điện Biên ngày {day}/6/2025: nhiệt độ thấp nhất từ {low} độ "
            f"C, cao nhất {high} độ C. Khả năng có mưa khoảng {rain}%. Vùng núi cao có sương mù "
            "vào sáng sớm, tầm nhìn xa có nơi dưới 1 km. Gió nhẹ, độ ẩm trung bình từ 75 đến 85%."
        )
    return (
        f"Прогноз погоды в провинции Дьенбьен на {day} июня 2025 года: минимальная температура "
        f"от {low.replace(' đến ', ' до ')} °C, максимальная {high} °C. Вероятность дождя около "
        f"{rain}%. В высокогорье рано утром туман, местами видимость менее 1 км. Ветер слабый, "
        "средняя влажность от 75 до 85%."
    )


BLOOD_EN = (
    "On the morning of June 14, the Dien Bien Red Cross Society held a voluntary blood donation "
    "day at the provincial Cultural House. More than 600 youth union members, young people, "
    "officials and residents signed up. The organisers collected 512 units of blood that met "
    "the standards. The blood was sent to the Provincial General Hospital."
)


def edition_index(text: str, language: str) -> NearDuplicateIndex:
    index = NearDuplicateIndex()
    index.add(1, signature(text), facts(text, language))
    return index


def test_an_english_translation_of_a_vietnamese_story_is_the_same_story():
    assert signature(SHORT).jaccard(signature(BLOOD_EN)) < 0.1  # no shingles in common
    key, similarity = edition_index(SHORT, "vi").find(signature(BLOOD_EN), facts(BLOOD_EN, "en"))
    assert key == 1 and similarity >= CROSS_EDITION_THRESHOLD


def test_a_russian_bulletin_of_another_day_is_not_the_vietnamese_one():
    vietnamese = weather("vi", 3, "21 đến 23", 33, 20)
    translation = weather("ru", 3, "21 đến 23", 33, 20)
    other_day = weather("ru", 6, "21 đến 23", 32, 60)
    index = edition_index(vietnamese, "vi")
    assert index.find(signature(translation), facts(translation, "ru"))[0] == 1
    assert index.find(signature(other_day), facts(other_day, "ru")) is None


def test_figures_alone_do_not_make_a_translation_without_a_shared_name():
    one = fingerprint("Giá 119,5 triệu đồng, tăng 500 nghìn đồng ngày 12/5 tại Mường Chà.", "vi")
    other = fingerprint("Price 119.5 million dong, up 500 thousand on May 12 in Cairo.", "en")
    assert figures(one) == figures(other) and len(figures(one)) == 3  # enough alone
    assert across_editions(one, other) is None


def test_an_item_stored_before_languages_were_kept_is_not_compared_across_editions():
    index = NearDuplicateIndex()
    index.add(1, signature(SHORT), facts(SHORT))
    assert index.find(signature(BLOOD_EN), facts(BLOOD_EN, "en")) is None
