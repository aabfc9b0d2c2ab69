"""Share links on the article page: plain links, no third-party script."""

import re
from urllib.parse import parse_qs, urlsplit

from django.test import override_settings

from hoaban.articles.sharing import share_links

TITLE = "Lễ hội hoa ban 2026: rực rỡ sắc trắng Điện Biên"


def test_share_links_carry_the_address_and_title_encoded_for_each_network():
    url = "https://baodienbienphu.example/vi/tin-tuc/le-hoi-hoa-ban-2026/"
    links = {link.network: link.href for link in share_links(url=url, title=TITLE)}

    assert parse_qs(urlsplit(links["facebook"]).query) == {"u": [url]}
    assert parse_qs(urlsplit(links["zalo"]).query) == {"href": [url]}
    assert parse_qs(urlsplit(links["x"]).query) == {"url": [url], "text": [TITLE]}
    assert links["email"].startswith("mailto:?subject=L%E1%BB%85%20h%E1%BB%99i%20hoa%20ban")
    assert "+" not in links["email"]
    assert links["email"].endswith("body=" + url.replace(":", "%3A").replace("/", "%2F"))


@override_settings(HOABAN_PUBLIC_BASE_URL="https://baodienbienphu.example")
def test_article_page_shares_its_public_address_without_third_party_scripts(client, news_site):
    article = news_site.article("news", title=TITLE)

    page = client.get(article.url).content.decode()

    share = re.search(r'<section class="share".*?</section>', page, re.S).group(0)
    full_url = "https://baodienbienphu.example" + article.url
    assert f'data-url="{full_url}"' in share
    assert "https://www.facebook.com/sharer/sharer.php?u=https%3A%2F%2Fbaodienbienphu" in share
    assert "https://sp.zalo.me/share_to_zalo?" in share
    assert "https://x.com/intent/post?" in share
    assert "mailto:?subject=" in share
    assert "Sao chép liên kết" in share
    assert "Chia sẻ" in share
    scripts = re.findall(r"<script[^>]*\bsrc=\"([^\"]+)\"", page)
    assert "/static/js/share.js" in scripts
    assert all(src.startswith("/static/") for src in scripts)
    # CSP: no inline script besides JSON-LD data.
    inline = re.findall(r"<script(?![^>]*\bsrc=)([^>]*)>", page)
    assert all('type="application/ld+json"' in attributes for attributes in inline)
