"""Readers of each edition see a photo's words in their language, or marked as Vietnamese."""

import re
from html import unescape

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hoaban.images.models import PhotoText
from hoaban.testing import translate
from hoaban.translation.models import TranslationRecord

from .conftest import news_photo, photo_text

pytestmark = pytest.mark.news_site_per_module


def figures(html):
    """(img tag, figcaption tag and text) of each photo of the story, in order."""
    found = re.findall(
        r'<figure class="figure">\s*(<img[^>]*>)\s*(<figcaption[^>]*>.*?)</figure>', html, re.S
    )
    return [(unescape(img), unescape(caption).strip()) for img, caption in found]


@pytest.fixture
def story(news_site, photos):
    """A Vietnamese story with the khèn as lead photo and the Russian class in its body, and its
    English translation."""
    khen, lop_hoc = photos
    article = news_site.article(
        "news",
        title="Điện Biên đón đoàn Saint Petersburg",
        lead_image=khen,
        body=[{"type": "image", "value": {"image": lop_hoc.pk, "caption": ""}}],
    )
    translate(news_site.home, "en", title="Điện Biên Phủ Newspaper")
    english = translate(article, "en", title="Điện Biên welcomes a Saint Petersburg delegation")
    return article, english


def test_english_readers_see_the_english_words_and_vietnamese_ones_marked(client, story):
    _article, english = story
    (lead_img, lead_caption), (body_img, body_caption) = figures(
        client.get(english.url).content.decode()
    )
    assert 'alt="A Mông khèn given to the Saint Petersburg delegation"' in lead_img
    assert "lang=" not in lead_img
    assert lead_caption.startswith(
        "<figcaption>Party Secretary Trần Quốc Cường gives the delegation a khèn."
        ' <span class="credit">Photo: Quang Hưng</span>'
    )
    assert 'alt="Lớp học tiếng Nga của học sinh dân tộc thiểu số"' in body_img
    assert 'lang="vi"' in body_img
    assert body_caption.startswith(
        '<figcaption lang="vi">Học sinh 19 dân tộc học tiếng Nga tại Điện Biên.'
    )


def test_vietnamese_readers_see_the_photos_own_words_unmarked(client, story):
    article, _english = story
    (lead_img, lead_caption), (body_img, _body_caption) = figures(
        client.get(article.url).content.decode()
    )
    assert 'alt="Chiếc khèn Mông tặng đoàn Saint Petersburg"' in lead_img
    assert "lang=" not in lead_img + body_img + lead_caption
    assert "Bí thư Tỉnh ủy Trần Quốc Cường tặng chiếc khèn cho đoàn." in lead_caption


def test_the_articles_own_captions_win(client, story):
    _article, english = story
    english.lead_image_caption = "The khèn, a gift from Điện Biên."
    english.body = [
        {"type": "image", "value": {"image": english.photos()[1].pk, "caption": "Russian class."}}
    ]
    english.save_revision().publish()
    (_lead_img, lead_caption), (body_img, body_caption) = figures(
        client.get(english.url).content.decode()
    )
    assert lead_caption.startswith("<figcaption>The khèn, a gift from Điện Biên.")
    assert body_caption.startswith("<figcaption>Russian class.")
    assert 'lang="vi"' in body_img  # the alt text is still the photo's own


def test_the_share_cards_alt_text_is_the_editions(client, story):
    _article, english = story
    html = client.get(english.url).content.decode()
    assert (
        '<meta property="og:image:alt" content="A Mông khèn given to the Saint Petersburg '
        'delegation">' in html
    )


def queries_for(client, url) -> list[str]:
    """The SQL of one request, read before the next request clears Django's query log."""
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return [query["sql"] for query in captured]


@pytest.mark.usefixtures("uncached_renders")
def test_the_photos_words_cost_one_query_however_many_photos(client, story):
    _article, english = story
    client.get(english.url)  # resizes the photos once
    two_photos = queries_for(client, english.url)
    more = [news_photo(f"Ảnh Mường Phăng {number}", "Trại hè “Về nguồn”") for number in range(4)]
    english.body = [
        *english.body.raw_data,
        *({"type": "image", "value": {"image": photo.pk, "caption": ""}} for photo in more),
    ]
    english.save_revision().publish()
    for photo in more:
        photo_text(photo, "en", "Summer camp in Mường Phăng")
    assert len(figures(client.get(english.url).content.decode())) == 6
    six_photos = queries_for(client, english.url)
    assert len(six_photos) == len(two_photos)
    assert len([sql for sql in six_photos if PhotoText._meta.db_table in sql]) == 1


def test_an_editions_photo_words_and_original_follow_their_changes(
    client, story, photos, django_capture_on_commit_callbacks
):
    article, english = story
    _khen, lop_hoc = photos
    TranslationRecord.objects.create(
        page=english, source_locale=article.locale, method=TranslationRecord.Method.HUMAN
    )
    html = client.get(english.url).content.decode()
    assert f'href="{article.url}"' in html  # the notice links to the original

    # English words written for the Russian class show on the next render.
    with django_capture_on_commit_callbacks(execute=True):
        photo_text(lop_hoc, "en", "Russian class for ethnic minority pupils")
    (_lead, _caption), (body_img, _body_caption) = figures(client.get(english.url).content.decode())
    assert 'alt="Russian class for ethnic minority pupils"' in body_img
