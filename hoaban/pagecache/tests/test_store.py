import time
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.cache import caches
from django.http import HttpResponse
from django_redis.cache import RedisCache

from hoaban.pagecache import store, watch

HOST = "dienbientv.vn"


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


@contextmanager
def keys_read(pages):
    """The keys read from the shared cache within the block."""
    read_keys = set()
    with (
        mock.patch.object(pages, "get_many", wraps=pages.get_many) as get_many,
        mock.patch.object(pages, "get", wraps=pages.get) as get,
    ):
        yield read_keys
    read_keys.update(call.args[0] for call in get.call_args_list)
    read_keys.update(key for call in get_many.call_args_list for key in call.args[0])


def test_a_hit_serves_the_process_copy_and_reads_at_most_the_stamp(pages):
    stored("/vi/tin-tuc/muong-lat/", "Mường Lát đón khách")
    read("/vi/tin-tuc/muong-lat/")

    with keys_read(pages) as read_keys:
        assert read("/vi/tin-tuc/muong-lat/") == "Mường Lát đón khách"

    if isinstance(pages, RedisCache):
        assert read_keys == set()  # Redis would have told of a purge (watch.py)
    else:
        assert read_keys == {store.STAMP_KEY}


def test_a_page_stored_by_another_process_is_read_once_then_kept(pages):
    path = "/vi/tin-tuc/tuan-giao/"
    stored(path, "Tuần Giáo vào mùa hoa ban")
    caches[store.COPIES_ALIAS].clear()  # as in a process that did not render it

    with keys_read(pages) as first:
        assert read(path) == "Tuần Giáo vào mùa hoa ban"
    with keys_read(pages) as second:
        assert read(path) == "Tuần Giáo vào mùa hoa ban"

    assert any(key.startswith("page2:") for key in first)
    assert not any(key.startswith("page2:") for key in second)


def test_a_copy_expires_with_the_stored_page(pages):
    path = "/vi/tin-tuc/nam-po/"
    slot = store.Slot.for_request(host=HOST, path=path, query="")
    slot.put(HttpResponse("Nậm Pồ"), timeout=300)

    with mock.patch.object(store.time, "time", return_value=time.time() + 301):
        caches[store.COPIES_ALIAS].clear()
        store.Slot.for_request(host=HOST, path=path, query="").get()
    assert not caches[store.COPIES_ALIAS].get(slot.key)


def test_a_purge_written_by_another_process_is_seen_at_once(pages):
    path = "/vi/tin-tuc/dien-bien-phu/"
    stored(path, "Điện Biên Phủ, bản cũ")
    assert read(path) == "Điện Biên Phủ, bản cũ"

    # Another worker purges: it writes the new tokens and stamp straight to the shared cache,
    # then reads once more, as purges do (watch.settle).
    pages.set_many({store._path_key(path): "khác", store.STAMP_KEY: "khác"}, timeout=None)
    watch.settle(pages)

    assert read(path) is None


def test_tokens_lost_from_the_cache_cost_a_miss_never_a_stale_page(pages):
    path = "/vi/van-hoa/hoa-ban/"
    stored(path, "Lễ hội Hoa Ban")
    assert read(path) == "Lễ hội Hoa Ban"

    pages.delete_many([store.STAMP_KEY, store._path_key(path)])  # evicted, say
    assert read(path) is None
    stored(path, "Lễ hội Hoa Ban 2026")
    store.purge_paths([path])

    assert read(path) is None
    assert read("/vi/van-hoa/") is None


def test_purging_one_path_keeps_the_others(pages):
    stored("/vi/a/", "Sìn Hồ")
    stored("/vi/b/", "Tủa Chùa")

    store.purge_paths(["/vi/a/"])

    assert read("/vi/a/") is None
    assert read("/vi/b/") == "Tủa Chùa"


def test_a_hit_says_its_length_in_bytes(pages):
    stored("/vi/tin-tuc/muong-nhe/", "Mường Nhé đón mùa hoa ban")
    response = store.Slot.for_request(host=HOST, path="/vi/tin-tuc/muong-nhe/", query="").get()

    assert response["Content-Length"] == str(len("Mường Nhé đón mùa hoa ban".encode()))
