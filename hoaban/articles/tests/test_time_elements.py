"""<time datetime> values are valid HTML: to the second, in the site's time zone, never with
the microseconds a stored date may carry."""

import re
from datetime import UTC, datetime

from hoaban.discussion.models import Comment

PRECISE = datetime(2025, 3, 13, 9, 30, 15, 123456, tzinfo=UTC)
HTML_DATETIME = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$")


def datetimes(client, url) -> list[str]:
    return re.findall(r'<time[^>]*datetime="([^"]*)"', client.get(url).content.decode())


def test_article_and_comment_times_carry_no_microseconds(client, news_site):
    article = news_site.article("news", date=PRECISE, title="Điện Biên đón mùa hoa ban nở")
    Comment.objects.create(
        article=article,
        name="Lò Thị Mai",
        body="Hoa ban năm nay nở sớm và đẹp quá!",
        status=Comment.Status.APPROVED,
        created_at=PRECISE,
        ip_hash="h",
    )
    found = datetimes(client, article.url)
    assert found.count("2025-03-13T16:30:15+07:00") == 2
    for url in (article.url, news_site.sections["news"].url, news_site.home.url):
        values = datetimes(client, url)
        assert values and all(HTML_DATETIME.match(value) for value in values), values
