import unicodedata

import pytest
from hypothesis import given
from hypothesis import strategies as st

from hoaban.search.folding import fold, fold_with_offsets

# The twelve Vietnamese vowels, each with its six tones (level, huyền, sắc, hỏi, ngã, nặng),
# written out by hand in both cases: 144 forms.
LOWER_VOWELS = {
    "a": "aàáảãạ",
    "ă": "ăằắẳẵặ",
    "â": "âầấẩẫậ",
    "e": "eèéẻẽẹ",
    "ê": "êềếểễệ",
    "i": "iìíỉĩị",
    "o": "oòóỏõọ",
    "ô": "ôồốổỗộ",
    "ơ": "ơờớởỡợ",
    "u": "uùúủũụ",
    "ư": "ưừứửữự",
    "y": "yỳýỷỹỵ",
}
UPPER_VOWELS = {
    "A": "AÀÁẢÃẠ",
    "Ă": "ĂẰẮẲẴẶ",
    "Â": "ÂẦẤẨẪẬ",
    "E": "EÈÉẺẼẸ",
    "Ê": "ÊỀẾỂỄỆ",
    "I": "IÌÍỈĨỊ",
    "O": "OÒÓỎÕỌ",
    "Ô": "ÔỒỐỔỖỘ",
    "Ơ": "ƠỜỚỞỠỢ",
    "U": "UÙÚỦŨỤ",
    "Ư": "ƯỪỨỬỮỰ",
    "Y": "YỲÝỶỸỴ",
}
ALL_FORMS = [
    (form, vowel)
    for table in (LOWER_VOWELS, UPPER_VOWELS)
    for vowel, forms in table.items()
    for form in forms
]


def test_the_alphabet_table_holds_144_distinct_vowel_forms():
    forms = [form for form, _ in ALL_FORMS]
    assert len(forms) == 144
    assert len(set(forms)) == 144
    for form, vowel in ALL_FORMS:
        # Each form is the right letter: Unicode names it after its base vowel.
        base = unicodedata.name(vowel).split(" WITH ")[0]
        assert unicodedata.name(form).startswith(base)


@pytest.mark.parametrize(("form", "vowel"), ALL_FORMS)
def test_every_vowel_form_folds_to_its_bare_lowercase_letter(form, vowel):
    bare = vowel.lower().translate(str.maketrans("ăâêôơư", "aaeoou"))
    assert fold(form) == bare
    assert fold(unicodedata.normalize("NFD", form)) == bare


@pytest.mark.parametrize("letter", ["đ", "Đ", "d", "D"])
def test_d_with_stroke_is_the_same_letter_as_d(letter):
    assert fold(letter) == "d"


def test_names_fold_to_what_readers_type_without_accents():
    assert fold("Điện Biên Phủ") == "dien bien phu"
    assert fold("TRẦN QUỐC CƯỜNG") == "tran quoc cuong"
    assert fold("Mường Chà") == "muong cha"
    assert fold("Nghị định số 28/2022/NĐ-CP") == "nghi dinh so 28/2022/nd-cp"


def test_partly_accented_spellings_fold_alike():
    assert fold("Điên Biên") == fold("Điện Biên") == fold("DIEN BIEN") == "dien bien"


def test_russian_folds_case_and_yo_but_keeps_short_i():
    assert fold("Ёлка в Санкт-Петербурге") == "елка в санкт-петербурге"
    assert fold("ЁЖ") == fold("еж")
    assert fold("Мой край") == "мой край"


def test_eth_typed_for_d_with_stroke_folds_to_d():
    assert fold("ÐIỆN BIÊN") == "dien bien"


@given(st.text())
def test_nfc_and_nfd_input_fold_identically(text):
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))


vietnamese_text = st.text(
    alphabet=st.sampled_from(
        "".join(LOWER_VOWELS.values()) + "".join(UPPER_VOWELS.values()) + "đĐbcghklmnpqrstvx ,.-"
    )
)


@given(vietnamese_text)
def test_vietnamese_text_nfc_and_nfd_fold_identically(text):
    assert fold(unicodedata.normalize("NFC", text)) == fold(unicodedata.normalize("NFD", text))


@given(st.one_of(st.text(), vietnamese_text))
def test_offsets_point_into_the_original_in_order(text):
    original, folded, offsets = fold_with_offsets(text)
    assert original == unicodedata.normalize("NFC", text)
    assert folded == fold(text)
    assert len(offsets) == len(folded)
    assert offsets == sorted(offsets)
    assert all(0 <= offset < len(original) for offset in offsets)


@given(vietnamese_text)
def test_vietnamese_text_folds_character_for_character(text):
    original, folded, offsets = fold_with_offsets(text)
    assert len(folded) == len(original)
    assert offsets == list(range(len(original)))
