"""A photo's words changed, in an edition or its own: the pages showing it leave the cache."""

import pytest

from hoaban.core import events
from hoaban.pagecache import urlmap
from hoaban.testing import translate

from .conftest import photo_text


@pytest.fixture
def khen_story(news_site, photos):
    """The khèn's story in Vietnamese and English, and another story with the other photo."""
    khen, lop_hoc = photos
    article = news_site.article("news", title="Điện Biên tặng khèn", lead_image=khen)
    english = translate(article, "en", title="Điện Biên gives a khèn")
    news_site.article("news", title="Lớp tiếng Nga", lead_image=lop_hoc)
    return khen, article, english


def purges_while(change) -> list:
    """What the map purges for each event announced while `change()` runs."""
    announced = []

    def receiver(sender, event, **kwargs):
        announced.append(event)

    events.content_changed.connect(receiver)
    try:
        change()
    finally:
        events.content_changed.disconnect(receiver)
    return [urlmap.purge_for(event) for event in announced]


def test_saving_a_photo_text_purges_the_editions_pages_showing_the_photo(khen_story):
    khen, _article, english = khen_story

    def change():
        photo_text(khen, "ru", "Кхен народа Mông")
        text = khen.texts.get(locale__language_code="en")
        text.alt = "The Mông khèn given as a gift"
        text.save()

    russian, english_text = purges_while(change)
    assert russian.page_ids == set()  # no Russian page shows it
    assert english_text.page_ids == {english.pk}


def test_saving_the_photos_own_caption_purges_its_pages_in_every_edition(khen_story):
    khen, article, english = khen_story

    def change():
        khen.caption = "Chiếc khèn Mông, món quà của Điện Biên gửi Saint Petersburg."
        khen.save()
        khen.save(update_fields=["file_size", "file_hash"])  # Wagtail's bookkeeping: nothing

    [caption] = purges_while(change)
    # The English page shows the photo's own words wherever its English ones are missing.
    assert caption.page_ids == {article.pk, english.pk}
