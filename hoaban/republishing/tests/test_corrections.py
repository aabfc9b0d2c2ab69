import pytest
from django.core import mail

from hoaban.articles.models import ArticlePage
from hoaban.republishing.models import Republication
from hoaban.republishing.services import republish
from hoaban.republishing.translations import reuse_translation
from hoaban.testing import translate


@pytest.fixture
def story(news_site):
    return news_site.article(
        title="Trại hè “Về nguồn” tại Trường Tiểu học Võ Nguyên Giáp",
        lead="Hơn 100 học sinh xã Mường Phăng tham gia trại hè năm 2025.",
    )


@pytest.fixture
def copy(story, platform, editor):
    return republish(original=story, section=platform.local, user=editor)


def _correct(page, capture, **fields):
    """Publish a new revision of `page` as an editor would, and run what its commit starts."""
    page = ArticlePage.objects.get(pk=page.pk)
    for name, value in fields.items():
        setattr(page, name, value)
    with capture(execute=True):
        page.save_revision().publish()


def test_a_correction_of_the_original_reaches_the_copy(
    story, copy, django_capture_on_commit_callbacks
):
    _correct(
        story,
        django_capture_on_commit_callbacks,
        lead="Gần 120 học sinh xã Mường Phăng dự trại hè.",
    )

    copy.refresh_from_db()
    assert copy.live and copy.lead == "Gần 120 học sinh xã Mường Phăng dự trại hè."
    assert copy.live_revision_id == Republication.objects.get(copy=copy).synced_revision_id
    assert copy.revisions.count() == 2


def test_a_copy_edited_on_the_platform_no_longer_follows_corrections(
    story, copy, editor, django_capture_on_commit_callbacks
):
    copy.title = "Mường Phăng: trại hè “Về nguồn” cho học sinh vùng cao"
    copy.save_revision(user=editor).publish(user=editor)

    _correct(story, django_capture_on_commit_callbacks, lead="Nội dung đính chính từ tòa soạn.")

    copy.refresh_from_db()
    assert copy.title == "Mường Phăng: trại hè “Về nguồn” cho học sinh vùng cao"
    assert copy.lead == "Hơn 100 học sinh xã Mường Phăng tham gia trại hè năm 2025."
    link = Republication.objects.get(copy=copy)
    assert link.edited_at is not None
    assert link.status() == "Đã sửa trên trang đăng lại"


def test_an_unpublished_original_withdraws_the_copy_and_tells_the_platform_editors(
    story, copy, editor, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=story.pk).unpublish()

    copy.refresh_from_db()
    assert not copy.live
    link = Republication.objects.get(copy=copy)
    assert link.withdrawal == Republication.Withdrawal.UNPUBLISHED
    assert [message.to for message in mail.outbox] == [[editor.email]]
    assert "Trại hè “Về nguồn”" in mail.outbox[0].subject
    assert f"/admin/pages/{copy.pk}/edit/" in mail.outbox[0].body


def test_a_deleted_original_withdraws_the_copy(story, copy, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=story.pk).delete()

    copy.refresh_from_db()
    link = Republication.objects.get(copy=copy)
    assert not copy.live and link.original is None
    assert link.withdrawal == Republication.Withdrawal.DELETED
    assert len(mail.outbox) == 1


def test_an_original_published_again_brings_its_copy_back(
    story, copy, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=story.pk).unpublish()

    _correct(story, django_capture_on_commit_callbacks)

    copy.refresh_from_db()
    assert copy.live
    assert Republication.objects.get(copy=copy).withdrawn_at is None


def test_a_withdrawn_copy_takes_its_reused_translations_with_it(
    story, english_platform, copy, editor, newspaper_editor, django_capture_on_commit_callbacks
):
    english = translate(story, "en", title="“Tracing our roots” summer camp in Mường Phăng")
    edition = reuse_translation(copy=copy, locale=english.locale, user=editor, publish=True)

    with django_capture_on_commit_callbacks(execute=True):
        ArticlePage.objects.get(pk=story.pk).unpublish(user=newspaper_editor)

    edition.refresh_from_db()
    assert not edition.live
