import pytest
from wagtail.images.tests.utils import get_test_image_file_jpeg
from wagtail.models import Locale

from hoaban.images.models import NewsImage, PhotoText


def news_photo(title, caption="", **fields):
    return NewsImage.objects.create(
        title=title,
        caption=caption,
        file=get_test_image_file_jpeg("anh.jpg", size=(1600, 1000)),
        **fields,
    )


def photo_text(image, code, alt, caption="", **fields):
    locale, _created = Locale.objects.get_or_create(language_code=code)
    return PhotoText.objects.create(image=image, locale=locale, alt=alt, caption=caption, **fields)


@pytest.fixture
def photos(settings, tmp_path, db):
    """The khèn given as a gift (with English words) and the Russian class (none of its own)."""
    settings.MEDIA_ROOT = tmp_path
    khen = news_photo(
        "Chiếc khèn Mông tặng đoàn Saint Petersburg",
        "Bí thư Tỉnh ủy Trần Quốc Cường tặng chiếc khèn cho đoàn.",
        credit="Ảnh: Quang Hưng",
    )
    photo_text(
        khen,
        "en",
        "A Mông khèn given to the Saint Petersburg delegation",
        "Party Secretary Trần Quốc Cường gives the delegation a khèn.",
    )
    lop_hoc = news_photo(
        "Lớp học tiếng Nga của học sinh dân tộc thiểu số",
        "Học sinh 19 dân tộc học tiếng Nga tại Điện Biên.",
    )
    return khen, lop_hoc
