import pytest
from wagtail.images.tests.utils import get_test_image_file_jpeg

from hoaban.images.models import NewsImage


@pytest.fixture
def photo(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    return NewsImage.objects.create(
        title="Đoàn công tác tỉnh Điện Biên tại Saint Petersburg",
        caption="Lễ ký kết thỏa thuận hợp tác",
        file=get_test_image_file_jpeg("dien-bien.jpg", size=(1600, 1000)),
    )
