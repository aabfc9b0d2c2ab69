import io

import pytest
from django.core.files.images import ImageFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from PIL import Image as PILImage

from hoaban.images.models import NewsImage
from hoaban.people.models import Person

pytestmark = pytest.mark.news_site_per_module


def _photo(title, caption="", credit=""):
    buffer = io.BytesIO()
    PILImage.new("RGB", (1200, 675), (143, 29, 63)).save(buffer, format="JPEG")
    image = NewsImage(title=title, caption=caption, credit=credit)
    image.file = ImageFile(buffer, name="anh.jpg")
    image.save()
    return image


def test_article_shows_dateline_byline_captions_tags_and_date(client, news_site):
    photo = _photo(
        "Lớp học tiếng Nga", caption="Lớp học tiếng Nga ở Điện Biên.", credit="Ảnh: Hoàng Lâm"
    )
    article = news_site.article(
        "news",
        title="Bí thư Tỉnh ủy Trần Quốc Cường tiếp đoàn Saint Petersburg",
        lead="Chiều 13/3, Bí thư Tỉnh ủy tiếp đoàn công tác thành phố Saint Petersburg.",
        author=Person.objects.create(name="Quang Hưng"),
        body=[
            {"type": "paragraph", "value": "<p>Hai bên trao đổi về nông nghiệp và du lịch.</p>"},
            {"type": "image", "value": {"image": photo.pk, "caption": ""}},
        ],
        tags=["Điện Biên", "Saint Petersburg"],
    )
    html = client.get(article.url).content.decode()

    assert '<strong class="dateline">ĐBP -</strong> Chiều 13/3' in html
    assert "Lớp học tiếng Nga ở Điện Biên." in html  # the image's own caption
    assert "Ảnh: Hoàng Lâm" in html
    assert (
        '<p class="byline"><a rel="author" href="/vi/authors/quang-hung/">Quang Hưng</a></p>'
        in html
    )
    assert 'href="/vi/tags/dien-bien/"' in html
    assert "TIN TỨC - CHÍNH TRỊ" in html
    assert 'srcset="' in html and 'width="' in html and 'height="' in html
    assert "Nguồn:" not in html


def test_syndicated_article_links_to_its_source(client, news_site):
    article = news_site.article(
        "news",
        source_name="Cổng Thông tin điện tử tỉnh Điện Biên",
        source_url="https://dienbien.gov.vn/portal/Pages/2025-4-20/lam-viec.aspx",
    )
    html = client.get(article.url).content.decode()
    assert "Nguồn:" in html
    assert 'href="https://dienbien.gov.vn/portal/Pages/2025-4-20/lam-viec.aspx"' in html
    assert "Cổng Thông tin điện tử tỉnh Điện Biên</a>" in html


def test_republished_article_names_the_original_and_the_outlet_it_came_through(client, news_site):
    article = news_site.article(
        "news",
        source_name="Cổng Thông tin điện tử tỉnh Điện Biên",
        source_url="https://dienbien.gov.vn/portal/Pages/2025-3-13/hop-tac.aspx",
        source_via_name="Thông tin đối ngoại",
        source_via_url="https://thongtindoingoai.vn/bai-viet/hop-tac-5501.html",
    )
    html = client.get(article.url).content.decode()
    source = html.index("Nguồn:")
    via = html.index(
        'qua <a href="https://thongtindoingoai.vn/bai-viet/hop-tac-5501.html" '
        'rel="noopener external">Thông tin đối ngoại</a>'
    )
    assert source < via


def test_article_shows_recent_news_and_related_articles_by_tag(client, news_site):
    article = news_site.article("news", title="Hợp tác với Saint Petersburg", tags=["Nga"])
    news_site.article("business", title="Doanh nghiệp Nga tìm hiểu Điện Biên", tags=["Nga"])
    news_site.article("culture", title="Lễ hội không liên quan")
    html = client.get(article.url).content.decode()
    related = html[html.index('id="related-title"') :]
    assert "Doanh nghiệp Nga tìm hiểu Điện Biên" in related
    assert "Lễ hội không liên quan" not in related
    rail = html[html.index('id="recent-news-title"') : html.index('id="related-title"')]
    assert "Lễ hội không liên quan" in rail
    assert "Hợp tác với Saint Petersburg</a>" not in rail  # not listed beside itself


def test_video_article_embeds_its_player_without_calling_the_provider(client, news_site):
    article = news_site.article("culture", video_url="https://www.youtube.com/watch?v=hoaBan2025a")
    html = client.get(article.url).content.decode()
    assert 'src="https://www.youtube-nocookie.com/embed/hoaBan2025a"' in html


def test_tag_page_lists_the_tagged_articles_of_the_edition(client, news_site):
    news_site.article("news", title="Tin có thẻ Điện Biên", tags=["Điện Biên"])
    news_site.article("news", title="Tin không có thẻ")
    html = client.get("/vi/tags/dien-bien/").content.decode()
    assert "Tin có thẻ Điện Biên" in html
    assert "Tin không có thẻ" not in html
    assert client.get("/vi/tags/khong-ton-tai/").status_code == 404


def test_unknown_page_gets_the_sites_404_page(client, news_site):
    response = client.get("/vi/khong-co-trang-nay/")
    assert response.status_code == 404
    assert 'class="sections-nav"' in response.content.decode()


def test_draft_article_is_not_served(client, news_site):
    article = news_site.article("news", title="Bản nháp", publish=False)
    assert client.get(f"/vi/tin-tuc-chinh-tri/{article.slug}/").status_code == 404


@pytest.mark.usefixtures("uncached_renders")
def test_article_query_count_does_not_grow_with_the_archive(client, news_site):
    article = news_site.article("news", tags=["Điện Biên"])
    for _ in range(3):
        news_site.article("news", tags=["Điện Biên"])
    client.get(article.url)  # warm the renditions and the sites' root paths
    with CaptureQueriesContext(connection) as few:
        client.get(article.url)
    for _ in range(30):
        news_site.article("news", tags=["Điện Biên"])
    client.get(article.url)  # publishing clears cached site paths; warm again
    with CaptureQueriesContext(connection) as many:
        client.get(article.url)
    assert len(many) == len(few) <= 18  # lowered as the render got cheaper: keep it tight
