from unittest import mock

from django.core.cache import caches
from django.db import connection
from django.test.utils import CaptureQueriesContext

from hoaban.images.models import NewsImage, NewsRendition

SPECS = ("width-480", "width-800", "width-1200")


def fresh(photo):
    """The photo as a new page load gets it: nothing prefetched, only the caches to go by."""
    return NewsImage.objects.get(pk=photo.pk)


def test_renditions_are_made_once_and_then_read_from_the_cache(photos):
    khen, _ = photos
    made = fresh(khen).get_renditions(*SPECS)
    assert NewsRendition.objects.filter(image=khen).count() == 3

    photo = fresh(khen)
    with CaptureQueriesContext(connection) as queries:
        again = photo.get_renditions(*SPECS)

    assert len(queries) == 0
    assert [r.url for r in again.values()] == [r.url for r in made.values()]
    assert {r.image.pk for r in again.values()} == {khen.pk}


def test_renditions_read_from_the_cache_are_not_written_back(photos):
    khen, lop_hoc = photos
    fresh(khen).get_renditions(*SPECS)
    cache = caches["renditions"]

    with mock.patch.object(type(cache), "set_many", autospec=True) as written:
        fresh(khen).get_renditions(*SPECS)
        assert written.call_count == 0
        # A rendition the cache does not hold yet (first use, or evicted) is still written.
        fresh(lop_hoc).get_renditions(*SPECS)
        assert written.call_count == 1


def test_a_rendition_missing_from_the_cache_is_found_in_the_database(photos):
    khen, _ = photos
    made = fresh(khen).get_renditions(*SPECS)
    caches["renditions"].delete(made["width-800"].get_cache_key())

    again = fresh(khen).get_renditions(*SPECS)

    assert NewsRendition.objects.filter(image=khen).count() == 3
    assert again["width-800"].file.name == made["width-800"].file.name
