from django.contrib.auth import get_user_model
from django.core.management import call_command
from django.urls import reverse
from taggit.models import Tag
from wagtail.models import Locale, Page, Site

from hoaban.articles.models import ArticlePage
from hoaban.core.site_access import user_site_ids
from hoaban.core.sites import home_paths
from hoaban.images.models import NewsImage, PhotoText
from hoaban.images.texts import PhotoTexts
from hoaban.readership.models import HourlyReads
from hoaban.republishing.models import Republication, Subscription
from hoaban.tagging.labels import label
from hoaban.tagging.models import TagName
from hoaban.topics.models import TopicPage
from hoaban.translation.models import TranslationRecord


def _counts():
    return {
        "pages": Page.objects.count(),
        "articles": ArticlePage.objects.live().count(),
        "images": NewsImage.objects.count(),
        "users": get_user_model().objects.count(),
        "tag names": TagName.objects.count(),
        "photo texts": PhotoText.objects.count(),
        "most-read rows": HourlyReads.objects.count(),
        "republications": Republication.objects.count(),
        "subscriptions": Subscription.objects.count(),
        "translation records": TranslationRecord.objects.count(),
    }


def test_demo_loader_runs_twice_and_changes_nothing_the_second_time(db, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    # The platform's copies link to the newspaper's stories: an address a URL field accepts.
    settings.HOABAN_PUBLIC_BASE_URL = "http://127.0.0.1:8000"
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    first = _counts()
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert _counts() == first
    assert first["articles"] >= 16
    assert first["tag names"] == 2 * Tag.objects.count()
    assert first["photo texts"] == 2 * 7
    festival = Tag.objects.get(name="Lễ hội Hoa Ban")
    english, russian = (Locale.objects.get(language_code=code) for code in ("en", "ru"))
    assert (label(festival, english).name, label(festival, english).slug) == (
        "Ban Flower Festival",
        "ban-flower-festival",
    )
    assert label(festival, russian).slug == "prazdnik-tsvetov-ban"

    topic = TopicPage.objects.get(slug="dien-bien-saint-petersburg", locale__language_code="vi")
    timeline = [article.title for article in topic.timeline()]
    assert len(timeline) == 3
    assert timeline[0].startswith("Điện Biên và Saint Petersburg ký thỏa thuận")
    syndicated = ArticlePage.objects.filter(
        locale__language_code="vi", republication__isnull=True
    ).exclude(source_url="")
    assert syndicated.count() == 1
    assert syndicated.get().source_url.startswith("https://dienbien.gov.vn/")
    # The video plays the demo's own clip, not an address that never played.
    assert ArticlePage.objects.filter(video_file__file__endswith=".webm").count() == 1
    assert not ArticlePage.objects.exclude(video_url="").exists()

    # The English and Russian editions: the same topic with the three stories, human-translated.
    for code, first_title in [
        ("en", "Điện Biên and Saint Petersburg sign a cooperation agreement"),
        ("ru", "Điện Biên и Санкт-Петербург подписали соглашение"),
    ]:
        edition_topic = topic.get_translation(Locale.objects.get(language_code=code)).specific
        stories = edition_topic.timeline()
        assert [story.locale.language_code for story in stories] == [code] * 3
        assert stories[0].title.startswith(first_title)
        methods = TranslationRecord.objects.filter(page__in=stories).values_list(
            "method", flat=True
        )
        assert list(methods) == ["human"] * 3
        # Every photo they show, and the topic's, is described in the edition's language.
        photos = [edition_topic.image, *(photo for story in stories for photo in story.photos())]
        assert len(photos) == 7
        texts = PhotoTexts(photos, code)
        assert not [photo for photo in photos if texts.of(photo).alt_lang]
        # A story's second photo has a caption of its own.
        for story in stories:
            captions = [texts.of(photo).caption for photo in story.photos()]
            assert len(captions) == 2 and captions[0] != captions[1], captions

    for story in topic.timeline():
        captions = [photo.caption for photo in story.photos()]
        assert len(set(captions)) == 2, captions

    # Each site's newsroom works on its own site, every edition of it; the admin on both.
    newspaper = Site.objects.get(is_default_site=True)
    platform = Site.objects.get(hostname="localhost")
    users = {user.username: user for user in get_user_model().objects.all()}
    assert user_site_ids(users["editor"]) == {newspaper.pk}
    assert user_site_ids(users["reporter"]) == {newspaper.pk}
    assert user_site_ids(users["platform-editor"]) == {platform.pk}
    assert user_site_ids(users["platform-reporter"]) == {platform.pk}
    assert user_site_ids(users["admin"]) == {newspaper.pk, platform.pk}
    platform_homes = Page.objects.filter(path__in=home_paths(platform))
    assert platform_homes.count() == 3
    for home in platform_homes:
        assert home.permissions_for_user(users["platform-editor"]).can_publish()
        assert not home.permissions_for_user(users["editor"]).can_edit()


def test_the_demo_platform_republishes_newspaper_stories_with_their_translations(
    db, tmp_path, settings
):
    settings.MEDIA_ROOT = tmp_path
    settings.HOABAN_PUBLIC_BASE_URL = "http://127.0.0.1:8000"
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    copies = {link.original.title: link.copy for link in Republication.objects.all()}
    assert len(copies) == 5
    assert all(copy.live and copy.get_site().hostname == "localhost" for copy in copies.values())
    agreement = next(copy for title, copy in copies.items() if title.startswith("Điện Biên và"))
    assert agreement.source_name == "Báo Điện Biên Phủ"
    assert agreement.source_url.startswith("http://127.0.0.1:8000/vi/tin-tuc-chinh-tri/")
    # The Moscow story came from the provincial portal: still its Source, through the newspaper.
    moscow = next(copy for title, copy in copies.items() if "Lê Thành Đô" in title)
    assert moscow.source_url.startswith("https://dienbien.gov.vn/")
    assert moscow.source_via_name == "Báo Điện Biên Phủ"
    reused = TranslationRecord.objects.exclude(reused_from_publisher="")
    assert reused.count() == 6
    assert {record.page.locale.language_code for record in reused} == {"en", "ru"}
    assert all(record.page.live for record in reused)


def test_the_demo_platform_editor_picks_newspaper_stories_to_republish(
    db, tmp_path, settings, client
):
    settings.MEDIA_ROOT = tmp_path
    settings.HOABAN_PUBLIC_BASE_URL = "http://127.0.0.1:8000"
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    client.login(username="platform-editor", password="hoaban-platform-editor")

    response = client.get(reverse("hoaban_republish_stories"))

    text = response.content.decode()
    assert response.status_code == 200
    assert "Đăng lại trên Cổng Quảng bá Việt Nam" in text
    assert "Đã có trên Cổng Quảng bá Việt Nam" in text
