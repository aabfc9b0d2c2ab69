"""The blank comment form under each article: the same for every reader, its own per article."""

from django.urls import reverse
from django.utils import translation


def form_action(html: str) -> str:
    start = html.index('id="comment-form"')
    return html[
        html.index('action="', start) + 8 : html.index('"', html.index('action="', start) + 8)
    ]


def test_each_article_posts_its_blank_form_to_its_own_address(client, news_site):
    first = news_site.article("news", title="Điện Biên đón đoàn công tác Saint Petersburg")
    second = news_site.article("news", title="Mường Lay khai trương bến thuyền du lịch")
    client.get(first.url)  # cached now: the second read is the page cache's copy

    again = client.get(first.url).content.decode()
    other = client.get(second.url).content.decode()

    with translation.override("vi"):
        assert form_action(again) == reverse("comment_post", args=[first.pk])
        assert form_action(other) == reverse("comment_post", args=[second.pk])
    assert "Bạn còn 500/500 ký tự" in again and ">Gửi</button>" in again
