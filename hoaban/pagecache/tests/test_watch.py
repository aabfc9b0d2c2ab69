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
def token_watch(pages):
    token_watch = watch.watch_for(pages, ["tem-thử", "phiên-bản"])
    yield token_watch
    token_watch._close()


def test_a_watch_lasts_until_the_key_is_written(pages, token_watch):
    number = token_watch.begin()
    pages.set("khác", "Mường Nhé", timeout=None)
    watch.settle(pages)
    assert token_watch.unchanged(number)

    pages.set("tem-thử", "Điện Biên Đông", timeout=None)
    watch.settle(pages)

    assert not token_watch.unchanged(number)
    assert token_watch.begin() == number + 1


def test_a_write_to_any_watched_key_ends_the_watch(pages, token_watch):
    number = token_watch.begin()

    pages.set("phiên-bản", "Tủa Chùa", timeout=None)
    watch.settle(pages)

    assert not token_watch.unchanged(number)


def test_deleting_the_key_ends_the_watch(pages, token_watch):
    pages.set("tem-thử", "Mường Chà", timeout=None)
    number = token_watch.begin()

    pages.delete("tem-thử")
    watch.settle(pages)

    assert not token_watch.unchanged(number)


def test_a_lost_connection_ends_the_watch(pages, token_watch):
    number = token_watch.begin()
    token_watch.connection.send_command("CLIENT", "ID")
    client_id = token_watch.connection.read_response()
    pages.client.get_client(write=True).client_kill_filter(_id=client_id)

    assert not token_watch.unchanged(number)


def test_a_newer_watch_survives_a_request_holding_an_older_number(pages, token_watch):
    first = token_watch.begin()
    pages.set("tem-thử", "Mường Ảng", timeout=None)
    watch.settle(pages)
    assert not token_watch.unchanged(first)
    second = token_watch.begin()

    assert not token_watch.unchanged(first)
    assert token_watch.unchanged(second)


def test_a_forked_worker_starts_its_own_watch(pages, token_watch):
    number = token_watch.begin()
    with mock.patch.object(os, "getpid", return_value=os.getpid() + 1):
        assert not token_watch.unchanged(number)
        assert token_watch.begin() == number + 1


def test_a_watch_that_cannot_connect_waits_before_trying_again(pages, token_watch, caplog):
    with mock.patch.object(token_watch, "_connect", side_effect=ConnectionError("refused")):
        assert token_watch.begin() is None
        assert token_watch.begin() is None
        assert token_watch._connect.call_count == 1
    assert "cannot watch the cache tokens" in caplog.text

    with mock.patch.object(watch.time, "monotonic", return_value=time.monotonic() + 11):
        assert token_watch.begin() is not None


def test_without_redis_every_reading_is_checked():
    no_watch = watch.watch_for(caches[store.COPIES_ALIAS], ["tem-thử"])  # memory, never Redis
    assert no_watch.begin() is None
    assert not no_watch.unchanged(None)
