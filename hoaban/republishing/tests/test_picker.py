import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from hoaban.articles.models import ArticlePage
from hoaban.republishing.models import Republication, Subscription
from hoaban.republishing.services import republish

STORIES = reverse("hoaban_republish_stories")


@pytest.fixture
def story(news_site):
    return news_site.article(
        "culture",
        title="Điện Biên mở lại lễ hội hoa ban",
        lead="Lễ hội hoa ban trở lại sau ba năm.",
    )


@pytest.fixture
def platform_story(platform):
    article = ArticlePage(
        title="Quảng bá du lịch vùng cao Tây Bắc",
        lead="Cổng quảng bá giới thiệu các điểm đến.",
        date=timezone.now(),
        live=False,
    )
    platform.news.add_child(instance=article)
    article.save_revision().publish()
    return article


def test_the_picker_lists_the_newspaper_stories_to_a_platform_editor(
    story, platform_story, platform, editor, client
):
    client.force_login(editor)

    response = client.get(STORIES)

    text = response.content.decode()
    assert response.status_code == 200
    assert "Điện Biên mở lại lễ hội hoa ban" in text
    assert "Quảng bá du lịch vùng cao Tây Bắc" not in text
    assert reverse("hoaban_republish", args=[story.pk, platform.site.pk]) in text
    assert "Đăng lại trên Cổng Quảng bá Việt Nam" in text


def test_the_picker_is_in_the_republishing_menu_of_who_may_publish_only(
    platform, editor, reporter, client
):
    client.force_login(editor)
    assert STORIES in client.get(reverse("wagtailadmin_home")).content.decode()

    client.force_login(reporter)
    assert STORIES not in client.get(reverse("wagtailadmin_home")).content.decode()
    response = client.get(STORIES)
    assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))


def test_the_picker_search_finds_vietnamese_typed_without_accents(
    story, news_site, platform, editor, client
):
    news_site.article("culture", title="Mường Phăng đón khách du lịch")
    client.force_login(editor)

    response = client.get(STORIES, {"q": "dien bien"})

    text = response.content.decode()
    assert "Điện Biên mở lại lễ hội hoa ban" in text
    assert "Mường Phăng đón khách du lịch" not in text


def test_the_picker_lists_newest_first_a_page_at_a_time(news_site, platform, editor, client):
    for number in range(27):
        news_site.article("culture", title=f"Nghề dệt thổ cẩm Mường Phăng, bài {number}")
    client.force_login(editor)

    first = client.get(STORIES).content.decode()
    second = client.get(STORIES, {"p": 2}).content.decode()

    # news_site.article dates each story a minute before the previous one.
    assert first.index("bài 0<") < first.index("bài 1<")
    assert "bài 24<" in first and "bài 25<" not in first
    assert "bài 25<" in second and "bài 26<" in second


def test_the_picker_link_republishes_the_story_on_the_platform(story, platform, editor, client):
    client.force_login(editor)
    listing = client.get(STORIES).content.decode()
    url = re.search(r'href="(/admin/republish/\d+/\d+/)"', listing).group(1)

    response = client.post(url, {"section": platform.local.pk})

    link = Republication.objects.get(original=story)
    assert response.status_code == 302
    assert link.site == platform.site and link.created_by == editor
    assert link.copy.live and link.copy.get_parent().pk == platform.local.pk
    again = client.get(STORIES).content.decode()
    assert "Đã có trên Cổng Quảng bá Việt Nam" in again
    assert url not in again


def test_a_newspaper_editor_does_not_see_the_platform_subscriptions(
    news_site, platform, editor, newspaper_editor, client
):
    subscription = Subscription.objects.create(
        section=platform.local, source_section=news_site.sections["culture"]
    )
    listing = reverse("wagtailsnippets_republishing_subscription:list")
    edit = reverse("wagtailsnippets_republishing_subscription:edit", args=[subscription.pk])

    client.force_login(newspaper_editor)
    assert edit not in client.get(listing).content.decode()
    assert client.get(edit)["Location"] == reverse("wagtailadmin_home")

    client.force_login(editor)
    assert edit in client.get(listing).content.decode()
    assert client.get(edit).status_code == 200


def test_a_subscription_into_another_site_is_refused(news_site, platform, newspaper_editor, client):
    client.force_login(newspaper_editor)

    response = client.post(
        reverse("wagtailsnippets_republishing_subscription:add"),
        {
            "section": platform.local.pk,
            "source_section": news_site.sections["culture"].pk,
            "active": "on",
        },
    )

    assert response.status_code == 200
    assert "Hãy chọn một chuyên mục của trang bạn phụ trách." in response.content.decode()
    assert not Subscription.objects.exists()


def test_a_newspaper_editor_does_not_see_the_platform_republications(
    story, platform, editor, newspaper_editor, client
):
    copy = republish(original=story, section=platform.local, user=editor)
    link = copy.republication
    listing = reverse("wagtailsnippets_republishing_republication:list")
    inspect = reverse("wagtailsnippets_republishing_republication:inspect", args=[link.pk])

    client.force_login(newspaper_editor)
    assert inspect not in client.get(listing).content.decode()
    assert client.get(inspect)["Location"] == reverse("wagtailadmin_home")

    client.force_login(editor)
    assert client.get(inspect).status_code == 200


def test_the_picker_reads_a_page_of_stories_without_a_query_per_story(
    news_site, platform, editor, client
):
    client.force_login(editor)

    def query_count(stories):
        while ArticlePage.objects.live().count() < stories:
            news_site.article("culture", title="Nghề dệt thổ cẩm Mường Phăng")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(STORIES)
        assert response.content.decode().count("Đăng lại trên Cổng Quảng bá Việt Nam") == stories
        return len(queries.captured_queries)

    client.get(STORIES)  # fills the content type cache the first request reads into
    assert query_count(2) == query_count(10)


def test_every_edition_of_a_story_on_the_platform_reads_already_there(
    story, platform, english_platform, editor, client
):
    from hoaban.testing import translate

    english = translate(story, "en", title="Điện Biên brings back the bauhinia festival")
    republish(original=story, section=platform.news, user=editor)
    client.force_login(editor)

    text = client.get(STORIES).content.decode()

    assert "Điện Biên brings back the bauhinia festival" in text
    assert reverse("hoaban_republish", args=[english.pk, platform.site.pk]) not in text
    assert text.count("Đã có trên Cổng Quảng bá Việt Nam") == 2
    # The header names the view (its last breadcrumb), not just "Home".
    assert re.search(r"<li[^>]*>\s*(<[^>]+>\s*)*Bài của các trang khác", text), "header"
