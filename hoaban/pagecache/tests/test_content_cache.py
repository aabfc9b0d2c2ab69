import pytest
from django.db import connection
from django.template import Context, Template
from django.test import RequestFactory
from django.test.utils import CaptureQueriesContext
from taggit.models import Tag
from wagtail.images.tests.utils import get_test_image_file_jpeg

from hoaban.images.models import NewsImage
from hoaban.tagging.models import TagName
from hoaban.testing import translate

pytestmark = pytest.mark.django_db

FRAGMENT = Template(
    "{% load content_cache %}{% contentcache box %}{{ value }}{% endcontentcache %}"
)


def render(page, value, **request_attributes):
    request = RequestFactory().get(page.url, HTTP_HOST="localhost")
    for name, attribute in request_attributes.items():
        setattr(request, name, attribute)
    return FRAGMENT.render(Context({"page": page, "request": request, "value": value}))


def related_titles(client, article) -> str:
    html = client.get(article.url).content.decode()
    return html[html.index('id="related-title"') :]


def test_a_fragment_is_kept_until_content_changes(
    news_site, settings, django_capture_on_commit_callbacks
):
    settings.HOABAN_MEMO_CACHE = True
    article = news_site.article("news")
    assert render(article, "Mường Thanh") == "Mường Thanh"
    assert render(article, "Mường Phăng") == "Mường Thanh"
    with django_capture_on_commit_callbacks(execute=True):
        news_site.article("culture")
    assert render(article, "Mường Phăng") == "Mường Phăng"


def test_a_fragment_belongs_to_its_page(news_site, settings):
    settings.HOABAN_MEMO_CACHE = True
    first, second = news_site.article("news"), news_site.article("news")
    assert render(first, "Tuần Giáo") == "Tuần Giáo"
    assert render(second, "Điện Biên Đông") == "Điện Biên Đông"


def test_previews_and_a_switched_off_memo_keep_nothing(news_site, settings):
    settings.HOABAN_MEMO_CACHE = True
    article = news_site.article("news")
    assert render(article, "bản nháp", is_preview=True) == "bản nháp"
    assert render(article, "đã đăng") == "đã đăng"
    assert render(article, "bản nháp mới", is_preview=True) == "bản nháp mới"
    settings.HOABAN_MEMO_CACHE = False
    assert render(article, "không lưu") == "không lưu"


def test_related_stories_are_picked_once_and_follow_a_publish(
    client, news_site, settings, django_capture_on_commit_callbacks
):
    settings.HOABAN_MEMO_CACHE = True
    reader = news_site.article("news", tags=["Hoa Ban"])
    news_site.article("culture", title="Lễ hội Hoa Ban ở Mường Thanh", tags=["Hoa Ban"])
    assert "Lễ hội Hoa Ban ở Mường Thanh" in related_titles(client, reader)
    with CaptureQueriesContext(connection) as captured:
        assert "Lễ hội Hoa Ban ở Mường Thanh" in related_titles(client, reader)
    # No tagging read to rank other stories.
    assert not any('FROM "articles_articlepagetag"' in q["sql"] for q in captured)
    with django_capture_on_commit_callbacks(execute=True):
        news_site.article("business", title="Hoa Ban nở trắng núi rừng Tây Bắc", tags=["Hoa Ban"])
    assert "Hoa Ban nở trắng núi rừng Tây Bắc" in related_titles(client, reader)


def head_and_masthead(client, article, host="localhost") -> str:
    html = client.get(article.url, HTTP_HOST=host).content.decode()
    return html[: html.index('<main id="main"')]


def test_an_articles_head_and_masthead_are_kept_and_follow_a_new_translation(
    client, news_site, settings, django_capture_on_commit_callbacks
):
    settings.HOABAN_MEMO_CACHE = True
    article = news_site.article("news", title="Điện Biên đón mùa hoa ban")
    assert 'rel="alternate" hreflang="en"' not in head_and_masthead(client, article)
    with CaptureQueriesContext(connection) as captured:
        kept = head_and_masthead(client, article)
    # The language links are not worked out again: no query for the page's translations.
    assert not any('"translation_key" =' in query["sql"] for query in captured)
    assert 'rel="alternate" hreflang="en"' not in kept
    with django_capture_on_commit_callbacks(execute=True):
        english = translate(article, "en", title="Dien Bien welcomes the bauhinia season")
    html = head_and_masthead(client, article)
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{english.url}">' in html
    assert f'<a href="{english.url}" lang="en"' in html


def test_a_kept_head_names_the_public_address_whatever_host_it_was_asked_on(
    client, news_site, settings
):
    settings.HOABAN_MEMO_CACHE = True
    settings.HOABAN_PUBLIC_BASE_URL = "https://baodienbienphu.example"
    article = news_site.article("news")
    head_and_masthead(client, article, host="localhost")
    html = head_and_masthead(client, article, host="dienbien.example")
    assert f'<link rel="canonical" href="https://baodienbienphu.example{article.url}">' in html


def test_an_articles_tags_are_kept_until_content_changes_and_a_preview_shows_its_own(
    client, news_site, settings, django_capture_on_commit_callbacks
):
    settings.HOABAN_MEMO_CACHE = True
    article = news_site.article("news", tags=["Du lịch"])
    client.get(article.url)
    with CaptureQueriesContext(connection) as captured:
        assert "Du lịch" in client.get(article.url).content.decode()
    assert not any('"articles_articlepagetag"' in query["sql"] for query in captured)

    # A tag named anew in this edition shows on the next render.
    with django_capture_on_commit_callbacks(execute=True):
        TagName.objects.create(
            tag=Tag.objects.get(name="Du lịch"), locale=article.locale, name="Du lịch Mường Phăng"
        )
    assert "Du lịch Mường Phăng" in client.get(article.url).content.decode()

    # A draft's preview lists the draft's tags, not the published ones kept.
    article.tags.add("Hoa ban")
    preview = article.make_preview_request().render().content.decode()
    assert "Hoa ban" in preview
    assert "Hoa ban" not in client.get(article.url).content.decode()


def test_an_articles_body_photos_are_kept_until_content_changes(
    client, news_site, settings, tmp_path, django_capture_on_commit_callbacks
):
    settings.HOABAN_MEMO_CACHE = True
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
    client.get(article.url)
    with CaptureQueriesContext(connection) as captured:
        assert "Hoa ban nở trắng đồi Him Lam." in client.get(article.url).content.decode()
    assert not any('"images_newsimage"' in query["sql"] for query in captured)

    # The photo's caption changed in the library shows on the next render.
    photo.caption = "Hoa ban nở trắng đồi Độc Lập."
    with django_capture_on_commit_callbacks(execute=True):
        photo.save()
    assert "Hoa ban nở trắng đồi Độc Lập." in client.get(article.url).content.decode()
