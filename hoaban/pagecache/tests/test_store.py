from unittest import mock

import pytest
from django.http import HttpResponse

from hoaban.pagecache import store

HOST = "dienbientv.vn"
# The store reads the sites' host names from the database when it has none yet.
pytestmark = pytest.mark.django_db


@pytest.fixture
def pages(settings):
    store.purge_all()
    return store._cache()


def stored(path: str, text: str) -> None:
    slot = store.Slot.for_request(host=HOST, path=path, query="")
    slot.put(HttpResponse(text, content_type="text/html; charset=utf-8"), timeout=300)


def read(path: str) -> str | None:
    response = store.Slot.for_request(host=HOST, path=path, query="").get()
    return None if response is None else response.content.decode()


def test_a_hit_reads_the_page_then_the_stamp_in_one_read(pages):
    path = "/vi/tin-tuc/muong-lat/"
    stored(path, "Mường Lát đón khách")
    read(path)

    with mock.patch.object(pages, "get_many", wraps=pages.get_many) as get_many:
        assert read(path) == "Mường Lát đón khách"

    [call] = get_many.call_args_list
    page_key, stamp_key = call.args[0]
    # The stamp last: a purge landing between the two reads sends the request to the tokens.
    assert page_key.startswith("page4:") and stamp_key == store.STAMP_KEY


def test_a_purge_written_by_another_process_is_seen_at_once(pages):
    path = "/vi/tin-tuc/dien-bien-phu/"
    stored(path, "Điện Biên Phủ, bản cũ")
    assert read(path) == "Điện Biên Phủ, bản cũ"

    # Another worker purges: it writes the new tokens and stamp straight to the shared cache.
    pages.set_many(
        {store._path_key(store.DEFAULT_SITE, path): "khác", store.STAMP_KEY: "khác"}, timeout=None
    )

    assert read(path) is None


def test_tokens_lost_from_the_cache_cost_a_miss_never_a_stale_page(pages):
    path = "/vi/van-hoa/hoa-ban/"
    stored(path, "Lễ hội Hoa Ban")
    assert read(path) == "Lễ hội Hoa Ban"

    pages.delete_many([store.STAMP_KEY, store._path_key(store.DEFAULT_SITE, path)])  # evicted, say
    assert read(path) is None
    stored(path, "Lễ hội Hoa Ban 2026")
    store.purge_urls([path])

    assert read(path) is None
    assert read("/vi/van-hoa/") is None


def test_purging_one_path_keeps_the_others(pages):
    stored("/vi/a/", "Sìn Hồ")
    stored("/vi/b/", "Tủa Chùa")

    store.purge_urls(["/vi/a/"])

    assert read("/vi/a/") is None
    assert read("/vi/b/") == "Tủa Chùa"


def test_a_hit_says_its_length_in_bytes(pages):
    stored("/vi/tin-tuc/muong-nhe/", "Mường Nhé đón mùa hoa ban")
    response = store.Slot.for_request(host=HOST, path="/vi/tin-tuc/muong-nhe/", query="").get()

    assert response["Content-Length"] == str(len("Mường Nhé đón mùa hoa ban".encode()))
