import pytest
from taggit.models import Tag
from wagtail.images.tests.utils import get_test_image_file_jpeg

from hoaban.images.models import NewsImage
from hoaban.tagging.models import TagName
from hoaban.testing import translate

pytestmark = pytest.mark.news_site_per_module

pytestmark = pytest.mark.django_db


def related_titles(client, article) -> str:
    html = client.get(article.url).content.decode()
    return html[html.index('id="related-title"') :]


# Where a test below turns the page cache off: a publish does not purge the related stories, tags or
# photos shown on *other* articles (docs/caching.md); these are about what a render shows.


def test_related_stories_follow_a_publish(
    client, news_site, settings, django_capture_on_commit_callbacks
):
    settings.HOABAN_PAGE_CACHE = False
    reader = news_site.article("news", tags=["Hoa Ban"])
    news_site.article("culture", title="Lễ hội Hoa Ban ở Mường Thanh", tags=["Hoa Ban"])
    assert "Lễ hội Hoa Ban ở Mường Thanh" in related_titles(client, reader)
    with django_capture_on_commit_callbacks(execute=True):
        news_site.article("business", title="Hoa Ban nở trắng núi rừng Tây Bắc", tags=["Hoa Ban"])
    assert "Hoa Ban nở trắng núi rừng Tây Bắc" in related_titles(client, reader)


def head_and_masthead(client, article, host="localhost") -> str:
    html = client.get(article.url, HTTP_HOST=host).content.decode()
    return html[: html.index('<main id="main"')]


def test_an_articles_head_and_masthead_follow_a_new_translation(
    client, news_site, settings, django_capture_on_commit_callbacks
):
    # Off: publishing a translation does not purge its original yet, whose language links
    # then wait for HOABAN_PAGE_CACHE_SECONDS (hoaban.pagecache.invalidation, issue 24).
    settings.HOABAN_PAGE_CACHE = False
    article = news_site.article("news", title="Điện Biên đón mùa hoa ban")
    assert 'rel="alternate" hreflang="en"' not in head_and_masthead(client, article)
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(article, "en", title="Dien Bien welcomes the bauhinia season")
    html = head_and_masthead(client, article)
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{english.url}">' in html
    assert f'<a href="{english.url}" lang="en"' in html


def test_the_head_names_the_public_address_whatever_host_it_was_asked_on(
    client, news_site, settings
):
    settings.HOABAN_PUBLIC_BASE_URL = "https://baodienbienphu.example"
    article = news_site.article("news")
    head_and_masthead(client, article, host="localhost")
    html = head_and_masthead(client, article, host="dienbien.example")
    assert f'<link rel="canonical" href="https://baodienbienphu.example{article.url}">' in html


def test_an_articles_tags_follow_their_names_and_a_preview_shows_its_own(
    client, news_site, settings, django_capture_on_commit_callbacks
):
    settings.HOABAN_PAGE_CACHE = False
    article = news_site.article("news", tags=["Du lịch"])
    assert "Du lịch" in client.get(article.url).content.decode()

    # A tag named anew in this edition shows on the next render.
    with django_capture_on_commit_callbacks(execute=True):
        TagName.objects.create(
            tag=Tag.objects.get(name="Du lịch"), locale=article.locale, name="Du lịch Mường Phăng"
        )
    assert "Du lịch Mường Phăng" in client.get(article.url).content.decode()

    # A draft's preview lists the draft's tags, not the published ones.
    article.tags.add("Hoa ban")
    preview = article.make_preview_request().render().content.decode()
    assert "Hoa ban" in preview
    assert "Hoa ban" not in client.get(article.url).content.decode()


def test_an_articles_body_photos_follow_their_captions(
    client, news_site, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.HOABAN_PAGE_CACHE = False
    settings.MEDIA_ROOT = tmp_path
    photo = NewsImage.objects.create(
        title="Hoa ban nở trắng đồi Him Lam",
        caption="Hoa ban nở trắng đồi Him Lam.",
        file=get_test_image_file_jpeg("hoa-ban.jpg", size=(1200, 800)),
    )
    body = [
        {"type": "paragraph", "value": "<p>Mùa xuân về trên đồi Him Lam.</p>"},
        {"type": "image", "value": {"image": photo.pk, "caption": ""}},
    ]
    article = news_site.article("news", body=body)
    assert "Hoa ban nở trắng đồi Him Lam." in client.get(article.url).content.decode()

    # The photo's caption changed in the library shows on the next render.
    photo.caption = "Hoa ban nở trắng đồi Độc Lập."
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    assert "Hoa ban nở trắng đồi Độc Lập." in client.get(article.url).content.decode()
