import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale

from hoaban.republishing.models import Republication
from hoaban.republishing.services import republish, withdraw_copies
from hoaban.testing import translate


@pytest.fixture
def story(news_site):
    return news_site.article(
        title="Hồi sinh nghề dệt thổ cẩm ở bản Mường Phăng",
        lead="Dệt thổ cẩm được truyền dạy cho lớp trẻ.",
    )


def test_a_user_of_both_sites_sees_republish_on_the_platform_on_the_story(
    story, platform, admin_user, client
):
    """The header's button is for who may open the newspaper's pages and publish on the
    platform; a platform editor picks stories under Republishing (test_picker.py)."""
    client.force_login(admin_user)

    response = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))

    assert "Đăng lại trên Cổng Quảng bá Việt Nam" in response.content.decode()
    assert (
        reverse("hoaban_republish", args=[story.pk, platform.site.pk]) in response.content.decode()
    )


def test_an_editor_republishes_into_the_chosen_section(story, platform, editor, client):
    client.force_login(editor)
    url = reverse("hoaban_republish", args=[story.pk, platform.site.pk])

    form = client.get(url)
    response = client.post(url, {"section": platform.local.pk})

    assert form.status_code == 200 and "Địa phương" in form.content.decode()
    link = Republication.objects.get(original=story)
    assert response.status_code == 302
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[link.copy_id])
    assert link.copy.get_parent().pk == platform.local.pk and link.created_by == editor


def test_a_second_republication_is_not_offered_and_refused_with_the_reason(
    story, platform, editor, client
):
    republish(original=story, section=platform.news, user=editor)
    client.force_login(editor)
    url = reverse("hoaban_republish", args=[story.pk, platform.site.pk])

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    response = client.post(url, {"section": platform.local.pk})

    assert url not in edit.content.decode()

    assert response.status_code == 200
    assert "đã được đăng lại trên Cổng Quảng bá Việt Nam" in response.content.decode()
    assert Republication.objects.count() == 1


def test_a_reporter_who_may_not_publish_is_refused(story, platform, reporter, client):
    client.force_login(reporter)
    url = reverse("hoaban_republish", args=[story.pk, platform.site.pk])

    # Wagtail answers a refused admin view with a redirect to the dashboard and a message.
    for response in (client.get(url), client.post(url, {"section": platform.local.pk})):
        assert (response.status_code, response["Location"]) == (302, reverse("wagtailadmin_home"))
    edit = client.get(reverse("wagtailadmin_pages:edit", args=[story.pk]))
    assert url not in edit.content.decode()
    assert not Republication.objects.exists()


def test_an_editor_starts_the_copy_english_edition_from_the_newspaper(
    story, platform, editor, client
):
    translate(story, "en", title="Reviving brocade weaving in Mường Phăng")
    copy = republish(original=story, section=platform.local, user=editor)
    client.force_login(editor)
    url = reverse("hoaban_reuse_translation", args=[copy.pk, "en"])

    edit = client.get(reverse("wagtailadmin_pages:edit", args=[copy.pk]))
    response = client.post(url)

    assert "Dùng bản dịch tiếng Anh của Báo Điện Biên Phủ" in edit.content.decode()
    translated = copy.get_translation(Locale.objects.get(language_code="en"))
    assert response["Location"] == reverse("wagtailadmin_pages:edit", args=[translated.pk])
    assert translated.get_latest_revision_as_object().title == (
        "Reviving brocade weaving in Mường Phăng"
    )


def test_the_dashboard_lists_withdrawn_copies_to_the_platform_editors(
    story, platform, editor, client
):
    copy = republish(original=story, section=platform.local, user=editor)
    withdraw_copies(
        republication_ids=[copy.republication.pk],
        withdrawal=Republication.Withdrawal.UNPUBLISHED,
    )
    client.force_login(editor)

    response = client.get(reverse("wagtailadmin_home"))

    text = response.content.decode()
    assert "Bài đăng lại đã bị rút" in text
    assert reverse("wagtailadmin_pages:edit", args=[copy.pk]) in text


def test_the_listing_of_copies_says_which_were_edited_on_the_platform(
    story, platform, editor, client
):
    copy = republish(original=story, section=platform.local, user=editor)
    copy.save_revision(user=editor)
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_republishing_republication:list"))

    assert "Đã sửa trên trang đăng lại" in response.content.decode()


def test_the_page_listing_offers_republish_without_a_query_per_story(
    news_site, platform, admin_user, client
):
    """What the buttons read (links, sites, sections) is read once for the listing; the rows'
    other queries are Wagtail's and wagtail-localize's own."""
    client.force_login(admin_user)
    url = reverse("wagtailadmin_explore", args=[news_site.sections["culture"].pk])

    def queries_with(count):
        while len(news_site.sections["culture"].get_children()) < count:
            news_site.article("culture", title=f"Nghề dệt thổ cẩm Mường Phăng, bài {count}")
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.content.decode().count("Đăng lại trên Cổng Quảng bá Việt Nam") == count
        tables = ('"republishing_', '"wagtailcore_site"', '"sections_sectionpage"')
        return [q["sql"] for q in queries.captured_queries if any(t in q["sql"] for t in tables)]

    assert len(queries_with(2)) == len(queries_with(5))
