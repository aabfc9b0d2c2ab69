import os
import time
from unittest import mock

import pytest
from django.core.cache import caches
from django_redis.cache import RedisCache

from hoaban.pagecache import store, watch


@pytest.fixture
def pages():
    cache = caches[store.ALIAS]
    if not isinstance(cache, RedisCache):
        pytest.skip("the page cache is in Redis only in the PostgreSQL + Redis run")
    return cache


@pytest.fixture
def stamp_watch(pages):
    stamp_watch = watch.watch_for(pages, "tem-thử")
    yield stamp_watch
    stamp_watch._close()


def test_a_watch_lasts_until_the_key_is_written(pages, stamp_watch):
    number = stamp_watch.begin()
    pages.set("khác", "Mường Nhé", timeout=None)
    watch.settle(pages)
    assert stamp_watch.unchanged(number)

    pages.set("tem-thử", "Điện Biên Đông", timeout=None)
    watch.settle(pages)

    assert not stamp_watch.unchanged(number)
    assert stamp_watch.begin() == number + 1


def test_deleting_the_key_ends_the_watch(pages, stamp_watch):
    pages.set("tem-thử", "Mường Chà", timeout=None)
    number = stamp_watch.begin()

    pages.delete("tem-thử")
    watch.settle(pages)

    assert not stamp_watch.unchanged(number)


def test_a_lost_connection_ends_the_watch(pages, stamp_watch):
    number = stamp_watch.begin()
    stamp_watch.connection.send_command("CLIENT", "ID")
    client_id = stamp_watch.connection.read_response()
    pages.client.get_client(write=True).client_kill_filter(_id=client_id)

    assert not stamp_watch.unchanged(number)


def test_a_forked_worker_starts_its_own_watch(pages, stamp_watch):
    number = stamp_watch.begin()
    with mock.patch.object(os, "getpid", return_value=os.getpid() + 1):
        assert not stamp_watch.unchanged(number)
        assert stamp_watch.begin() == number + 1


def test_a_watch_that_cannot_connect_waits_before_trying_again(pages, stamp_watch, caplog):
    with mock.patch.object(stamp_watch, "_connect", side_effect=ConnectionError("refused")):
        assert stamp_watch.begin() is None
        assert stamp_watch.begin() is None
        assert stamp_watch._connect.call_count == 1
    assert "cannot watch the purge stamp" in caplog.text

    with mock.patch.object(watch.time, "monotonic", return_value=time.monotonic() + 11):
        assert stamp_watch.begin() is not None


def test_without_redis_every_reading_is_checked():
    no_watch = watch.watch_for(caches[store.COPIES_ALIAS], "tem-thử")  # memory, never Redis
    assert no_watch.begin() is None
    assert not no_watch.unchanged(None)
