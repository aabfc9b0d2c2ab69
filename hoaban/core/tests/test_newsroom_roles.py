"""What reporters and editors can do in the admin: photos and documents in the Newsroom
collection, syndication sources, and the menus each role sees."""

import io
import uuid

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import RequestFactory
from django.urls import reverse
from wagtail.admin.menu import SubmenuMenuItem, admin_menu
from wagtail.documents import get_document_model
from wagtail.images.tests.utils import get_test_image_file_jpeg
from wagtail.models import Collection, GroupCollectionPermission

from hoaban.articles.models import ArticlePage
from hoaban.core.newsroom import (
    COLLECTION_NAME,
    EDITORS,
    REPORTERS,
    ensure_newsroom_roles,
    newsroom_collection,
)
from hoaban.images.models import NewsImage

# Each role's admin menu on a normal day, in menu order (links by address, submenus by name);
# docs/newsroom.md lists the same.
REPORTER_MENU = [
    "/admin/pages/",
    "/admin/snippets/people/person/",
    "/admin/images/",
    "/admin/documents/",
    "help",
]
EDITOR_MENU = [
    "/admin/pages/",
    "/admin/snippets/discussion/comment/?status=pending",
    "/admin/snippets/people/person/",
    "/admin/images/",
    "/admin/snippets/ingest/source/",
    "republishing",
    "/admin/snippets/tagging/tagname/",
    "/admin/snippets/images/phototext/",
    "/admin/documents/",
    "reports",
    "settings",
    "help",
]
EDITOR_REPORTS = [
    "/admin/reports/locked/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/syndication/",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/localize/reports/translations/",
]
EDITOR_SETTINGS = [
    "/admin/machine-translation/",
    "/admin/settings/core/newsroomsettings/",
    "/admin/settings/discussion/commentsettings/",
]


def _member(name, group_name):
    user = get_user_model().objects.create_user(name, password="mat-khau-1")
    user.groups.add(Group.objects.get(name=group_name))
    return user


# After the site: the roles' page grants sit on its edition homes.
@pytest.fixture
def reporter(news_site):
    ensure_newsroom_roles()
    return _member("phongvien", REPORTERS)


@pytest.fixture
def editor(news_site):
    ensure_newsroom_roles()
    return _member("bientap", EDITORS)


def _photo(title, *, owner=None, collection=None):
    return NewsImage.objects.create(
        title=title,
        file=get_test_image_file_jpeg(f"{uuid.uuid4().hex[:8]}.jpg"),
        collection=collection or newsroom_collection(),
        uploaded_by_user=owner,
    )


def _upload(name):
    return SimpleUploadedFile(name, get_test_image_file_jpeg(name).file.getvalue(), "image/jpeg")


def _article_form(article, **fields):
    return {
        "title": article.title,
        "slug": article.slug,
        "dateline": "ĐBP",
        "date": "2025-04-20 08:00",
        "lead": article.lead,
        "tags": "",
        "body-count": "0",
        **fields,
    }


def _photo_block(image_id, caption=""):
    return {
        "body-count": "1",
        "body-0-type": "image",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": str(uuid.uuid4()),
        "body-0-value-image": str(image_id),
        "body-0-value-caption": caption,
    }


def test_reporter_uploads_a_photo_in_the_chooser_and_saves_the_article_with_it(
    client, news_site, reporter
):
    article = news_site.article(title="Điện Biên rực rỡ mùa hoa ban", publish=False)
    client.force_login(reporter)
    chooser = client.get(reverse("wagtailimages_chooser:choose"))
    assert chooser.status_code == 200
    assert "image-chooser-upload-file" in chooser.json()["html"]  # the Upload tab is there

    response = client.post(
        reverse("wagtailimages_chooser:create"),
        {
            "image-chooser-upload-title": "Hoa ban nở trắng đồi Him Lam",
            "image-chooser-upload-file": _upload("hoa-ban.jpg"),
            "image-chooser-upload-caption": "Hoa ban nở trắng trên đồi Him Lam sáng 12/3.",
            "image-chooser-upload-credit": "Ảnh: Quang Hưng",
            "image-chooser-upload-tags": "",
        },
    )
    assert response.json()["step"] == "chosen"
    photo = NewsImage.objects.get(pk=response.json()["result"]["id"])
    assert (photo.caption, photo.credit) == (
        "Hoa ban nở trắng trên đồi Him Lam sáng 12/3.",
        "Ảnh: Quang Hưng",
    )
    assert photo.collection.name == COLLECTION_NAME
    assert photo.uploaded_by_user == reporter

    edit = client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        _article_form(article, **_photo_block(photo.pk, "Đồi Him Lam mùa hoa ban")),
    )
    assert edit.status_code == 302, edit.context["form"].errors
    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [block.value["image"].pk for block in saved.body] == [photo.pk]


def test_reporter_uploads_a_document_from_the_chooser(client, reporter):
    client.force_login(reporter)
    chooser = client.get(reverse("wagtaildocs_chooser:choose"))
    assert "document-chooser-upload-file" in chooser.json()["html"]
    response = client.post(
        reverse("wagtaildocs_chooser:create"),
        {
            "document-chooser-upload-title": "Kế hoạch tổ chức Lễ hội Hoa Ban",
            "document-chooser-upload-file": SimpleUploadedFile(
                "ke-hoach.txt", "Kế hoạch tổ chức Lễ hội Hoa Ban 2026".encode(), "text/plain"
            ),
        },
    )
    assert response.json()["step"] == "chosen"
    document = get_document_model().objects.get(pk=response.json()["result"]["id"])
    assert document.collection.name == COLLECTION_NAME


def test_reporter_saves_an_article_with_a_video(client, news_site, reporter):
    article = news_site.article(title="Phóng sự: mùa hoa ban trên đỉnh Pha Đin", publish=False)
    client.force_login(reporter)
    video = {
        "body-count": "1",
        "body-0-type": "video",
        "body-0-deleted": "",
        "body-0-order": "0",
        "body-0-id": str(uuid.uuid4()),
        "body-0-value-video": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "body-0-value-caption": "Hoa ban nở trên đèo Pha Đin",
    }
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)), _article_form(article, **video)
    )
    assert response.status_code == 302
    saved = ArticlePage.objects.get(pk=article.pk).get_latest_revision_as_object()
    assert [block.block_type for block in saved.body] == ["video"]


def test_reporter_chooses_photos_of_the_newsroom_collection_only(client, reporter):
    _photo("Lễ hội Hoa Ban 2025")
    other = Collection.get_first_root_node().add_child(instance=Collection(name="Hồ sơ pháp lý"))
    _photo("Biên bản họp kín", collection=other)
    client.force_login(reporter)
    html = client.get(reverse("wagtailimages_chooser:choose")).json()["html"]
    assert "Lễ hội Hoa Ban 2025" in html
    assert "Biên bản họp kín" not in html


def test_reporter_edits_own_upload_but_not_a_colleagues(client, reporter):
    colleague = _member("phongvien2", REPORTERS)
    own = _photo("Chợ phiên Mường Phăng", owner=reporter)
    theirs = _photo("Bản Ten ngày mùa", owner=colleague)
    client.force_login(reporter)
    assert client.get(reverse("wagtailimages:edit", args=(own.pk,))).status_code == 200
    assert client.get(reverse("wagtailimages:edit", args=(theirs.pk,))).status_code == 302


def test_editor_manages_every_photo_and_document_in_the_newsroom(client, reporter, editor):
    photo = _photo("Chợ phiên Mường Phăng", owner=reporter)
    document = get_document_model().objects.create(
        title="Kế hoạch tổ chức Lễ hội Hoa Ban",
        file=ContentFile("Kế hoạch tổ chức Lễ hội Hoa Ban".encode(), name="ke-hoach.txt"),
        collection=newsroom_collection(),
        uploaded_by_user=reporter,
    )
    client.force_login(editor)
    response = client.post(
        reverse("wagtailimages:edit", args=(photo.pk,)),
        {
            "title": "Chợ phiên Mường Phăng ngày cuối tuần",
            "collection": photo.collection_id,
            "caption": "",
            "credit": "",
            "tags": "",
        },
    )
    assert response.status_code == 302
    photo.refresh_from_db()
    assert photo.title == "Chợ phiên Mường Phăng ngày cuối tuần"
    assert client.get(reverse("wagtaildocs:edit", args=(document.pk,))).status_code == 200
    assert client.post(reverse("wagtaildocs:delete", args=(document.pk,))).status_code == 302
    assert not get_document_model().objects.filter(pk=document.pk).exists()


def test_editors_manage_syndication_sources_and_reporters_do_not(client, reporter, editor):
    for codename in ("add_source", "change_source", "delete_source", "view_source"):
        assert editor.has_perm(f"ingest.{codename}")
        assert not reporter.has_perm(f"ingest.{codename}")
    client.force_login(editor)
    assert client.get(reverse("wagtailsnippets_ingest_source:list")).status_code == 200
    assert client.get(reverse("ingest_report")).status_code == 200


def _menu(user):
    request = RequestFactory().get("/admin/")
    request.user = user

    def shown(menu):
        items = sorted(menu.menu_items_for_request(request), key=lambda item: item.order)
        return [item.name if isinstance(item, SubmenuMenuItem) else item.url for item in items]

    submenus = {
        item.name: shown(item.menu)
        for item in admin_menu.menu_items_for_request(request)
        if isinstance(item, SubmenuMenuItem)
    }
    return shown(admin_menu), submenus


def test_reporter_menu_holds_pages_photos_documents_and_authors_only(reporter):
    menu, submenus = _menu(reporter)
    assert menu == REPORTER_MENU
    assert "reports" not in submenus and "settings" not in submenus


def test_editor_menu_adds_comments_sources_reports_and_settings(editor):
    menu, submenus = _menu(editor)
    assert menu == EDITOR_MENU
    assert submenus["reports"] == EDITOR_REPORTS
    assert submenus["settings"] == EDITOR_SETTINGS
    assert submenus["republishing"] == [
        "/admin/snippets/republishing/republication/",
        "/admin/snippets/republishing/subscription/",
    ]


def test_setup_newsroom_repairs_groups_made_before_collection_permissions(db):
    reporters = Group.objects.create(name=REPORTERS)
    # What an earlier setup granted: model-wide image rights that Wagtail never reads.
    reporters.permissions.add(
        Permission.objects.get(content_type__app_label="wagtailimages", codename="add_image")
    )
    out = io.StringIO()
    call_command("setup_newsroom", stdout=out)
    call_command("setup_newsroom", stdout=out)

    assert Collection.objects.filter(name=COLLECTION_NAME).count() == 1
    assert not reporters.permissions.filter(content_type__app_label="wagtailimages").exists()
    granted = GroupCollectionPermission.objects.filter(group=reporters)
    assert sorted(granted.values_list("permission__codename", flat=True)) == [
        "add_document",
        "add_image",
        "choose_document",
        "choose_image",
    ]
    assert {grant.collection.name for grant in granted} == {COLLECTION_NAME}
