import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from hoaban.core.newsroom import EDITORS, REPORTERS, ensure_newsroom_roles
from hoaban.discussion.models import Comment

Status = Comment.Status
QUEUE = "/admin/snippets/discussion/comment/"


@pytest.fixture
def editor_client(client, news_site):
    ensure_newsroom_roles()  # after the site: the editors' grants sit on its homes
    user = get_user_model().objects.create_user("bientap", password="mat-khau-1")
    user.groups.add(Group.objects.get(name=EDITORS))
    client.force_login(user)
    client.user = user
    return client


@pytest.fixture
def comments(article):
    return [
        Comment.objects.create(article=article, name="Lò Thị Mai", body=body, ip_hash="h")
        for body in ("Cảm ơn tòa soạn.", "Lễ hội hoa ban rất đẹp.", "Mua thuốc giá rẻ")
    ]


def test_editors_see_the_pending_count_on_the_dashboard_and_in_the_menu(editor_client, comments):
    html = editor_client.get(reverse("wagtailadmin_home")).content.decode()
    assert "3 bình luận đang chờ duyệt." in html
    assert json.dumps("Bình luận (3)") in html  # the menu is JSON in the page


def test_queue_filters_by_status_and_searches_the_text(editor_client, comments):
    Comment.objects.filter(pk=comments[0].pk).update(status=Status.APPROVED)
    pending = editor_client.get(QUEUE, {"status": "pending"}).content.decode()
    assert "Lễ hội hoa ban rất đẹp." in pending
    assert "Cảm ơn tòa soạn." not in pending
    found = editor_client.get(QUEUE, {"q": "hoa ban"}).content.decode()
    assert "Lễ hội hoa ban rất đẹp." in found
    assert "Mua thuốc giá rẻ" not in found


def test_bulk_approve_and_bulk_remove_go_through_moderation(editor_client, comments):
    url = reverse("wagtail_bulk_action", args=["discussion", "comment", "approve"])
    ids = f"?id={comments[0].pk}&id={comments[1].pk}"
    confirm = editor_client.get(url + ids)
    assert confirm.status_code == 200
    assert editor_client.post(url + ids).status_code == 302
    url = reverse("wagtail_bulk_action", args=["discussion", "comment", "remove"])
    editor_client.post(url + f"?id={comments[2].pk}")
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses == {
        comments[0].pk: Status.APPROVED,
        comments[1].pk: Status.APPROVED,
        comments[2].pk: Status.REMOVED,
    }
    entries = ModelLogEntry.objects.filter(action__startswith="discussion.")
    assert {(e.action, e.user_id) for e in entries} == {
        ("discussion.approve", editor_client.user.pk),
        ("discussion.remove", editor_client.user.pk),
    }
    assert entries.count() == 3


def test_changing_the_status_in_the_edit_form_is_logged(editor_client, comments):
    url = reverse("wagtailsnippets_discussion_comment:edit", args=[comments[0].pk])
    assert editor_client.get(url).status_code == 200
    response = editor_client.post(url, {"status": "approved"})
    assert response.status_code == 302
    comments[0].refresh_from_db()
    assert comments[0].status == Status.APPROVED
    assert comments[0].body == "Cảm ơn tòa soạn."
    assert ModelLogEntry.objects.for_instance(comments[0]).get().action == "discussion.approve"


def _moderate_url(comment, action):
    return reverse("wagtailsnippets_discussion_comment:moderate", args=[comment.pk, action])


def test_each_queue_row_offers_the_statuses_the_comment_does_not_have(editor_client, comments):
    Comment.objects.filter(pk=comments[0].pk).update(status=Status.APPROVED)
    html = editor_client.get(QUEUE).content.decode()
    assert f'formaction="{_moderate_url(comments[0], "approve")}"' not in html
    assert f'formaction="{_moderate_url(comments[0], "spam")}"' in html
    assert f'formaction="{_moderate_url(comments[1], "approve")}"' in html
    assert 'name="csrfmiddlewaretoken"' in html


def test_approving_from_the_row_logs_it_and_returns_to_the_same_filtered_page(
    editor_client, comments, announced, django_capture_on_commit_callbacks
):
    queue_page = f"{QUEUE}?status=pending&q=hoa+ban"
    with django_capture_on_commit_callbacks(execute=True):
        response = editor_client.post(
            _moderate_url(comments[1], "approve"), {"next": queue_page}, follow=True
        )
    assert response.redirect_chain == [(queue_page, 302)]
    assert "Đã duyệt bình luận của “Lò Thị Mai”." in response.content.decode()
    comments[1].refresh_from_db()
    assert (comments[1].status, comments[1].moderated_by) == (Status.APPROVED, editor_client.user)
    entry = ModelLogEntry.objects.for_instance(comments[1]).get()
    assert (entry.action, entry.user_id) == ("discussion.approve", editor_client.user.pk)
    assert announced == [comments[1].article_id]


def test_spam_and_remove_from_the_row_keep_the_comment_in_the_database(editor_client, comments):
    editor_client.post(_moderate_url(comments[2], "spam"), {"next": QUEUE})
    editor_client.post(_moderate_url(comments[0], "remove"), {"next": QUEUE})
    statuses = dict(Comment.objects.values_list("pk", "status"))
    assert statuses[comments[2].pk] == Status.SPAM
    assert statuses[comments[0].pk] == Status.REMOVED
    assert Comment.objects.count() == 3


def test_row_action_repeated_changes_nothing_and_says_so(editor_client, comments):
    editor_client.post(_moderate_url(comments[0], "spam"))
    response = editor_client.post(_moderate_url(comments[0], "spam"), follow=True)
    assert "Bình luận này đã ở trạng thái đó: không có gì thay đổi." in response.content.decode()
    assert ModelLogEntry.objects.for_instance(comments[0]).count() == 1


def test_row_action_sends_to_the_queue_when_next_points_elsewhere(editor_client, comments):
    response = editor_client.post(
        _moderate_url(comments[0], "approve"), {"next": "https://evil.example/"}
    )
    assert response["Location"] == QUEUE


def test_row_actions_take_only_a_post_with_a_csrf_token(editor_client, comments):
    assert editor_client.get(_moderate_url(comments[0], "approve")).status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(editor_client.user)
    assert strict.post(_moderate_url(comments[0], "approve")).status_code == 403
    comments[0].refresh_from_db()
    assert comments[0].status == Status.PENDING


def test_reporters_cannot_moderate_from_the_row(client, news_site, comments):
    ensure_newsroom_roles()
    reporter = get_user_model().objects.create_user("phongvien", password="mat-khau-1")
    reporter.groups.add(Group.objects.get(name=REPORTERS))
    client.force_login(reporter)
    response = client.post(_moderate_url(comments[0], "approve"))
    assert response["Location"] == reverse("wagtailadmin_home")  # Wagtail's "no permission"
    comments[0].refresh_from_db()
    assert comments[0].status == Status.PENDING


def test_quick_comments_are_marked_in_the_queue(editor_client, article):
    Comment.objects.create(
        article=article,
        name="Lò Văn Pâng",
        body="Mong tòa soạn viết thêm về bản Mường Phăng.",
        ip_hash="h",
        held_reason="gửi 0.4 giây sau khi mở biểu mẫu",
    )
    html = editor_client.get(QUEUE, {"status": "pending"}).content.decode()
    assert "gửi 0.4 giây sau khi mở biểu mẫu" in html
