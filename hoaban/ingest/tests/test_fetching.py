import pytest
from django.test import override_settings

from hoaban.ingest.fetching import Fetcher, FetchError


@pytest.fixture
def fetcher():
    with Fetcher() as client:
        yield client


def test_requests_name_the_site_in_their_user_agent(portal, fetcher):
    fetcher.get(portal.url("dienbien/rss.xml"))
    assert portal.requested("/dienbien/rss.xml")[-1]["User-Agent"].startswith("HoaBan-Ingest/")


def test_unchanged_feed_answers_not_modified_to_a_conditional_get(portal, fetcher):
    first = fetcher.get(portal.url("dienbien/rss.xml"))
    again = fetcher.get(portal.url("dienbien/rss.xml"), etag=first.headers["etag"])
    assert first.status == 200 and first.content
    assert again.not_modified and again.content == b""


def test_path_disallowed_by_robots_txt_is_not_fetched(portal, fetcher):
    with pytest.raises(FetchError, match="robots.txt"):
        fetcher.get(portal.url("private/bao-cao-noi-bo.html"))
    assert not portal.requested("/private/bao-cao-noi-bo.html")


def test_missing_page_is_an_error_naming_the_status(portal, fetcher):
    with pytest.raises(FetchError, match="HTTP 404"):
        fetcher.get(portal.url("dienbien/tin-tuc/bai-viet-da-go-1199.html"))


def test_page_over_the_size_limit_is_refused(portal, fetcher):
    with pytest.raises(FetchError, match="giới hạn"):
        fetcher.get(portal.url("bad/big.html"))


def test_redirect_loop_stops_at_the_redirect_limit(portal, fetcher, settings):
    before = len(portal.requested("/bad/loop.html"))
    with pytest.raises(FetchError, match="chuyển hướng"):
        fetcher.get(portal.url("bad/loop.html"))
    # The first request and the allowed redirects, per try.
    tries = 1 + settings.HOABAN_INGEST_RETRIES
    sent = len(portal.requested("/bad/loop.html")) - before
    assert sent <= tries * (1 + settings.HOABAN_INGEST_MAX_REDIRECTS)


def test_slow_server_times_out(portal, fetcher):
    with pytest.raises(FetchError, match="Không có phản hồi trong vòng"):
        fetcher.get(portal.url("bad/slow.html"))


def test_transient_server_error_is_retried(portal, fetcher):
    before = len(portal.requested("/bad/flaky.html"))
    fetched = fetcher.get(portal.url("bad/flaky.html"))
    assert fetched.status == 200
    assert len(portal.requested("/bad/flaky.html")) - before == 2


@override_settings(HOABAN_INGEST_POLITENESS_DELAY=3)
def test_requests_to_one_host_wait_for_the_politeness_delay(portal):
    clock = {"now": 100.0}
    waits = []

    def sleep(seconds):
        waits.append(seconds)
        clock["now"] += seconds

    with Fetcher(clock=lambda: clock["now"], sleep=sleep) as fetcher:
        fetcher.get(portal.url("dienbien/rss.xml"))  # robots.txt, then the feed after a wait
        fetcher.get(portal.url("baodienbienphu/atom.xml"))  # same host: another wait
    assert waits == [3, 3]
