import pytest
from django.core.exceptions import ValidationError
from taggit.models import Tag

from hoaban.articles.models import ArticlePage
from hoaban.republishing.models import Republication, Subscription
from hoaban.testing import translate


def _publish(news_site, capture, section="news", **fields):
    with capture(execute=True):
        return news_site.article(section, **fields)


def test_a_story_new_in_a_subscribed_section_is_republished_on_the_platform(
    news_site, platform, django_capture_on_commit_callbacks
):
    subscription = Subscription.objects.create(
        section=platform.news, source_section=news_site.sections["news"]
    )

    story = _publish(
        news_site, django_capture_on_commit_callbacks, title="Điện Biên tiếp đoàn Saint Petersburg"
    )

    link = Republication.objects.get(original=story)
    assert (link.subscription, link.created_by) == (subscription, None)
    assert link.copy.live and link.copy.get_parent().pk == platform.news.pk
    assert link.copy.title == "Điện Biên tiếp đoàn Saint Petersburg"


def test_a_story_with_a_subscribed_tag_is_republished_once_whatever_else_matches(
    news_site, platform, django_capture_on_commit_callbacks
):
    Subscription.objects.create(
        section=platform.local, source_tag=Tag.objects.create(name="Mường Chà")
    )
    Subscription.objects.create(section=platform.news, source_section=news_site.sections["culture"])

    story = _publish(
        news_site,
        django_capture_on_commit_callbacks,
        section="culture",
        title="Bình đẳng giới ở huyện Mường Chà",
        tags=["Mường Chà"],
    )

    assert Republication.objects.filter(original=story).count() == 1
    # A correction is followed, not republished a second time.
    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()
    assert ArticlePage.objects.filter(title="Bình đẳng giới ở huyện Mường Chà").count() == 2


def test_stories_without_the_tag_and_translations_of_the_edition_are_not_taken(
    news_site, platform, django_capture_on_commit_callbacks
):
    tagged = news_site.article(title="Du lịch Điện Biên Phủ", tags=["Du lịch"])
    Subscription.objects.create(section=platform.news, source_tag=Tag.objects.get(name="Du lịch"))

    _publish(
        news_site,
        django_capture_on_commit_callbacks,
        section="business",
        title="Vốn tín dụng chính sách giúp hộ nghèo",
    )
    # The English edition is new and carries the tag, but the platform's section is Vietnamese.
    with django_capture_on_commit_callbacks(execute=True):
        translate(tagged, "en", title="Tourism in Điện Biên Phủ")

    assert not Republication.objects.exists()


def test_a_story_published_before_the_subscription_is_not_taken(
    news_site, platform, django_capture_on_commit_callbacks
):
    story = news_site.article(title="Phòng chống đuối nước trẻ em mùa mưa lũ")
    Subscription.objects.create(section=platform.news, source_section=news_site.sections["news"])

    with django_capture_on_commit_callbacks(execute=True):
        story.save_revision().publish()

    assert not Republication.objects.exists()


def test_a_subscription_to_a_section_of_the_same_site_is_refused(news_site, platform):
    subscription = Subscription(section=platform.news, source_section=platform.local)

    with pytest.raises(ValidationError, match="cùng một trang"):
        subscription.full_clean()
    with pytest.raises(ValidationError, match="không chọn cả hai"):
        Subscription(section=platform.news).full_clean()
