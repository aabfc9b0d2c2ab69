"""The Redis circuit breaker, against a fake Redis that hangs (accepts, never replies)."""

import json
import logging

import pytest
from django.core.cache import caches

from hoaban.core.redis_breaker import breaker_for
from hoaban.settings.base import redis_cache

from .fake_redis import FakeRedis

HEADLINE = "Điện Biên Phủ đón mùa hoa ban"


@pytest.fixture
def hung_redis(settings):
    """The pages cache on a fake Redis that does not answer, configured as production does
    but with a short socket timeout, and its breaker on a clock the test moves."""
    server = FakeRedis(silent=True)
    config = redis_cache("pages")
    config["LOCATION"] = server.url
    config["OPTIONS"] = {**config["OPTIONS"], "SOCKET_TIMEOUT": 0.3}
    settings.CACHES = {**settings.CACHES, "pages": config}
    breaker = breaker_for(caches["pages"].client.get_client())
    now = [1000.0]
    breaker.clock = lambda: now[0]
    server.breaker = breaker
    server.wait = lambda seconds: now.__setitem__(0, now[0] + seconds)
    yield server
    server.close()


def test_after_one_timeout_the_caches_skip_a_hung_redis_instead_of_waiting_again(hung_redis):
    cache = caches["pages"]

    assert cache.get("trang-chu") is None  # waited for the timeout: a miss
    assert hung_redis.breaker.is_open
    sent = len(hung_redis.commands)
    assert sent

    assert cache.get("trang-chu", "mặc định") == "mặc định"
    cache.set("trang-chu", HEADLINE)
    assert caches["default"].get("khac") is None  # another cache on the same server
    assert len(hung_redis.commands) == sent  # nothing sent, so nothing waited for


def test_the_breaker_closes_when_redis_answers_again(hung_redis):
    cache = caches["pages"]
    cache.get("trang-chu")
    sent = len(hung_redis.commands)
    hung_redis.silent = False  # Redis is back

    hung_redis.wait(hung_redis.breaker.cooldown - 1)
    cache.set("trang-chu", HEADLINE)
    assert len(hung_redis.commands) == sent  # still cooling down

    hung_redis.wait(1)
    cache.set("trang-chu", HEADLINE)  # the probe
    assert not hung_redis.breaker.is_open
    assert cache.get("trang-chu") == HEADLINE
    assert hung_redis.commands[-2:] == ["SET", "GET"]


def test_a_probe_that_times_out_keeps_the_breaker_open_for_another_cool_down(hung_redis):
    cache = caches["pages"]
    cache.get("trang-chu")

    sent = len(hung_redis.commands)

    hung_redis.wait(hung_redis.breaker.cooldown)
    cache.get("trang-chu")  # the probe, unanswered
    assert len(hung_redis.commands) > sent
    sent = len(hung_redis.commands)
    cache.get("trang-chu")
    assert hung_redis.breaker.is_open
    assert len(hung_redis.commands) == sent


def test_opening_and_closing_are_logged_once_each(hung_redis, caplog):
    cache = caches["pages"]
    with caplog.at_level(logging.INFO, logger="hoaban.core.redis_breaker"):
        for _ in range(5):
            cache.get("trang-chu")
        hung_redis.wait(hung_redis.breaker.cooldown)
        cache.get("trang-chu")  # a failed probe changes nothing
        hung_redis.silent = False
        hung_redis.wait(hung_redis.breaker.cooldown)
        for _ in range(5):
            cache.set("trang-chu", HEADLINE)

    messages = [record.getMessage() for record in caplog.records]
    assert len(messages) == 2, messages
    assert "skip it" in messages[0] and f"127.0.0.1:{hung_redis.port}" in messages[0]
    assert "answers again" in messages[1]


@pytest.mark.django_db
def test_healthz_names_the_open_breaker_and_answers_200(client, hung_redis):
    caches["pages"].get("trang-chu")
    sent = len(hung_redis.commands)

    response = client.get("/healthz")

    results = json.loads(response.content)
    assert response.status_code == 200
    assert "circuit breaker open" in results["Cache(alias='pages')"]
    assert "TimeoutError" in results["Cache(alias='pages')"]
    assert results["Cache(alias='default')"] == "OK"
    assert len(hung_redis.commands) == sent  # the probe did not wait on Redis either
