"""The demo engine: a translation memory of the demo's own texts that works with nothing
downloaded, and says plainly what it could not translate."""

import unicodedata

import pytest
from wagtail.models import Locale
from wagtail_localize.strings import StringValue

from hoaban.demo import content
from hoaban.demo.memory import aligned_texts
from hoaban.translation.backends.demo import MARKERS, DemoTranslator
from hoaban.translation.services import translate_page

DEMO = {"CLASS": "hoaban.translation.backends.demo.DemoTranslator", "OPTIONS": {}}


def translate(text, source="vi", target="en", *, html=False):
    value = StringValue(text) if html else StringValue.from_plaintext(text)
    engine = DemoTranslator({})
    result = engine.translate(Locale(language_code=source), Locale(language_code=target), [value])
    return result[value]


def test_a_demo_title_is_translated_from_the_memory():
    translated = translate("Hồi sinh nghề truyền thống như một di sản văn hóa")
    assert translated.render_text() == "Reviving traditional crafts as a cultural heritage"


def test_text_typed_with_combining_marks_and_other_spacing_is_still_found():
    decomposed = unicodedata.normalize("NFD", "Thúc đẩy bình đẳng giới  ở huyện Mường Chà")
    assert decomposed != "Thúc đẩy bình đẳng giới ở huyện Mường Chà"
    assert translate(decomposed, target="ru").render_text() == (
        "Продвижение гендерного равенства в уезде Mường Chà"
    )


def test_every_direction_between_the_three_editions_is_covered():
    assert translate("Policy credit", "en", "vi").render_text() == "Tín dụng chính sách"
    assert translate("Tourism", "en", "ru").render_text() == "Туризм"
    assert translate("Туризм", "ru", "vi").render_text() == "Du lịch"


def test_unknown_text_comes_back_unchanged_behind_a_marker_in_the_target_language():
    text = "Bản Mường Phăng đón 300 du khách dịp lễ Quốc khánh."
    assert translate(text).render_text() == f"{MARKERS['en']} {text}"
    assert translate(text, target="ru").render_text().startswith("[Демо-движок: без перевода] ")


def test_unknown_rich_text_keeps_its_inline_markup():
    translated = translate('Đọc <b>thêm</b> tại <a id="a1">đây</a>', html=True)
    assert translated.data == '[Demo engine: not translated] Đọc <b>thêm</b> tại <a id="a1">đây</a>'


def test_a_paragraph_of_known_and_unknown_sentences_marks_only_the_unknown_one():
    paragraph = "Ngăn chặn buôn bán động vật hoang dã. Kiểm lâm Tủa Chùa lập chốt ở Sín Chải."
    assert translate(paragraph).render_text() == (
        "Stopping the wildlife trade. "
        "[Demo engine: not translated] Kiểm lâm Tủa Chùa lập chốt ở Sín Chải."
    )


def test_a_slug_becomes_the_slug_of_the_translated_title_and_unknown_slugs_stay_valid():
    assert translate("ngan-chan-buon-ban-dong-vat-hoang-da").render_text() == (
        "stopping-the-wildlife-trade"
    )
    assert translate("bai-chua-dich", target="ru").render_text() == "bai-chua-dich"


def test_numbers_and_codes_are_left_alone():
    assert translate("28/2022/NĐ-CP").render_text() == "28/2022/NĐ-CP"
    assert translate("0215 3 830 000").render_text() == "0215 3 830 000"


def test_every_story_left_untranslated_by_the_demo_has_its_title_lead_and_caption_in_memory():
    vietnamese = {row["vi"] for row in aligned_texts()}
    for _key, title, _date, _palette, lead, _tags in content.RECENT:
        caption = lead.split(",")[0].rstrip(".") + "."
        assert {title, lead, caption} <= vietnamese, title


@pytest.mark.django_db
def test_a_page_translated_by_the_demo_is_recorded_and_labelled_as_the_demo_engine(
    settings, news_site, english, client
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DEMO
    article = news_site.article(
        "news",
        title="Khó khăn về nguồn vật liệu xây dựng",
        lead="Giá cát, đá tăng và nguồn cung thiếu khiến nhiều công trình trên địa bàn tỉnh "
        "chậm tiến độ; các ngành đang tìm giải pháp tháo gỡ.",
    )
    translated = translate_page(page=article, target_locale=english, publish=True)
    assert translated.title == "Building materials in short supply"
    assert translated.lead.startswith("Rising prices of sand and stone")
    record = translated.translation_record
    assert record.machine_tool == "Demo engine" and record.is_demo and not record.is_reviewed
    html = client.get(translated.url).content.decode()
    assert "Translated from Vietnamese." in html
    assert "Machine translation by the demo engine" in html
    assert "not yet reviewed by an editor" in html
