"""The one place that picks a photo's words for an edition."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from hoaban.images.texts import PhotoTexts, PhotoWords, words

from .conftest import photo_text


def test_an_edition_with_words_of_its_own_shows_them_unmarked(photos):
    khen, _lop_hoc = photos
    assert words(khen, "en") == PhotoWords(
        alt="A Mông khèn given to the Saint Petersburg delegation",
        caption="Party Secretary Trần Quốc Cường gives the delegation a khèn.",
    )


def test_an_edition_without_them_shows_the_photos_own_marked_vietnamese(photos):
    khen, lop_hoc = photos
    assert words(lop_hoc, "en") == PhotoWords(
        alt="Lớp học tiếng Nga của học sinh dân tộc thiểu số",
        caption="Học sinh 19 dân tộc học tiếng Nga tại Điện Biên.",
        alt_lang="vi",
        caption_lang="vi",
    )
    assert words(khen, "ru").alt_lang == "vi"


def test_the_main_edition_shows_the_photos_own_words_unmarked(photos):
    khen, _lop_hoc = photos
    assert words(khen, "vi") == PhotoWords(
        alt="Chiếc khèn Mông tặng đoàn Saint Petersburg",
        caption="Bí thư Tỉnh ủy Trần Quốc Cường tặng chiếc khèn cho đoàn.",
    )


def test_an_empty_caption_of_the_edition_falls_back_alone(photos):
    _khen, lop_hoc = photos
    photo_text(lop_hoc, "ru", "Урок русского языка в Điện Biên")
    assert words(lop_hoc, "ru") == PhotoWords(
        alt="Урок русского языка в Điện Biên",
        caption="Học sinh 19 dân tộc học tiếng Nga tại Điện Biên.",
        caption_lang="vi",
    )


def test_a_photo_without_caption_has_no_caption_to_mark(photos):
    _khen, lop_hoc = photos
    lop_hoc.caption = ""
    assert words(lop_hoc, "en").caption_lang is None


def test_all_photos_are_read_with_one_query_and_none_in_the_main_edition(photos):
    with CaptureQueriesContext(connection) as english:
        texts = PhotoTexts([*photos, None], "en")
    assert [texts.of(photo).alt_lang for photo in photos] == [None, "vi"]
    with CaptureQueriesContext(connection) as vietnamese:
        PhotoTexts(photos, "vi")
    assert (len(english), len(vietnamese)) == (1, 0)
