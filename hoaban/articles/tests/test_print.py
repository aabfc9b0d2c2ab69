"""The printed copy of an article names the address it came from and its date."""

import re
from pathlib import Path

from django.conf import settings
from django.test import override_settings

SITE_CSS = Path(settings.BASE_DIR) / "hoaban" / "static" / "css" / "site.css"


@override_settings(HOABAN_PUBLIC_BASE_URL="https://baodienbienphu.example")
def test_article_carries_its_public_address_and_date_for_print(client, news_site):
    article = news_site.article("news", title="Tuần văn hóa du lịch Điện Biên Phủ")

    page = client.get(article.url).content.decode()

    printed = re.search(r'<p class="print-source">(.*?)</p>', page).group(1)
    assert printed == f"Xem tại: https://baodienbienphu.example{article.url}"
    assert '<p class="story__meta"><time datetime="' in page


def test_print_stylesheet_leaves_out_navigation_rails_sharing_and_the_comment_form():
    css = SITE_CSS.read_text()
    print_rules = css[css.index("@media print") :]
    hidden = re.search(r"([^{}]*)\{\s*display:\s*none !important;", print_rules).group(1)
    for selector in (".sections-nav", ".article-layout__rail", ".related", ".share"):
        assert selector in hidden
    assert ".comment-form" in hidden
    assert ".print-source { display: block;" in print_rules
