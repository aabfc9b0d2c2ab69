"""The bulk machine-translation command."""

from collections import Counter
from datetime import datetime
from io import StringIO
from zoneinfo import ZoneInfo

import pytest
from django.core.management import CommandError, call_command

from hoaban.articles.models import ArticlePage

HANOI = ZoneInfo("Asia/Ho_Chi_Minh")
TITLES = [
    "Vốn tín dụng chính sách giúp hộ nghèo vươn lên",
    "Khó khăn về nguồn vật liệu xây dựng",
    "Hộ nghèo huyện Điện Biên được vay vốn làm nhà",
    "Hợp tác xã Mường Phăng mở rộng vùng cà phê",
]


def run(*args):
    out, err = StringIO(), StringIO()
    call_command("translate_articles", *args, stdout=out, stderr=err)
    return out.getvalue()


def test_interrupted_run_finishes_the_rest_and_translates_nothing_twice(
    news_site, english, libretranslate
):
    for day, title in enumerate(TITLES, start=1):
        news_site.article("business", title=title, date=datetime(2025, 6, day, tzinfo=HANOI))
    news_site.article("culture", title="Hồi sinh nghề dệt thổ cẩm")

    libretranslate.fail_after = 2  # the server goes down after two articles
    with pytest.raises(CommandError, match="2 articles could not be translated"):
        run("--to", "en", "--section", news_site.sections["business"].slug)

    libretranslate.fail_after = None
    summary = run("--to", "en", "--section", news_site.sections["business"].slug)
    assert "4 articles: 2 translated, 2 already up to date, 0 failed." in summary

    translated = Counter(libretranslate.translated_texts)
    assert all(translated[title] == 1 for title in TITLES)
    assert translated["ĐBP"] == 4  # each article's dateline, once per article
    assert "Hồi sinh nghề dệt thổ cẩm" not in libretranslate.texts

    requests_before = len(libretranslate.requests)
    assert "0 translated, 4 already up to date" in run(
        "--to", "en", "--section", news_site.sections["business"].slug
    )
    assert len(libretranslate.requests) == requests_before


def test_date_range_selects_articles_and_publish_makes_them_live(
    news_site, english, libretranslate
):
    for day, title in enumerate(TITLES, start=1):
        news_site.article("business", title=title, date=datetime(2025, 6, day, tzinfo=HANOI))
    summary = run("--to", "en", "--since", "2025-06-02", "--until", "2025-06-03", "--publish")
    assert "2 articles: 2 translated, 0 already up to date, 0 failed." in summary
    assert TITLES[0] not in libretranslate.texts
    assert TITLES[3] not in libretranslate.texts
    published = ArticlePage.objects.live().filter(locale=english)
    assert sorted(page.title for page in published) == sorted(f"[en] {t}" for t in TITLES[1:3])
