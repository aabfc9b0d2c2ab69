"""The blank comment form is kept as a fragment per article (the memo on)."""

from unittest import mock

from django.urls import reverse
from django.utils import translation

from hoaban.discussion import forms


def form_action(html: str) -> str:
    start = html.index('id="comment-form"')
    return html[
        html.index('action="', start) + 8 : html.index('"', html.index('action="', start) + 8)
    ]


def test_the_blank_form_is_built_once_per_article(client, news_site, settings):
    settings.HOABAN_MEMO_CACHE = True
    first = news_site.article("news", title="Điện Biên đón đoàn công tác Saint Petersburg")
    second = news_site.article("news", title="Mường Lay khai trương bến thuyền du lịch")
    client.get(first.url)

    with mock.patch.object(
        forms.CommentForm, "__init__", autospec=True, side_effect=forms.CommentForm.__init__
    ) as built:
        again = client.get(first.url).content.decode()
        assert built.call_count == 0
        other = client.get(second.url).content.decode()
        assert built.call_count == 1

    with translation.override("vi"):
        assert form_action(again) == reverse("comment_post", args=[first.pk])
        assert form_action(other) == reverse("comment_post", args=[second.pk])
    assert "Bạn còn 500/500 ký tự" in again and ">Gửi</button>" in again
