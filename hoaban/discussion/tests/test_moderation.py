import pytest
from django.contrib.auth import get_user_model
from wagtail.models import ModelLogEntry

from hoaban.discussion.models import Comment
from hoaban.discussion.moderation import comment_moderate, comments_moderate

Status = Comment.Status


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_user("bien-tap", password="x", first_name="Thu")


@pytest.fixture
def pending(article):
    return Comment.objects.create(
        article=article, name="Hà Giang", body="Chờ biên tập viên duyệt.", ip_hash="h"
    )


@pytest.fixture
def moderate(django_capture_on_commit_callbacks):
    """comment_moderate with the on-commit work run, as after a real commit."""

    def run(comment, status, user):
        with django_capture_on_commit_callbacks(execute=True):
            return comment_moderate(comment=comment, status=status, user=user)

    return run


def test_approving_records_who_and_when_and_tells_the_cache(pending, editor, announced, moderate):
    assert moderate(pending, Status.APPROVED, editor)
    pending.refresh_from_db()
    assert pending.status == Status.APPROVED
    assert pending.moderated_by == editor
    assert pending.moderated_at is not None
    entry = ModelLogEntry.objects.for_instance(pending).get()
    assert entry.action == "discussion.approve"
    assert entry.user == editor
    assert entry.timestamp is not None
    assert announced == [pending.article_id]


def test_removing_keeps_the_comment_in_the_database(pending, editor, announced, moderate):
    moderate(pending, Status.APPROVED, editor)
    moderate(pending, Status.REMOVED, editor)
    pending.refresh_from_db()
    assert pending.status == Status.REMOVED
    assert pending.body == "Chờ biên tập viên duyệt."
    actions = ModelLogEntry.objects.for_instance(pending).order_by("pk")
    assert [entry.action for entry in actions] == ["discussion.approve", "discussion.remove"]
    assert announced == [pending.article_id, pending.article_id]


def test_changes_readers_cannot_see_do_not_touch_the_cache(pending, editor, announced, moderate):
    moderate(pending, Status.SPAM, editor)
    moderate(pending, Status.REMOVED, editor)
    assert announced == []
    assert ModelLogEntry.objects.for_instance(pending).count() == 2


def test_setting_the_same_status_again_changes_and_logs_nothing(
    pending, editor, announced, moderate
):
    assert not moderate(pending, Status.PENDING, editor)
    assert not ModelLogEntry.objects.for_instance(pending).exists()


def test_bulk_approval_announces_each_article_once(
    news_site, editor, announced, django_capture_on_commit_callbacks
):
    first, second = news_site.article(), news_site.article()
    ids = [
        Comment.objects.create(article=article, name="Độc giả", body="Ý kiến hay", ip_hash="h").pk
        for article in (first, first, second)
    ]
    with django_capture_on_commit_callbacks(execute=True):
        changed = comments_moderate(comment_ids=ids, status=Status.APPROVED, user=editor)
    assert changed == 3
    assert sorted(announced) == sorted([first.pk, second.pk])
    assert Comment.objects.filter(status=Status.APPROVED).count() == 3
