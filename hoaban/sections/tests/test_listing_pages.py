"""Section and tag listings as readers and browsers load them: the first photo is fetched at
once (it is the largest thing on screen), and a page number past the end is not found."""

import re

import pytest
from wagtail.images.tests.utils import get_test_image_file_jpeg

from hoaban.images.models import NewsImage


@pytest.fixture
def illustrated(news_site, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    settings.HOABAN_PAGE_SIZE = 2
    photo = NewsImage.objects.create(
        title="Hoa ban nở trắng đồi Him Lam",
        file=get_test_image_file_jpeg("hoa-ban.jpg", size=(1280, 720)),
    )
    return [
        news_site.article("culture", lead_image=photo, tags=["Du lịch"], title=title)
        for title in (
            "Lễ hội Hoa Ban 2025 khai mạc tại Điện Biên Phủ",
            "Du khách check-in đồi hoa ban Him Lam",
            "Nghệ nhân Thái trình diễn xòe tại lễ hội",
        )
    ]


def card_images(html: str) -> list[str]:
    return re.findall(r'<a class="card__image"[^>]*>\s*(<img[^>]*>)', html)


@pytest.mark.parametrize("url", ["/vi/van-hoa-du-lich/", "/vi/tags/du-lich/"])
def test_first_card_photo_is_fetched_eagerly_and_the_rest_lazily(client, illustrated, url):
    images = card_images(client.get(url).content.decode())
    assert len(images) == 2
    assert 'loading="lazy"' not in images[0]
    assert 'fetchpriority="high"' in images[0]
    assert 'loading="lazy"' in images[1]


@pytest.mark.parametrize("url", ["/vi/van-hoa-du-lich/", "/vi/tags/du-lich/"])
def test_page_number_past_the_last_page_is_not_found(client, illustrated, url):
    assert client.get(f"{url}?page=2").status_code == 200
    assert client.get(f"{url}?page=99").status_code == 404
