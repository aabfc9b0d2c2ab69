"""A photo's words changed in an edition: that edition's pages showing it leave the cache."""

from unittest import mock

from hoaban.core.signals import page_content_changed
from hoaban.testing import translate

from .conftest import photo_text


def test_saving_a_photo_text_announces_the_editions_pages_showing_the_photo(news_site, photos):
    khen, lop_hoc = photos
    article = news_site.article("news", title="Điện Biên tặng khèn", lead_image=khen)
    english = translate(article, "en", title="Điện Biên gives a khèn")
    news_site.article("news", title="Lớp tiếng Nga", lead_image=lop_hoc)
    receiver = mock.Mock()
    page_content_changed.connect(receiver)
    try:
        photo_text(khen, "ru", "Кхен народа Mông")
        assert receiver.call_count == 0  # no Russian page shows it
        text = khen.texts.get(locale__language_code="en")
        text.alt = "The Mông khèn given as a gift"
        text.save()
    finally:
        page_content_changed.disconnect(receiver)
    assert [call.kwargs["page"].pk for call in receiver.call_args_list] == [english.pk]
