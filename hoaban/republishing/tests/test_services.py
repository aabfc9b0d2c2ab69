import pytest
from wagtail.models import PageLogEntry

from hoaban.articles.models import ArticlePage
from hoaban.people.models import Person
from hoaban.republishing.models import Republication
from hoaban.republishing.services import RepublishError, republish

from .conftest import NEWSPAPER_URL

BODY = [{"type": "paragraph", "value": "<p>Hai bên trao đổi về y tế, giáo dục và du lịch.</p>"}]


@pytest.fixture
def story(news_site):
    author = Person.objects.create(name="Thanh Hương")
    return news_site.article(
        title="Điện Biên đón đoàn đại biểu thành phố Saint Petersburg",
        lead="Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn Saint Petersburg.",
        body=BODY,
        author=author,
        tags=["Saint Petersburg", "Đối ngoại"],
    )


def test_copy_carries_the_story_its_byline_and_a_source_line_to_the_original(
    story, platform, editor
):
    copy = republish(original=story, section=platform.news, user=editor)

    assert copy.live and copy.get_parent().pk == platform.news.pk
    assert (copy.title, copy.lead, copy.date, copy.dateline) == (
        story.title,
        story.lead,
        story.date,
        "ĐBP",
    )
    assert copy.body.raw_data[0]["value"] == BODY[0]["value"]
    assert copy.author.name == "Thanh Hương"
    assert sorted(tag.name for tag in copy.tags.all()) == ["Saint Petersburg", "Đối ngoại"]
    assert copy.source_name == "Báo Điện Biên Phủ"
    assert copy.source_url == f"{NEWSPAPER_URL}/vi/tin-tuc-chinh-tri/{story.slug}/"
    assert copy.source_via_url == ""
    link = Republication.objects.get(copy=copy)
    assert (link.original, link.site, link.created_by) == (story, platform.site, editor)
    assert not link.is_edited


def test_republishing_is_written_as_a_revision_and_logged_in_the_copy_history(
    story, platform, editor
):
    copy = republish(original=story, section=platform.news, user=editor)

    assert copy.revisions.get().user == editor
    actions = set(PageLogEntry.objects.filter(page=copy).values_list("action", flat=True))
    assert {"republishing.republish", "wagtail.publish"} <= actions


def test_a_story_the_newspaper_took_from_a_portal_keeps_that_source_and_names_the_newspaper(
    news_site, platform, editor
):
    portal = "https://dienbien.gov.vn/portal/Pages/2025-4-20/lam-viec-voi-dai-su-quan.aspx"
    story = news_site.article(
        title="Chủ tịch UBND tỉnh Lê Thành Đô làm việc với Đại sứ quán tại Liên bang Nga",
        source_name="Cổng Thông tin điện tử tỉnh Điện Biên",
        source_url=portal,
    )

    copy = republish(original=story, section=platform.news, user=editor)

    assert (copy.source_name, copy.source_url) == ("Cổng Thông tin điện tử tỉnh Điện Biên", portal)
    assert copy.source_via_name == "Báo Điện Biên Phủ"
    assert copy.source_via_url == f"{NEWSPAPER_URL}/vi/tin-tuc-chinh-tri/{story.slug}/"


def test_a_story_is_republished_only_once_on_a_site(story, platform, editor):
    republish(original=story, section=platform.news, user=editor)

    with pytest.raises(RepublishError, match="đã được đăng lại trên Cổng Quảng bá Việt Nam"):
        republish(original=story, section=platform.local, user=editor)
    assert ArticlePage.objects.child_of(platform.local).count() == 0


def test_a_story_that_is_not_live_is_refused(news_site, platform, editor):
    draft = news_site.article(title="Bản nháp: lễ hội Hoa Ban 2025", publish=False)

    with pytest.raises(RepublishError, match="chưa được đăng"):
        republish(original=draft, section=platform.news, user=editor)
    assert not Republication.objects.exists()


def test_a_section_of_the_story_own_site_is_refused(story, news_site, platform, editor):
    with pytest.raises(RepublishError, match="thuộc chính trang của bài"):
        republish(original=story, section=news_site.sections["culture"], user=editor)
    assert ArticlePage.objects.child_of(news_site.sections["culture"]).count() == 0


def test_a_copy_is_not_republished_again(story, platform, news_site, editor):
    copy = republish(original=story, section=platform.news, user=editor)

    with pytest.raises(RepublishError, match="là một bản đăng lại"):
        republish(original=copy, section=news_site.sections["news"], user=editor)


def test_a_reporter_who_may_not_publish_is_refused(story, platform, reporter):
    with pytest.raises(RepublishError, match="không có quyền thêm và đăng bài"):
        republish(original=story, section=platform.news, user=reporter)
    assert not Republication.objects.exists()


def test_the_copy_takes_a_free_address_in_the_section(story, platform, editor):
    platform.news.add_child(
        instance=ArticlePage(title="Bài khác", slug=story.slug, lead="Tin khác của Cổng.")
    )

    copy = republish(original=story, section=platform.news, user=editor)

    assert copy.slug == f"{story.slug}-2"


def test_another_edition_of_a_story_already_on_the_site_is_refused(
    story, platform, english_platform, editor
):
    from hoaban.testing import translate

    english = translate(story, "en", title="Điện Biên welcomes a Saint Petersburg delegation")
    copy = republish(original=story, section=platform.news, user=editor)

    with pytest.raises(RepublishError, match=copy.title):
        republish(
            original=english, section=platform.local.get_translation(english.locale), user=editor
        )
    assert Republication.objects.count() == 1
