"""Editors work in the Wagtail admin: required fields, roles and the review workflow."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import WorkflowPage

from hoaban.articles.models import ArticlePage
from hoaban.core.newsroom import EDITORS, REPORTERS, WORKFLOW_NAME, ensure_newsroom_roles


@pytest.fixture
def superuser(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.com", "pw")


def _add_url(section):
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))


def _form(**fields):
    """The article editor's POST data: a complete draft unless fields say otherwise."""
    return {
        "title": "Điện Biên đón đoàn khách quốc tế",
        "slug": "dien-bien-don-doan-khach-quoc-te",
        "dateline": "ĐBP",
        "date": "2025-04-20 08:00",
        "lead": "Sáng nay, tỉnh Điện Biên đón đoàn khách quốc tế.",
        "body-count": "0",
        "tags": "",
        **fields,
    }


def test_article_without_a_lead_is_refused_with_a_clear_error(client, news_site, superuser):
    client.force_login(superuser)
    response = client.post(
        _add_url(news_site.sections["news"]),
        _form(slug="", lead="", **{"action-publish": "publish"}),
    )
    assert response.status_code == 200
    assert response.context["form"].errors["lead"]  # the form says which field is missing
    assert not ArticlePage.objects.filter(title="Điện Biên đón đoàn khách quốc tế").exists()


def test_editor_can_add_an_article_through_the_admin(client, news_site, superuser):
    client.force_login(superuser)
    response = client.post(
        _add_url(news_site.sections["news"]),
        _form(tags="Điện Biên, Hợp tác quốc tế"),
    )
    assert response.status_code == 302
    article = ArticlePage.objects.get(slug="dien-bien-don-doan-khach-quoc-te")
    assert not article.live  # saved as a draft until someone publishes it
    assert sorted(tag.slug for tag in article.tags.all()) == ["dien-bien", "hop-tac-quoc-te"]


def test_newsroom_roles_give_reporters_no_publish_right(news_site):
    (roles,) = ensure_newsroom_roles()
    ensure_newsroom_roles()  # idempotent
    home = news_site.home
    reporter_rights = set(
        roles.reporters.page_permissions.filter(page=home).values_list(
            "permission__codename", flat=True
        )
    )
    editor_rights = set(
        roles.editors.page_permissions.filter(page=home).values_list(
            "permission__codename", flat=True
        )
    )
    assert "publish_page" not in reporter_rights
    assert {"add_page", "change_page"} <= reporter_rights
    assert {"publish_page", "unlock_page"} <= editor_rights
    assert Group.objects.filter(name__in=[REPORTERS, EDITORS]).count() == 2
    assert WorkflowPage.objects.get(page=home).workflow.name == WORKFLOW_NAME
    # Not on the tree's root, where it would cover every site.
    assert not WorkflowPage.objects.filter(page__depth=1, workflow=roles.workflow).exists()


def test_reporter_submits_for_review_and_editor_approves(client, news_site):
    (roles,) = ensure_newsroom_roles()
    users = get_user_model()
    reporter = users.objects.create_user("phongvien", password="pw")
    reporter.groups.add(roles.reporters)
    editor = users.objects.create_user("bientap", password="pw")
    editor.groups.add(roles.editors)
    article = news_site.article(title="Bài chờ duyệt", publish=False)

    client.force_login(reporter)
    edit_url = reverse("wagtailadmin_pages:edit", args=(article.pk,))
    form = _form(title=article.title, slug=article.slug, lead=article.lead)
    response = client.post(edit_url, {**form, "action-publish": "publish"})
    article.refresh_from_db()
    assert not article.live  # a reporter's publish request does not publish

    response = client.post(edit_url, {**form, "action-submit": "submit"})
    assert response.status_code == 302
    article.refresh_from_db()
    workflow_state = article.current_workflow_state
    assert workflow_state is not None and workflow_state.status == "in_progress"

    client.force_login(editor)
    task_state = workflow_state.current_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=(article.pk, "approve", task_state.pk)
    )
    response = client.post(approve_url, {"comment": ""})
    assert response.status_code in (200, 302)
    article.refresh_from_db()
    assert article.live


def test_article_scheduled_for_later_goes_live_when_its_time_comes(client, news_site, superuser):
    from datetime import timedelta
    from unittest import mock

    from django.core.management import call_command
    from django.utils import timezone

    article = news_site.article(title="Tin hẹn giờ đăng", publish=False)
    go_live = timezone.localtime(timezone.now() + timedelta(hours=2))
    client.force_login(superuser)
    client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)),
        _form(
            title=article.title,
            slug=article.slug,
            lead=article.lead,
            go_live_at=go_live.strftime("%Y-%m-%d %H:%M"),
            **{"action-publish": "publish"},
        ),
    )
    quiet = open("/dev/null", "w")  # noqa: SIM115
    call_command("publish_scheduled", stdout=quiet)
    article.refresh_from_db()
    assert not article.live  # two hours to go

    with mock.patch("django.utils.timezone.now", return_value=go_live + timedelta(minutes=1)):
        call_command("publish_scheduled", stdout=quiet)
    article.refresh_from_db()
    assert article.live


def test_a_new_story_opens_with_the_dateline_of_its_own_site(
    client, news_site, platform_site, superuser
):
    from wagtail.models import Site

    from hoaban.core.models import NewsroomSettings
    from hoaban.testing import SECOND_SITE_HOST

    NewsroomSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"default_dateline": "ĐBP"}
    )
    NewsroomSettings.objects.filter(site__hostname=SECOND_SITE_HOST).update(
        default_dateline="HÀ NỘI"
    )
    client.force_login(superuser)

    def opening_dateline(parent):
        return client.get(_add_url(parent)).context["form"]["dateline"].value()

    assert opening_dateline(platform_site.sections["news"]) == "HÀ NỘI"
    assert opening_dateline(news_site.sections["news"]) == "ĐBP"
