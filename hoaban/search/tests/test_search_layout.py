"""The search page as a reader sees it: photos beside the results, both search forms told
apart by assistive technology, and the other editions' search keeping the words typed."""

import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from lxml import html
from wagtail.images.tests.utils import get_test_image_file_jpeg

from hoaban.images.models import NewsImage

pytestmark = pytest.mark.news_site_per_module


@pytest.fixture
def results(news_site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    photo = NewsImage.objects.create(
        title="Hoa ban nở trắng đồi Him Lam",
        file=get_test_image_file_jpeg("hoa-ban.jpg", size=(1280, 720)),
    )
    for n in range(3):
        news_site.article("culture", title=f"Mùa hoa ban Điện Biên, phóng sự {n}", lead_image=photo)
    news_site.article("news", title="Hoa ban trên đường Võ Nguyên Giáp")


def test_results_with_a_photo_show_its_thumbnail_and_the_others_take_the_full_width(
    client, results
):
    page = html.fromstring(client.get("/vi/search/", {"q": "hoa ban"}).content)
    items = page.xpath('//ol[contains(@class, "search-results")]/li')
    assert len(items) == 4
    with_photo = [item for item in items if item.xpath('.//a[@class="card__image"]/img')]
    assert len(with_photo) == 3
    assert all(item.xpath(".//img/@srcset") for item in with_photo)
    text_only = [item for item in items if item not in with_photo]
    assert all("card--text" in item.get("class") for item in text_only)


def test_thumbnails_cost_no_query_per_result(client, results):
    client.get("/vi/search/", {"q": "hoa ban"})  # renditions made once
    with CaptureQueriesContext(connection) as captured:
        client.get("/vi/search/", {"q": "hoa ban"})
    renditions = [q for q in captured if "rendition" in q["sql"].lower()]
    assert len(renditions) <= 1


def test_each_search_landmark_has_its_own_name(client, results):
    page = html.fromstring(client.get("/vi/search/", {"q": "hoa ban"}).content)
    names = []
    for form in page.xpath('//*[@role="search"]'):
        label = form.get("aria-label")
        if label is None:
            label = page.get_element_by_id(form.get("aria-labelledby")).text_content()
        names.append(label.strip())
    assert len(names) == 2 and all(names) and len(set(names)) == 2, names


def test_language_switcher_keeps_the_search_words(client, results):
    page = client.get("/vi/search/", {"q": "hoa ban", "date_from": "2024-01-01", "page": "1"})
    nav = re.search(r'<nav class="languages".*?</nav>', page.content.decode(), re.S).group(0)
    assert 'href="/en/search/?q=hoa+ban&amp;date_from=2024-01-01"' in nav
    assert 'href="/ru/search/?q=hoa+ban&amp;date_from=2024-01-01"' in nav
