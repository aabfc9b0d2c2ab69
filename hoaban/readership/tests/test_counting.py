from datetime import UTC, datetime, timedelta

import pytest
from django.test import RequestFactory

from hoaban.readership import counting, store
from hoaban.readership.models import HourlyReads

from .conftest import PHONE


def total_reads(article) -> int:
    store.flush()  # buffered reads (Redis) reach the database
    return sum(HourlyReads.objects.filter(article=article).values_list("views", flat=True))


@pytest.mark.parametrize(
    "agent",
    [
        "Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)",
        "Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)",
        "facebookexternalhit/1.1 (+http://www.facebook.com/externalhit_uatext.php)",
        "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 HeadlessChrome/131.0.0.0",
        "python-requests/2.32.3",
        "curl/8.5.0",
        "",
    ],
)
def test_robots_are_recognised_by_their_user_agent(agent):
    assert counting.is_robot(agent)


@pytest.mark.parametrize(
    "agent",
    [
        PHONE,
        "Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 "
        "(KHTML, like Gecko) Mobile/15E148 Zalo iOS/465 ZaloTheme/light ZaloLanguage/vi",
        "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0",
    ],
)
def test_readers_browsers_including_zalos_in_app_browser_are_not_robots(agent):
    assert not counting.is_robot(agent)


def test_a_robots_read_is_not_counted(news_site, beacon):
    article = news_site.article(title="Lễ hội Hoa Ban 2025 khai mạc tại Điện Biên Phủ")
    response = beacon(article, agent="Mozilla/5.0 (compatible; Googlebot/2.1)")
    assert response.status_code == 204
    assert total_reads(article) == 0


@pytest.mark.parametrize(
    "header", [{"HTTP_SEC_PURPOSE": "prefetch;prerender"}, {"HTTP_PURPOSE": "prefetch"}]
)
def test_a_prefetch_or_prerender_is_not_counted(news_site, beacon, header):
    article = news_site.article(title="Trại hè “Về nguồn” tại Mường Phăng")
    beacon(article, **header)
    assert total_reads(article) == 0


def test_a_beacon_from_another_site_is_not_counted(news_site, beacon):
    article = news_site.article(title="Phòng chống đuối nước trẻ em mùa mưa lũ")
    beacon(article, HTTP_SEC_FETCH_SITE="cross-site")
    assert total_reads(article) == 0


def test_one_client_reading_a_story_again_within_the_window_counts_once(news_site, beacon):
    article = news_site.article(title="Bình đẳng giới ở huyện Mường Chà")
    for _ in range(3):
        beacon(article)
    beacon(article, ip="113.160.12.7")  # another reader
    beacon(article, agent=PHONE.replace("SM-A546E", "Redmi Note 13"))  # another device
    assert total_reads(article) == 3


def test_the_same_client_counts_again_once_the_window_is_over(news_site, beacon, settings):
    settings.HOABAN_READ_DEDUP_SECONDS = 1
    article = news_site.article(title="Khôi phục nghề dệt thổ cẩm của người Thái")
    beacon(article)
    counting.readership_cache().clear()  # the mark expired (its TTL is the window)
    beacon(article)
    assert total_reads(article) == 2


def test_client_marks_are_salted_per_day_and_keep_no_address():
    request = RequestFactory().post("/reads/", REMOTE_ADDR="203.113.135.24", HTTP_USER_AGENT=PHONE)
    today = datetime(2026, 12, 7, 10, tzinfo=UTC)
    mark = counting.client_mark(request, 42, today)
    assert counting.client_mark(request, 42, today + timedelta(hours=5)) == mark
    assert counting.client_mark(request, 42, today + timedelta(days=1)) != mark
    assert "203.113" not in mark and len(mark) == 32


def test_the_salt_is_kept_only_until_its_day_and_the_window_after_it_are_over(settings):
    settings.HOABAN_READ_DEDUP_SECONDS = 1800
    assert counting.salt_lifetime(datetime(2026, 12, 7, 23, 0, tzinfo=UTC)) == 3600 + 1800
    assert counting.salt_lifetime(datetime(2026, 12, 7, 0, 0, tzinfo=UTC)) == 86400 + 1800


def test_every_process_uses_the_salt_stored_first():
    first = counting.salt_of_the_day()
    assert first and counting.salt_of_the_day() == first
