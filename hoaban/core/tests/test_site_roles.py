"""Two sites in one install: each site's newsroom works on its own pages, workflow, photos and
settings; a superuser on both (docs/newsroom.md, "Several sites")."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core.management import CommandError, call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission, Page, Site, WorkflowPage

from hoaban.articles.models import ArticlePage
from hoaban.core.models import NewsroomSettings
from hoaban.core.newsroom import EDITORS, ensure_newsroom_roles
from hoaban.testing import SECOND_SITE_HOST, refused_by_admin, translate

PLATFORM = "Cổng Quảng bá Việt Nam"


@pytest.fixture
def roles(news_site, platform_site, english_edition):
    """Both sites' roles, made once the newspaper has its English edition."""
    newspaper, platform = ensure_newsroom_roles()
    return {"newspaper": newspaper, "platform": platform}


def _member(username, group):
    user = get_user_model().objects.create_user(username, password="mat-khau-1")
    user.groups.add(group)
    return user


@pytest.fixture
def newspaper_editor(roles):
    return _member("bientap-bao", roles["newspaper"].editors)


@pytest.fixture
def platform_editor(roles):
    return _member("bientap-cong", roles["platform"].editors)


@pytest.fixture
def superuser(roles):
    return get_user_model().objects.create_superuser("tongbientap", "tbt@example.com", "mk")


def _granted_pages(group):
    return set(GroupPagePermission.objects.filter(group=group).values_list("page_id", flat=True))


def test_each_sites_groups_and_workflow_sit_on_its_own_edition_homes(
    roles, news_site, platform_site, english_edition
):
    newspaper, platform = roles["newspaper"], roles["platform"]
    english_home, _section = english_edition
    assert (newspaper.editors.name, newspaper.workflow.name) == (EDITORS, "Newsroom review")
    assert (platform.editors.name, platform.reporters.name) == (
        f"Editors – {PLATFORM}",
        f"Reporters – {PLATFORM}",
    )
    assert _granted_pages(newspaper.editors) == {news_site.home.pk, english_home.pk}
    assert _granted_pages(newspaper.reporters) == {news_site.home.pk, english_home.pk}
    assert _granted_pages(platform.editors) == {platform_site.home.pk}
    assert WorkflowPage.objects.get(page=english_home).workflow == newspaper.workflow
    assert WorkflowPage.objects.get(page=platform_site.home).workflow == platform.workflow
    assert not WorkflowPage.objects.filter(
        page__depth=1, workflow__in=[newspaper.workflow, platform.workflow]
    ).exists()
    platform_task = platform.workflow.tasks.get().specific
    assert list(platform_task.groups.all()) == [platform.editors]
    assert (newspaper.collection.name, platform.collection.name) == (
        "Newsroom",
        f"Newsroom – {PLATFORM}",
    )


def test_a_home_translated_later_belongs_to_its_sites_newsroom(roles, platform_site):
    english_home = translate(platform_site.home, "en", title="Vietnam Promotion Portal")
    platform = roles["platform"]
    assert english_home.pk in _granted_pages(platform.editors)
    assert english_home.pk in _granted_pages(platform.reporters)
    assert english_home.pk not in _granted_pages(roles["newspaper"].editors)
    assert WorkflowPage.objects.get(page=english_home).workflow == platform.workflow


def test_setup_takes_back_grants_an_earlier_setup_gave_on_the_whole_tree(news_site):
    # Wagtail's own migrations make an "Editors" group; earlier setups granted it the root.
    editors, _ = Group.objects.get_or_create(name=EDITORS)
    GroupPagePermission.objects.create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    call_command("setup_newsroom", stdout=io.StringIO())
    assert _granted_pages(editors) == {news_site.home.pk}


def _edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def _add_url(section):
    return reverse("wagtailadmin_pages:add", args=("articles", "articlepage", section.pk))


ARTICLE_FORM = {
    "title": "Hội An rực rỡ đêm rằm",
    "slug": "hoi-an-ruc-ro-dem-ram",
    "dateline": "HA",
    "date": "2026-02-12 20:00",
    "lead": "Phố cổ Hội An lung linh đèn lồng trong đêm rằm tháng Giêng.",
    "body-count": "0",
    "tags": "",
}


@pytest.mark.parametrize(("own", "other"), [("newspaper", "platform"), ("platform", "newspaper")])
def test_an_editor_is_refused_editing_and_adding_on_the_other_site(
    client, news_site, platform_site, newspaper_editor, platform_editor, own, other
):
    sites = {"newspaper": news_site, "platform": platform_site}
    editors = {"newspaper": newspaper_editor, "platform": platform_editor}
    own_site, other_site = sites[own], sites[other]
    own_article = own_site.article(title="Bài của tòa soạn mình")
    other_article = other_site.article(title="Bài của tòa soạn bạn")
    client.force_login(editors[own])

    assert client.get(_edit_url(own_article)).status_code == 200
    assert refused_by_admin(client.get(_edit_url(other_article)))
    assert refused_by_admin(client.get(_add_url(other_site.sections["news"])))
    assert refused_by_admin(client.post(_add_url(other_site.sections["news"]), ARTICLE_FORM))
    assert not ArticlePage.objects.filter(slug=ARTICLE_FORM["slug"]).exists()
    edit = {**ARTICLE_FORM, "slug": other_article.slug}
    assert refused_by_admin(client.post(_edit_url(other_article), edit))
    assert other_article.get_latest_revision_as_object().title == "Bài của tòa soạn bạn"


def _explore_url(page):
    return f'href="{reverse("wagtailadmin_explore", args=(page.pk,))}"'


def _explorer_and_search(client, query):
    explorer = client.get(reverse("wagtailadmin_explore_root"), follow=True).content.decode()
    found = client.get(reverse("wagtailadmin_pages:search"), {"q": query}).content.decode()
    return explorer, found


def test_each_editor_explores_and_searches_their_own_site_only(
    client, news_site, platform_site, newspaper_editor, platform_editor
):
    news_site.article(title="Lễ hội hoa ban Điện Biên")
    platform_site.article(title="Lễ hội đèn lồng Hội An")

    client.force_login(newspaper_editor)
    explorer, found = _explorer_and_search(client, "Lễ hội")
    assert _explore_url(news_site.home) in explorer
    assert _explore_url(platform_site.home) not in explorer
    assert "Lễ hội hoa ban Điện Biên" in found
    assert "Lễ hội đèn lồng Hội An" not in found

    client.force_login(platform_editor)
    explorer, found = _explorer_and_search(client, "Lễ hội")
    assert _explore_url(platform_site.home) in explorer
    assert _explore_url(news_site.home) not in explorer
    assert "Lễ hội đèn lồng Hội An" in found
    assert "Lễ hội hoa ban Điện Biên" not in found


def test_superuser_explores_searches_and_edits_both_sites(
    client, news_site, platform_site, superuser
):
    newspaper_story = news_site.article(title="Lễ hội hoa ban Điện Biên")
    platform_story = platform_site.article(title="Lễ hội đèn lồng Hội An")
    client.force_login(superuser)
    explorer, found = _explorer_and_search(client, "Lễ hội")
    assert _explore_url(news_site.home) in explorer and _explore_url(platform_site.home) in explorer
    assert "Lễ hội hoa ban Điện Biên" in found and "Lễ hội đèn lồng Hội An" in found
    for story in (newspaper_story, platform_story):
        assert client.get(_edit_url(story)).status_code == 200


def _settings_url(site):
    return reverse("wagtailsettings:edit", args=("core", "newsroomsettings", site.pk))


def test_an_editor_changes_the_newsroom_settings_of_their_own_site_only(
    client, newspaper_editor, superuser
):
    newspaper = Site.objects.get(is_default_site=True)
    platform = Site.objects.get(hostname=SECOND_SITE_HOST)
    client.force_login(newspaper_editor)
    # The settings menu opens on their own site, with no switch to the other one.
    opened = client.get(reverse("wagtailsettings:edit", args=("core", "newsroomsettings")))
    assert opened["Location"] == _settings_url(newspaper)
    page = client.get(_settings_url(newspaper))
    assert page.status_code == 200
    assert page.context["site_switcher"] is None
    assert refused_by_admin(client.get(_settings_url(platform)))
    refused = client.post(_settings_url(platform), {"publisher_name": "Báo lạ", "tagline": ""})
    assert refused_by_admin(refused)
    assert NewsroomSettings.for_site(platform).publisher_name != "Báo lạ"
    comment_settings = ("discussion", "commentsettings", platform.pk)
    assert refused_by_admin(client.get(reverse("wagtailsettings:edit", args=comment_settings)))

    client.force_login(superuser)
    assert client.get(_settings_url(platform)).status_code == 200
    assert client.get(_settings_url(newspaper)).context["site_switcher"] is not None


def test_add_site_roles_gives_a_new_site_its_roles_in_one_call(news_site, platform_site):
    out = io.StringIO()
    call_command("add_site_roles", SECOND_SITE_HOST, stdout=out)
    assert f"Editors – {PLATFORM}" in out.getvalue()
    editors = Group.objects.get(name=f"Editors – {PLATFORM}")
    assert _granted_pages(editors) == {platform_site.home.pk}
    # The newspaper's roles are its own call.
    assert not GroupPagePermission.objects.filter(page=news_site.home).exists()


def test_add_site_roles_names_the_sites_it_knows_when_the_host_is_wrong(news_site):
    with pytest.raises(CommandError, match="localhost:80"):
        call_command("add_site_roles", "baodienbien.example")
