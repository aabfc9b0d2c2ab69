"""The beacon endpoint, the script that calls it, and the pages that show the rails."""

import re

from hoaban.readership import store
from hoaban.readership.models import HourlyReads
from hoaban.testing import translate


def test_a_read_is_counted_with_nothing_about_the_reader(news_site, beacon):
    article = news_site.article(title="Điện Biên – Saint Petersburg ký kết hợp tác")
    response = beacon(article)
    assert response.status_code == 204
    assert not response.cookies
    assert "no-store" in response["Cache-Control"]
    row = HourlyReads.objects.get()
    assert (row.article_id, row.views) == (article.pk, 1)
    # The row has no column that could hold an address, a browser or a cookie.
    assert {f.name for f in HourlyReads._meta.get_fields()} == {"id", "article", "hour", "views"}


def test_a_beacon_without_a_valid_article_id_is_refused_clearly(client, db):
    for body in ({}, {"article": "abc"}, {"article": "-3"}, {"article": "99999999999"}):
        response = client.post("/reads/", body)
        assert response.status_code == 400
        assert "article=123" in response.content.decode()
    assert client.get("/reads/").status_code == 405


def test_article_page_carries_the_beacon_script_with_its_id_and_no_inline_code(client, news_site):
    article = news_site.article(title="Lớp tiếng Nga của 40 học sinh dân tộc thiểu số")
    html = client.get(article.url).content.decode()
    tag = re.search(r'<script src="[^"]*readership/beacon\.js"[^>]*>', html).group(0)
    assert f'data-article="{article.pk}"' in tag and 'data-url="/reads/"' in tag
    assert "<script>" not in html
    policy = client.get(article.url)["Content-Security-Policy"]
    assert "connect-src 'self'" in policy  # sendBeacon and fetch are connections


def test_home_shows_the_edition_rail_in_its_language(client, news_site, english_edition, beacon):
    article = news_site.article("news", title="Bí thư Tỉnh ủy tiếp đoàn Saint Petersburg")
    _home, english_news = english_edition
    english = translate(article, "en", title="Party Secretary receives Saint Petersburg delegation")
    beacon(article)
    beacon(english)
    store.flush()

    vietnamese = client.get("/vi/").content.decode()
    assert "Đọc nhiều" in vietnamese and "24 giờ" in vietnamese and "7 ngày" in vietnamese
    rail = vietnamese[vietnamese.index('class="most-read"') :]
    assert "Bí thư Tỉnh ủy tiếp đoàn Saint Petersburg" in rail
    assert "Party Secretary" not in rail

    english_page = client.get("/en/").content.decode()
    rail = english_page[english_page.index('class="most-read"') :]
    assert "Most read" in rail and "24 hours" in rail and "7 days" in rail
    assert "Party Secretary receives Saint Petersburg delegation" in rail


def test_section_page_shows_its_own_rail_and_says_when_nothing_was_read(client, news_site, beacon):
    read = news_site.article("business", title="Khó khăn về vật liệu xây dựng")
    news_site.article("news", title="Tin chưa ai đọc")
    beacon(read)
    store.flush()
    html = client.get(news_site.sections["business"].url).content.decode()
    rail = html[html.index('class="most-read"') :]
    assert "Đọc nhiều trong Kinh tế" in rail
    assert "Khó khăn về vật liệu xây dựng" in rail
    empty = client.get(news_site.sections["culture"].url).content.decode()
    assert "Chưa có lượt đọc nào được ghi nhận" in empty


def test_the_rail_leaves_pages_cacheable(client, news_site, beacon, settings):
    settings.HOABAN_PAGE_CACHE = True
    article = news_site.article(title="Ngăn ngừa đuối nước trẻ em mùa lũ")
    beacon(article)
    for url in ("/vi/", news_site.sections["news"].url, article.url):
        response = client.get(url)
        assert not response.cookies, url
        assert "public" in response["Cache-Control"], url
        assert "Cookie" not in response.get("Vary", ""), url
