"""The comment rules are the same in every edition; the reader reads them in the edition's
language: form labels, the counter and the validation errors."""

from html import unescape

import pytest
from django.test import Client

from hoaban.discussion.models import Comment, CommentSettings
from hoaban.testing import translate

from .conftest import Reader


@pytest.fixture
def russian_article(news_site, article):
    translate(news_site.home, "ru", title="Газета Дьенбьенфу")
    translate(news_site.sections["news"], "ru", title="Новости - Политика")
    return translate(article, "ru", title="Дьенбьен принимает делегацию Санкт-Петербурга")


def page_text(url) -> str:
    response = Client().get(url)
    assert response.status_code == 200
    return unescape(response.content.decode())


def test_vietnamese_article_has_a_vietnamese_comment_form(article):
    html = page_text(article.url)
    assert "Bình luận (0)" in html
    assert "Chưa có bình luận nào" in html
    assert "Bạn còn 500/500 ký tự" in html
    # The template the browser's counter fills in as the reader types.
    assert 'data-template="Bạn còn {left}/500 ký tự"' in html
    assert ">Gửi</button>" in html
    assert "characters left" not in html


def test_russian_article_has_a_russian_comment_form(russian_article):
    html = page_text(russian_article.url)
    assert russian_article.url.startswith("/ru/")
    assert "Комментарии (0)" in html
    assert "Осталось символов: 500/500" in html
    assert 'data-template="Осталось символов: {left}/500"' in html
    assert ">Отправить</button>" in html


def test_too_short_comment_on_the_vietnamese_edition(article, reader):
    response = reader.post(article, body="Hay!", language="vi")
    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Vui lòng nhập từ 5 ký tự trở lên" in html
    assert "Vui lòng sửa các lỗi dưới đây." in html
    assert ">Hay!</textarea>" in html
    assert 'value="Nguyễn Thị Hoa"' in html


def test_too_short_comment_on_the_russian_edition(russian_article, reader):
    response = reader.post(russian_article, body="Хор!", language="ru")
    html = unescape(response.content.decode())
    assert response.status_code == 400
    assert "Введите не менее 5 символов" in html
    assert ">Хор!</textarea>" in html


def test_scripted_post_gets_the_error_in_the_editions_language(russian_article):
    response = Reader().post(russian_article, json=True, body="Хор!", language="ru")
    assert response.json()["message"] == "Исправьте, пожалуйста, ошибки ниже."
    assert response.json()["errors"]["body"][0]["message"] == "Введите не менее 5 символов"


@pytest.mark.parametrize(
    ("name", "message"),
    [
        ("Х", "Имя должно содержать не менее 2 символов."),
        ("Хоа" * 27, "Сократите имя до 80 символов."),
    ],
)
def test_russian_name_errors_use_the_plural_form_of_the_number(
    russian_article, reader, name, message
):
    response = reader.post(russian_article, name=name, language="ru")
    assert message in unescape(response.content.decode())


def test_the_rules_are_the_same_in_every_edition(article, russian_article, reader):
    for target, language in [(article, "vi"), (russian_article, "ru"), (article, "en")]:
        assert reader.post(target, body="Hay!", language=language).status_code == 400
        assert reader.post(target, body="x" * 501, language=language).status_code == 400


def test_held_reason_is_stored_in_the_newsrooms_language(russian_article, reader):
    rules = CommentSettings.for_site(russian_article.get_site())
    rules.banned_words = "казино"
    rules.save()
    reader.post(
        russian_article,
        body="Смотрите http://a.example http://b.example http://c.example",
        language="ru",
    )
    reader.post(russian_article, body="Лучшее Казино онлайн здесь", language="ru")
    reasons = list(Comment.objects.order_by("pk").values_list("held_reason", flat=True))
    assert reasons == ["3 liên kết (nhiều hơn 2)", "từ bị cấm “казино”"]
