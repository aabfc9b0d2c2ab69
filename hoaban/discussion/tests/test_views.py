import re
from datetime import timedelta
from html import unescape

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hoaban.discussion.models import Comment, CommentSettings

from .conftest import COMMENT, Reader

Status = Comment.Status


def article_html(article, query="") -> str:
    response = Client().get(article.url + query)
    assert response.status_code == 200
    return response.content.decode()


def hidden_inputs(html: str) -> dict:
    return dict(re.findall(r'<input type="hidden" name="(\w+)" value="([^"]*)"', html))


def approved(article, body, **fields):
    fields.setdefault("name", "Lò Văn Pâng")
    return Comment.objects.create(
        article=article, body=body, status=Status.APPROVED, ip_hash="x", **fields
    )


def test_anonymous_article_page_sets_no_cookie_and_carries_no_token(article):
    response = Client().get(article.url)
    html = response.content.decode()
    assert not response.cookies
    assert 'id="comment-form"' in html
    assert hidden_inputs(html) == {"csrfmiddlewaretoken": "", "issued": ""}
    assert "Bình luận (0)" in html
    assert "Chưa có bình luận nào" in html
    assert "Bạn còn 500/500 ký tự" in html


def test_article_page_shows_approved_comments_only_oldest_first(article):
    now = timezone.now()
    approved(article, "Bình luận thứ hai", created_at=now)
    approved(article, "Bình luận đầu tiên\nxuống dòng", created_at=now - timedelta(hours=1))
    Comment.objects.create(article=article, name="Ẩn", body="Đang chờ duyệt", ip_hash="x")
    Comment.objects.create(
        article=article, name="Ẩn", body="Đã gỡ bỏ", ip_hash="x", status=Status.REMOVED
    )
    html = article_html(article)
    assert "Bình luận (2)" in html
    assert html.index("Bình luận đầu tiên") < html.index("Bình luận thứ hai")
    assert "Bình luận đầu tiên<br>xuống dòng" in html
    assert "Đang chờ duyệt" not in html
    assert "Đã gỡ bỏ" not in html


@pytest.mark.usefixtures("uncached_renders")
def test_comment_list_costs_the_same_queries_for_one_or_twenty_comments(article):
    approved(article, "Bình luận duy nhất")
    Client().get(article.url)  # warm the site-wide lookups both runs share
    with CaptureQueriesContext(connection) as one:
        Client().get(article.url)
    for number in range(19):
        approved(article, f"Bình luận số {number}")
    with CaptureQueriesContext(connection) as twenty:
        html = Client().get(article.url).content.decode()
    assert "Bình luận (20)" in html
    assert len(twenty) == len(one)


def test_script_and_attribute_payloads_are_shown_as_text(article):
    approved(article, '<script>alert("xss")</script> " onmouseover="alert(1)', name="<b>Kẻ xấu</b>")
    html = article_html(article)
    assert '<script>alert("xss")' not in html
    assert "<b>Kẻ xấu</b>" not in html
    assert "&lt;script&gt;alert(&quot;xss&quot;)&lt;/script&gt;" in html
    assert "&quot; onmouseover=&quot;alert(1)" in html
    assert "&lt;b&gt;Kẻ xấu&lt;/b&gt;" in html


def test_token_endpoint_is_uncached_and_sets_the_csrf_cookie(db):
    # db: the page cache in front reads the sites' host names from the database the first time.
    response = Client().get("/en/comments/token/")
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert response.json()["csrfToken"]
    assert response.json()["issued"]
    assert "csrftoken" in response.cookies


def test_valid_comment_is_stored_pending_and_the_reader_is_sent_back_to_the_comments(
    article, reader
):
    response = reader.post(article, body="Mu\u031bo\u031b\u0300ng Pha\u0306ng rất đẹp.")
    assert response.status_code == 302
    assert response["Location"] == f"{article.url}?comment=pending#comments"
    comment = Comment.objects.get()
    assert comment.status == Status.PENDING
    assert comment.body == "Mường Phăng rất đẹp."
    assert comment.name == "Nguyễn Thị Hoa"
    assert comment.ip_hash != "203.0.113.7" and "203.0.113.7" not in comment.ip_hash
    assert len(comment.ip_hash) == 64
    html = article_html(article, "?comment=pending")
    assert "Cảm ơn bạn! Bình luận của bạn đang chờ duyệt." in html
    assert "Bình luận (0)" in html


def test_comments_from_one_address_share_a_stable_hash(article, reader):
    reader.post(article)
    reader.post(article, body="Bình luận thứ hai của tôi.")
    other = Reader(address="198.51.100.20")
    other.post(article)
    hashes = list(Comment.objects.order_by("pk").values_list("ip_hash", flat=True))
    assert hashes[0] == hashes[1] != hashes[2]


def test_scripted_post_gets_json_answers(article, reader):
    response = reader.post(article, json=True)
    assert response.status_code == 200
    assert response.json()["status"] == "pending"
    response = reader.post(article, json=True, body="Hay!")
    assert response.status_code == 400
    assert response.json()["errors"]["body"][0]["message"] == "Please enter 5 or more characters"


def test_too_short_comment_is_refused_and_the_text_stays_in_the_form(article, reader):
    response = reader.post(article, body="Hay!")
    html = response.content.decode()
    assert response.status_code == 400
    assert "Please enter 5 or more characters" in html
    assert ">Hay!</textarea>" in html
    assert 'value="Nguyễn Thị Hoa"' in html
    assert not Comment.objects.exists()


def test_post_without_csrf_token_is_refused_and_one_more_click_sends_it(article, reader, settings):
    response = reader.post(article, token=False, issued_ago=None, body="Chúc mừng Điện Biên!")
    html = response.content.decode()
    assert response.status_code == 403
    assert not Comment.objects.exists()
    assert "no-store" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert ">Chúc mừng Điện Biên!</textarea>" in html
    fields = hidden_inputs(html)
    assert fields["csrfmiddlewaretoken"] and fields["issued"]

    again = reader.client.post(
        unescape(re.search(r'id="comment-form" method="post" action="([^"]+)"', html).group(1)),
        {**fields, "name": "Nguyễn Thị Hoa", "body": "Chúc mừng Điện Biên!", "website": ""},
    )
    assert again.status_code == 302
    assert Comment.objects.get().body == "Chúc mừng Điện Biên!"


def test_comment_pasted_and_sent_at_once_is_kept_and_held_for_an_editor(
    article, reader, announced, django_capture_on_commit_callbacks
):
    site_settings = CommentSettings.for_site(article.get_site())
    site_settings.auto_approve = True
    site_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = reader.post(article, json=True, issued_ago=0.5)
    assert response.status_code == 200
    assert response.json()["status"] == "pending"
    comment = Comment.objects.get()
    assert (comment.body, comment.status) == (COMMENT, Status.PENDING)
    assert comment.held_reason == "gửi 0.5 giây sau khi mở biểu mẫu"
    assert announced == []  # nothing new for readers until an editor approves


def test_quick_comment_without_javascript_goes_back_to_the_article_awaiting_moderation(
    article, reader
):
    response = reader.post(article, issued_ago=1)
    assert response.status_code == 302
    assert response["Location"].endswith("?comment=pending#comments")
    assert Comment.objects.get().held_reason.startswith("gửi 1.0 giây")


def test_quick_comment_with_too_many_links_is_held_as_spam_for_its_links(article, reader):
    reader.post(
        article, issued_ago=0.2, body="Xem http://a.example http://b.example http://c.example"
    )
    comment = Comment.objects.get()
    assert comment.status == Status.SPAM
    assert comment.held_reason == "3 liên kết (nhiều hơn 2)"


def test_comment_sent_after_the_minimum_time_is_not_marked(article, reader):
    reader.post(article, issued_ago=3.5)
    comment = Comment.objects.get()
    assert (comment.status, comment.held_reason) == (Status.PENDING, "")


def test_forged_start_time_is_treated_like_a_missing_token(article, reader):
    response = reader.post(article, issued_ago=None, issued="12345:forged")
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_filled_honeypot_stores_nothing_but_looks_accepted(article, reader):
    response = reader.post(article, website="http://spam.example")
    assert response.status_code == 302
    assert not Comment.objects.exists()


def test_posting_past_the_per_address_limit_answers_429_please_wait(article, reader, settings):
    settings.HOABAN_COMMENTS_IP_LIMIT = 2
    assert reader.post(article).status_code == 302
    assert reader.post(article, body="Bình luận thứ hai.").status_code == 302
    refused = reader.post(article, body="Bình luận thứ ba.")
    assert refused.status_code == 429
    assert refused["Retry-After"] == "600"
    assert "Please wait a few minutes" in refused.content.decode()
    assert "Bình luận thứ ba." in refused.content.decode()
    assert reader.post(article, json=True, body="Thứ tư").status_code == 429
    assert Reader(address="198.51.100.20").post(article).status_code == 302
    assert Comment.objects.count() == 3


def test_posting_past_the_per_article_limit_answers_429(article, news_site, settings):
    settings.HOABAN_COMMENTS_ARTICLE_LIMIT = 2
    for number in range(2):
        assert Reader(address=f"198.51.100.{number}").post(article).status_code == 302
    assert Reader(address="198.51.100.9").post(article).status_code == 429
    other_article = news_site.article("business")
    assert Reader(address="198.51.100.9").post(other_article).status_code == 302


def test_comments_older_than_the_window_do_not_count_towards_the_limit(article, reader, settings):
    settings.HOABAN_COMMENTS_IP_LIMIT = 1
    reader.post(article)
    Comment.objects.update(created_at=timezone.now() - timedelta(seconds=601))
    assert reader.post(article, body="Sau mười phút.").status_code == 302


def test_article_with_comments_switched_off_says_so_and_accepts_nothing(article, reader):
    article.comments_open = False
    article.save_revision().publish()
    html = article_html(article)
    assert "Bài viết này đã đóng bình luận." in html
    assert 'id="comment-form"' not in html
    response = reader.post(article)
    assert response.status_code == 403
    assert "closed" in response.content.decode()
    assert not Comment.objects.exists()


def test_comments_close_by_themselves_after_the_configured_days(news_site, reader):
    site_settings = CommentSettings.for_site(news_site.home.get_site())
    site_settings.close_after_days = 3
    site_settings.save()
    old = news_site.article(date=timezone.now() - timedelta(days=4))
    recent = news_site.article(date=timezone.now() - timedelta(days=2))
    assert "Bài viết này đã đóng bình luận." in article_html(old)
    assert reader.post(old).status_code == 403
    assert reader.post(recent).status_code == 302
    assert Comment.objects.get().article_id == recent.pk


def test_auto_approved_comment_is_published_and_the_cache_told(
    article, reader, announced, django_capture_on_commit_callbacks
):
    site_settings = CommentSettings.for_site(article.get_site())
    site_settings.auto_approve = True
    site_settings.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = reader.post(article, json=True)
    assert response.json()["status"] == "published"
    assert announced == [article.pk]
    html = article_html(article, "?comment=published")
    assert "Bình luận (1)" in html
    assert "Bình luận của bạn đã được đăng" in html


def test_comment_with_too_many_links_is_held_as_spam(
    article, reader, announced, django_capture_on_commit_callbacks
):
    site_settings = CommentSettings.for_site(article.get_site())
    site_settings.auto_approve = True
    site_settings.banned_words = "cờ bạc"
    site_settings.save()
    links = "Xem http://a.example http://b.example http://c.example"
    with django_capture_on_commit_callbacks(execute=True):
        assert reader.post(article, json=True, body=links).json()["status"] == "pending"
        reader.post(article, body="Chơi Cờ Bạc online ở đây")
    assert list(Comment.objects.values_list("status", flat=True)) == [Status.SPAM] * 2
    assert announced == []
