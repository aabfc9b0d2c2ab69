"""Each change readers can see, as announced, and the URLs the map purges for it."""

from urllib.parse import urlsplit

import pytest
from wagtail.models import Page

from hoaban.core import events
from hoaban.people.models import Person
from hoaban.tagging.models import TagName
from hoaban.testing import protect_with_password, translate

from .conftest import only

pytestmark = pytest.mark.news_site_per_module

API = "/api/v1/"


def paths(purge) -> set[str]:
    return {urlsplit(url).path for url in purge.urls}


@pytest.fixture
def reporter(db):
    return Person.objects.create(name="Trần Quốc Cường", slug="tran-quoc-cuong")


def article_surfaces(news_site, article, section="news", tag="dien-bien", author="") -> set:
    section = news_site.sections[section]
    feeds = "/vi/feeds/"
    surfaces = {
        article.url,
        section.url,
        news_site.home.url,
        f"{news_site.home.url}tags/{tag}/",
        feeds + "rss.xml",
        feeds + "atom.xml",
        f"{feeds}sections/{section.slug}/rss.xml",
        f"{feeds}sections/{section.slug}/atom.xml",
        f"{feeds}tags/{tag}/rss.xml",
        f"{feeds}tags/{tag}/atom.xml",
        f"{API}articles/",
        f"{API}articles/{article.pk}/",
        f"{API}search/",
        "/sitemap.xml",
        "/sitemap-vi.xml",
        "/sitemap-news.xml",
    }
    if author:
        surfaces |= {
            f"/vi/authors/{author}/",
            f"{feeds}authors/{author}/rss.xml",
            f"{feeds}authors/{author}/atom.xml",
        }
    return surfaces


def test_publishing_an_article_purges_it_on_every_surface(news_site, reporter, purges):
    article = news_site.article(
        "news", title="Điện Biên tiếp đoàn Saint Petersburg", tags=["Điện Biên"], publish=False
    )
    article.author = reporter
    article.topics.add(news_site.topic)
    article.save_revision().publish()

    purged = paths(only(purges, events.PagePublished))

    expected = article_surfaces(news_site, article, author="tran-quoc-cuong")
    expected |= {
        news_site.topic.url,
        f"/vi/feeds/topics/{news_site.topic.slug}/rss.xml",
        f"/vi/feeds/topics/{news_site.topic.slug}/atom.xml",
    }
    assert expected <= purged
    assert news_site.sections["business"].url not in purged
    assert news_site.sections["videos"].url not in purged  # no video


def test_an_article_with_a_video_is_purged_from_the_video_listing(news_site, purges):
    news_site.article(
        "culture", title="Khèn Mông", video_url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"
    )

    assert news_site.sections["videos"].url in paths(only(purges, events.PagePublished))


def test_unpublishing_purges_the_article_on_every_surface(news_site, purges):
    article = news_site.article("news", title="Phòng chống đuối nước", tags=["Điện Biên"])
    purges.clear()

    article.unpublish()

    assert article_surfaces(news_site, article) <= paths(only(purges, events.PageUnpublished))


def test_deleting_purges_what_showed_the_article(news_site, purges):
    article = news_site.article("news", title="Buôn bán động vật hoang dã", tags=["Điện Biên"])
    surfaces = article_surfaces(news_site, article)
    purges.clear()

    Page.objects.get(pk=article.pk).delete()

    assert surfaces <= paths(only(purges, events.PageDeleted))


def test_publishing_a_translation_purges_the_other_editions_of_the_page(news_site, purges):
    article = news_site.article("news", title="Lê Thành Đô làm việc tại Moskva")
    purges.clear()

    english = translate(article, "en", title="Le Thanh Do works in Moscow")

    published = [purge for event, purge in purges if event.page.pk == english.pk]
    assert {article.url, english.url, f"{API}articles/{english.pk}/"} <= paths(published[-1])


def test_moving_purges_the_old_place_and_the_new(news_site, purges):
    article = news_site.article("news", title="Hỗ trợ thí sinh khó khăn")
    news, business = news_site.sections["news"], news_site.sections["business"]
    old_url = article.url
    purges.clear()

    Page.objects.get(pk=article.pk).move(business, pos="last-child")

    purged = paths(only(purges, events.PageMoved))
    assert {old_url, news.url, business.url, business.url + article.slug + "/"} <= purged
    assert {"/vi/feeds/sections/" + s.slug + "/rss.xml" for s in (news, business)} <= purged


def test_a_section_with_a_new_slug_purges_its_stories_at_the_old_address(
    news_site, purges, django_capture_on_commit_callbacks
):
    section = news_site.sections["business"]
    article = news_site.article("business", title="Tín dụng chính sách giảm nghèo")
    old_section_url, old_article_url = section.url, article.url
    purges.clear()

    section.slug = "kinh-te-dia-phuong"
    with django_capture_on_commit_callbacks(execute=True):  # Wagtail says so once committed
        section.save_revision().publish()

    purged = paths(only(purges, events.PageRenamed))
    assert {old_section_url, old_article_url, "/vi/kinh-te-dia-phuong/"} <= purged
    assert {f"{API}sections/", f"{API}sections/{section.pk}/"} <= purged


def test_making_a_section_private_purges_it_and_hands_its_stories_to_the_worker(news_site, purges):
    section = news_site.sections["culture"]
    article = news_site.article("culture", title="Khôi phục nghề truyền thống")

    protect_with_password(section)

    purge = only(purges, events.PrivacyChanged)
    assert {section.url, news_site.home.url, f"{API}sections/{section.pk}/"} <= paths(purge)
    assert purge.page_ids == {article.pk}


def test_an_article_handed_to_another_author_leaves_the_old_authors_page(
    news_site, reporter, purges
):
    article = news_site.article("news", title="Trại hè Về nguồn", author=reporter)
    other = Person.objects.create(name="Lò Văn Mừng", slug="lo-van-mung")
    purges.clear()

    article.author = other
    article.save_revision().publish()

    left = paths(only(purges, events.AuthorReplaced))
    assert left == {
        "/vi/authors/tran-quoc-cuong/",
        "/vi/feeds/authors/tran-quoc-cuong/rss.xml",
        "/vi/feeds/authors/tran-quoc-cuong/atom.xml",
    }
    assert "/vi/authors/lo-van-mung/" in paths(only(purges, events.PagePublished))


def test_renaming_a_reporter_purges_their_pages_and_hands_their_bylines_to_the_worker(
    news_site, reporter, purges
):
    article = news_site.article("news", title="Đại hội Đảng bộ cơ sở", author=reporter)
    news_site.article("news", title="Tin có bút danh riêng", author=reporter, byline="PV")
    purges.clear()

    reporter = Person.objects.get(pk=reporter.pk)  # as the admin's form loads them
    reporter.name = "Trần Quốc Cường (phóng viên)"
    reporter.save()

    purge = only(purges, events.PersonChanged)
    assert {"/vi/authors/tran-quoc-cuong/", "/vi/feeds/authors/tran-quoc-cuong/atom.xml"} <= paths(
        purge
    )
    assert purge.page_ids == {article.pk}  # the other prints its own byline


def test_renaming_a_tag_in_an_edition_purges_its_old_and_new_address_and_its_articles(
    news_site, purges
):
    article = news_site.article("news", title="Lễ hội Hoa Ban 2025", tags=["Lễ hội"])
    news_site.article("news", title="Giảm nghèo bền vững", tags=["Giảm nghèo"])
    tag = article.tags.get()
    purges.clear()

    TagName.objects.create(tag=tag, locale=news_site.home.locale, name="Lễ hội Hoa Ban")

    purge = only(purges, events.TagChanged)
    assert {"/vi/tags/le-hoi/", "/vi/tags/le-hoi-hoa-ban/"} <= paths(purge)
    assert "/vi/feeds/tags/le-hoi-hoa-ban/rss.xml" in paths(purge)
    assert purge.page_ids == {article.pk}


def test_a_comment_purges_its_article_and_nothing_else(news_site, purges):
    from hoaban.discussion.signals import announce_changed_articles

    article = news_site.article("news", title="Bình đẳng giới ở Mường Chà", tags=["Điện Biên"])
    purges.clear()

    announce_changed_articles([article])

    purge = only(purges, events.CommentsChanged)
    assert paths(purge) == {article.url}
    assert not purge.page_ids


def test_the_newsroom_settings_forget_every_page_of_their_site(news_site, purges):
    from hoaban.core.models import NewsroomSettings

    settings = NewsroomSettings.for_site(news_site.home.get_site())
    settings.publisher_name = "Báo Điện Biên Phủ"
    settings.save()

    purge = only(purges, events.SiteChanged)
    assert purge.whole_sites == {"http://testserver"} and not purge.urls


def test_renaming_a_tag_itself_purges_it_in_every_edition_with_its_articles(
    news_site, english_edition, purges
):
    article = news_site.article("news", title="Du lịch lịch sử Điện Biên Phủ", tags=["Du lich"])
    tag = article.tags.get()
    purges.clear()

    tag.name, tag.slug = "Du lịch", "du-lich-lich-su"
    tag.save()

    purge = only(purges, events.TagChanged)
    assert {"/vi/tags/du-lich/", "/vi/tags/du-lich-lich-su/", "/en/tags/du-lich/"} <= paths(purge)
    assert purge.page_ids == {article.pk}
