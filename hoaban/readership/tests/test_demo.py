from hoaban.readership.demo import plausible_reads
from hoaban.readership.models import HourlyReads
from hoaban.readership.ranking import most_read


def test_demo_counts_fill_both_windows_and_leave_some_stories_out_of_the_day(news_site):
    for number in range(6):
        news_site.article(
            ("news", "business", "culture")[number % 3], title=f"Tin Điện Biên {number}"
        )
    locale = news_site.home.locale

    assert plausible_reads() > 0

    day, week = most_read(locale, window="24h", count=10), most_read(locale, window="7d", count=10)
    assert len(week) == 6
    assert 0 < len(day) < 6
    assert [a.reads for a in week] == sorted((a.reads for a in week), reverse=True)
    rows = HourlyReads.objects.count()
    assert plausible_reads() == 0 and HourlyReads.objects.count() == rows
