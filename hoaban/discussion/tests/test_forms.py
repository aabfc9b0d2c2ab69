import unicodedata

import pytest

from hoaban.discussion.forms import CommentForm


def form_for(body, name="Trần Văn Minh"):
    return CommentForm(data={"name": name, "email": "", "body": body, "website": ""})


def test_comment_shorter_than_five_characters_is_refused():
    form = form_for("Hay!")
    assert not form.is_valid()
    assert form.errors["body"] == ["Vui lòng nhập từ 5 ký tự trở lên"]


def test_comment_of_exactly_five_characters_is_accepted():
    form = form_for("Tuyệt")
    assert form.is_valid(), form.errors
    assert form.cleaned_data["body"] == "Tuyệt"


def test_comment_of_exactly_500_characters_is_accepted():
    body = ("Điện Biên " * 50)[:500]
    assert len(body) == 500
    assert form_for(body).is_valid()


def test_comment_of_501_characters_is_refused_with_a_clear_error():
    form = form_for("ệ" * 501)
    assert not form.is_valid()
    assert form.errors["body"] == [
        "Vui lòng rút gọn bình luận xuống tối đa 500 ký tự (hiện có 501)."
    ]


def test_500_vietnamese_letters_typed_with_combining_marks_count_as_500():
    body = ("Mường Phăng đẹp lắm, ệ ở ữ. " * 20)[:499] + "ệ"
    assert len(body) == 500
    typed = unicodedata.normalize("NFD", body)
    assert len(typed) > 500
    form = form_for(typed)
    assert form.is_valid(), form.errors
    assert form.cleaned_data["body"] == body
    assert unicodedata.is_normalized("NFC", form.cleaned_data["body"])


def test_501_vietnamese_letters_typed_with_combining_marks_are_refused():
    typed = unicodedata.normalize("NFD", "ệ" * 501)
    assert not form_for(typed).is_valid()


@pytest.mark.parametrize("body", ["     ", "\n\n\t  \r\n", ""])
def test_whitespace_only_comment_is_refused(body):
    form = form_for(body)
    assert not form.is_valid()
    assert form.errors["body"] == ["Vui lòng nhập nội dung bình luận."]


def test_four_letters_padded_with_spaces_are_still_too_short():
    assert form_for("   Hay!   ").errors["body"] == ["Vui lòng nhập từ 5 ký tự trở lên"]


def test_missing_name_is_refused():
    form = form_for("Bài viết rất hữu ích.", name="  ")
    assert form.errors["name"] == ["Vui lòng nhập họ tên."]


def test_one_letter_name_and_81_letter_name_are_refused():
    assert "name" in form_for("Bài viết rất hữu ích.", name="Đ").errors
    assert "name" in form_for("Bài viết rất hữu ích.", name="Đ" * 81).errors
    assert form_for("Bài viết rất hữu ích.", name="Đô").is_valid()


def test_line_breaks_are_kept_and_windows_newlines_count_once():
    form = form_for("Dòng một\r\nDòng hai")
    assert form.is_valid()
    assert form.cleaned_data["body"] == "Dòng một\nDòng hai"


def test_filled_honeypot_marks_the_form_as_a_script():
    form = CommentForm(data={"name": "Bot", "body": "Mua ngay!", "website": "http://x.example"})
    assert form.is_trapped
