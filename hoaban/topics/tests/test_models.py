from datetime import datetime
from zoneinfo import ZoneInfo

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")


def test_topic_shows_its_articles_as_a_timeline_oldest_first(client, news_site):
    topic = news_site.topic
    later = news_site.article(
        "news", title="Làm việc tại Moskva", date=datetime(2025, 4, 20, tzinfo=HANOI)
    )
    first = news_site.article(
        "news", title="Ký thỏa thuận hợp tác", date=datetime(2024, 11, 22, tzinfo=HANOI)
    )
    news_site.article("news", title="Tin ngoài chủ đề")
    for article in (later, first):
        article.topics.add(topic)
        article.save_revision().publish()

    html = client.get(topic.url).content.decode()
    assert html.index("Ký thỏa thuận hợp tác") < html.index("Làm việc tại Moskva")
    assert "Tin ngoài chủ đề" not in html
    assert 'datetime="2024-11-22T00:00:00+07:00"' in html


def test_topic_without_articles_says_so(client, news_site):
    assert "Chưa có bài viết" in client.get(news_site.topic.url).content.decode()
