import re
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

pytestmark = pytest.mark.news_site_per_module


def _titles(html, css_class):
    pattern = rf'class="{css_class}"><a href="[^"]+">([^<]+)</a>'
    return re.findall(pattern, html)


def test_home_lists_recent_news_newest_first_with_section_labels(client, news_site):
    now = timezone.now()
    news_site.article("business", title="Vốn tín dụng cho hộ nghèo", date=now - timedelta(days=3))
    news_site.article("news", title="Đoàn Saint Petersburg thăm Điện Biên", date=now)
    news_site.article("culture", title="Lễ hội Hoa Ban 2025", date=now - timedelta(days=1))
    news_site.article("news", title="Bài cũ nhất", date=now - timedelta(days=9))

    html = client.get("/vi/").content.decode()

    rail = html[html.index('id="recent-news-title"') :]
    titles = _titles(rail, "recent-news__title")
    # The newest story leads the page; the rail follows with the rest, newest first.
    assert titles == ["Lễ hội Hoa Ban 2025", "Vốn tín dụng cho hộ nghèo", "Bài cũ nhất"]
    assert "VĂN HÓA - DU LỊCH" in rail
    assert "KINH TẾ" in rail
    lead = html[html.index('class="lead-story"') : html.index('id="recent-news-title"')]
    assert "Đoàn Saint Petersburg thăm Điện Biên" in lead


def test_home_shows_a_block_per_section_and_the_navigation(client, news_site):
    news_site.article("business", title="Khó khăn về vật liệu xây dựng")
    html = client.get("/vi/").content.decode()
    assert 'class="section-block__title"' in html
    assert re.search(r'<a href="/vi/kinh-te/">Kinh tế</a></h2>', html)
    nav = html[
        html.index('class="sections-nav"') : html.index("</nav>", html.index("sections-nav"))
    ]
    for title in ("Tin tức - Chính trị", "Kinh tế", "Văn hóa - Du lịch", "Video"):
        assert title in nav


def test_empty_home_says_there_are_no_articles_yet(client, news_site):
    html = client.get("/vi/").content.decode()
    assert "Chưa có bài viết" in html


def _count_queries(client, url):
    client.get(url)  # warm the renditions and the sites' root paths
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


@pytest.mark.usefixtures("uncached_renders")
def test_home_query_count_does_not_grow_with_the_archive(client, news_site):
    for index in range(3):
        news_site.article(["news", "business", "culture"][index % 3])
    few = _count_queries(client, "/vi/")
    for index in range(30):
        news_site.article(["news", "business", "culture"][index % 3], tags=["Điện Biên"])
    many = _count_queries(client, "/vi/")
    assert many == few <= 10  # lowered as the render got cheaper: keep it tight


def test_a_portal_front_page_shows_every_section_and_says_which_are_empty(client, news_site):
    home = news_site.home
    home.layout = home.Layout.PORTAL
    home.save_revision().publish()
    news_site.article("business", title="Tín dụng ưu đãi cho hộ nghèo Mường Chà")

    html = client.get("/vi/").content.decode()

    blocks = re.findall(r'class="section-block__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)
    assert blocks == ["Tin tức - Chính trị", "Kinh tế", "Văn hóa - Du lịch", "Video"]
    assert html.count("Chưa có dữ liệu") == 2  # news and culture have no story yet
    assert "Chưa có video" in html
    assert "Tín dụng ưu đãi cho hộ nghèo Mường Chà" in html


def test_a_newspaper_front_page_leaves_empty_sections_out(client, news_site):
    news_site.article("business", title="Tín dụng ưu đãi cho hộ nghèo Mường Chà")
    html = client.get("/vi/").content.decode()
    blocks = re.findall(r'class="section-block__title"[^>]*><a href="[^"]+">([^<]+)</a>', html)
    assert blocks == ["Kinh tế"]
    assert "Chưa có dữ liệu" not in html


def test_the_site_palette_and_logo_reach_the_masthead(client, news_site):
    from wagtail.images.tests.utils import get_test_image_file
    from wagtail.models import Site

    from hoaban.core.models import NewsroomSettings
    from hoaban.images.models import NewsImage

    logo = NewsImage.objects.create(title="Biểu trưng", file=get_test_image_file())
    NewsroomSettings.objects.update_or_create(
        site=Site.objects.get(is_default_site=True), defaults={"palette": "river", "logo": logo}
    )
    html = client.get("/vi/").content.decode()
    assert '<body class="palette-river home">' in html
    assert 'class="masthead__logo"' in html
    assert "✿" not in html
