import json

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import ModelLogEntry

from hoaban.core.newsroom import EDITORS, ensure_newsroom_roles
from hoaban.discussion.models import Comment

Status = Comment.Status
QUEUE = "/admin/snippets/discussion/comment/"


@pytest.fixture
def editor_client(client, db):
    ensure_newsroom_roles()
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
