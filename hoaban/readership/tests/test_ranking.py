from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from hoaban.readership import ranking, store
from hoaban.testing import protect_with_password

pytestmark = pytest.mark.news_site_per_module


def read(article, views, hours_ago=0):
    hour = store.hour_of(timezone.now()) - timedelta(hours=hours_ago)
    store.add_counts(hour, {article.pk: views})


def titles(articles):
    return [article.title for article in articles]


def test_stories_are_ranked_by_reads_in_the_window(news_site):
    festival = news_site.article("culture", title="Lễ hội Hoa Ban 2025")
    camp = news_site.article("news", title="Trại hè “Về nguồn” 2025")
    credit = news_site.article("business", title="Tín dụng chính sách cho hộ nghèo")
    read(festival, 30, hours_ago=30)  # last week only
    read(camp, 12, hours_ago=2)
    read(camp, 3, hours_ago=23)
    read(credit, 9)
    read(credit, 1, hours_ago=24)  # just outside the 24 hours

    day = ranking.most_read(news_site.home.locale, window="24h")
    week = ranking.most_read(news_site.home.locale, window="7d")

    assert titles(day) == ["Trại hè “Về nguồn” 2025", "Tín dụng chính sách cho hộ nghèo"]
    assert [article.reads for article in day] == [15, 9]
    assert titles(week)[0] == "Lễ hội Hoa Ban 2025"
    assert [article.reads for article in week] == [30, 15, 10]
    assert day[0].section.title == news_site.sections["news"].title


def test_a_section_rail_keeps_to_the_section(news_site):
    inside = news_site.article("business", title="Giá cà phê Điện Biên tăng")
    outside = news_site.article("news", title="Tiếp đoàn Saint Petersburg")
    read(inside, 2)
    read(outside, 50)
    rail = ranking.most_read(news_site.home.locale, section=news_site.sections["business"])
    assert titles(rail) == ["Giá cà phê Điện Biên tăng"]


def test_only_stories_a_reader_may_see_are_listed_and_keep_their_places(news_site):
    hidden = news_site.article("news", title="Bài đã gỡ xuống")
    private = news_site.article("news", title="Bài chỉ dành cho ban biên tập")
    shown = [news_site.article("news", title=f"Tin Mường Phăng số {n}") for n in range(5)]
    read(hidden, 100)
    read(private, 90)
    for number, article in enumerate(shown):
        read(article, 10 - number)
    hidden.unpublish()
    protect_with_password(private)

    rail = ranking.most_read(news_site.home.locale, count=5)

    assert titles(rail) == [f"Tin Mường Phăng số {n}" for n in range(5)]


def test_a_rail_costs_the_same_whatever_the_counts(news_site):
    articles = [news_site.article("news") for _ in range(12)]
    read(articles[0], 1)
    ranking.most_read(news_site.home.locale)
    with CaptureQueriesContext(connection) as few:
        ranking.most_read(news_site.home.locale)
    for hours_ago in range(0, 48, 3):
        for article in articles:
            read(article, 2, hours_ago=hours_ago)
    with CaptureQueriesContext(connection) as many:
        ranking.most_read(news_site.home.locale)
    # The private parts of the site, the ranking, the stories and their sections' labels.
    assert len(many) == len(few) <= 4
