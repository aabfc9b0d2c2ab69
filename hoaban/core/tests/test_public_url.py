"""Every absolute URL a reader, crawler or API client is given starts with the one configured
public address, whatever host and scheme the request came in on."""

import json
import re
from urllib.parse import quote

import pytest
from lxml import etree, html

from hoaban.core.public_url import normalised_base_url
from hoaban.images.models import NewsImage

PUBLIC = "https://baodienbienphu.example"
SHARE_HOSTS = ("https://www.facebook.com/", "https://sp.zalo.me/", "https://x.com/")
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


@pytest.fixture
def story(news_site, settings, tmp_path):
    from wagtail.images.tests.utils import get_test_image_file_jpeg

    settings.MEDIA_ROOT = tmp_path
    settings.HOABAN_PUBLIC_BASE_URL = PUBLIC
    photo = NewsImage.objects.create(
        title="Hoa ban nở trắng đồi Him Lam",
        file=get_test_image_file_jpeg("hoa-ban.jpg", size=(1600, 1000)),
    )
    return news_site.article(
        "news",
        title="Điện Biên Phủ đón hàng nghìn du khách dịp Lễ hội Hoa Ban",
        lead="Lễ hội Hoa Ban năm nay thu hút du khách từ Hà Nội và Sài Gòn.",
        lead_image=photo,
        tags=["Du lịch"],
    )


def all_urls(text: str) -> set[str]:
    return set(re.findall(r"https?://[^\s\"'<>]+", text))


def test_article_head_links_and_structured_data_use_the_public_address(client, story):
    page = client.get(story.url, HTTP_HOST="127.0.0.1:9000").content.decode()
    tree = html.fromstring(page)

    assert tree.xpath('//link[@rel="canonical"]/@href') == [PUBLIC + story.url]
    assert tree.xpath('//meta[@property="og:url"]/@content') == [PUBLIC + story.url]
    assert tree.xpath('//meta[@property="og:image"]/@content')[0].startswith(PUBLIC + "/media/")
    for script in tree.xpath('//script[@type="application/ld+json"]'):
        article = json.loads(script.text)["@graph"][0]
        assert article["mainEntityOfPage"] == PUBLIC + story.url
    # Share links point at the networks' own pages and carry the article's public address.
    shares = set(tree.xpath("//section[@data-share]//a/@href"))
    assert shares and all(quote(PUBLIC + story.url, safe="") in url for url in shares), shares
    own = {
        url
        for url in all_urls(page)
        if "schema.org" not in url and "w3.org" not in url and not url.startswith(SHARE_HOSTS)
    }
    assert own and all(url.startswith(PUBLIC + "/") for url in own), own


def test_sitemaps_and_robots_list_public_addresses(client, story, english_edition):
    index = etree.fromstring(client.get("/sitemap.xml").content)
    sitemaps = [loc.text for loc in index.iter(f"{SITEMAP}loc")]
    assert sitemaps and all(url.startswith(PUBLIC + "/sitemap-") for url in sitemaps)

    pages = etree.fromstring(client.get("/sitemap-vi.xml").content)
    assert PUBLIC + story.url in [loc.text for loc in pages.iter(f"{SITEMAP}loc")]
    alternates = pages.xpath("//*[local-name()='link']/@href")
    assert alternates and all(url.startswith(PUBLIC + "/") for url in alternates)

    robots = client.get("/robots.txt").content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots


def test_feed_links_and_enclosures_use_the_public_address(client, story):
    channel = etree.fromstring(client.get("/vi/feeds/rss.xml").content).find("channel")
    item = channel.find("item")
    assert channel.findtext("link") == PUBLIC + "/vi/"
    assert item.findtext("link") == PUBLIC + story.url
    assert item.find("enclosure").get("url").startswith(PUBLIC + "/media/images/")
    self_link = channel.find("{http://www.w3.org/2005/Atom}link")
    assert self_link.get("href") == PUBLIC + "/vi/feeds/rss.xml"


def test_api_article_and_image_urls_use_the_public_address(client, story):
    data = client.get("/api/v1/articles/?fields=title,url,image&limit=1&locale=vi").json()
    article = data["items"][0]
    assert article["url"] == PUBLIC + story.url
    assert article["image"]["url"].startswith(PUBLIC + "/media/images/")


@pytest.mark.parametrize(
    ("given", "expected"),
    [
        ("https://BaoDienBienPhu.example/", "https://baodienbienphu.example"),
        ("https://baodienbienphu.example:443", "https://baodienbienphu.example"),
        ("http://127.0.0.1:8000", "http://127.0.0.1:8000"),
    ],
)
def test_public_base_url_is_normalised_to_scheme_host_and_port(given, expected):
    assert normalised_base_url(given) == expected


@pytest.mark.parametrize(
    "given", ["baodienbienphu.example", "ftp://baodienbienphu.example", "https://x.example/vi/"]
)
def test_public_base_url_that_is_not_an_origin_is_refused(given):
    with pytest.raises(ValueError, match=re.escape(repr(given))):
        normalised_base_url(given)


@pytest.fixture
def platform(news_site, settings):
    """A second site on the same install, at its own host name."""
    from wagtail.models import Locale, Page, Site

    from hoaban.home.models import HomePage

    settings.HOABAN_PUBLIC_BASE_URL = PUBLIC
    home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title="Cổng Quảng bá Việt Nam",
            slug="platform-vi",
            locale=Locale.objects.get(language_code="vi"),
        )
    )
    return Site.objects.create(hostname="quangba.example", port=8000, root_page=home)


def test_each_site_has_its_own_address_on_the_servers_scheme_and_port(
    news_site, platform, settings
):
    from wagtail.models import Site

    from hoaban.core.public_url import page_full_url, public_base_url

    newspaper = Site.objects.get(is_default_site=True)
    assert public_base_url(newspaper) == PUBLIC
    # The Site record's port is for matching requests; the address is where the servers are.
    assert public_base_url(platform) == "https://quangba.example"
    settings.HOABAN_PUBLIC_BASE_URL = "http://127.0.0.1:8123"
    assert public_base_url(platform.pk) == "http://quangba.example:8123"
    assert page_full_url(platform.root_page) == "http://quangba.example:8123/vi/"
    assert public_base_url() == "http://127.0.0.1:8123"  # no request: the default site


def test_a_request_builds_full_urls_on_its_own_sites_address(client, news_site, platform):
    page = client.get("/robots.txt", HTTP_HOST="quangba.example")
    assert "https://quangba.example/sitemap.xml" in page.content.decode()
    assert PUBLIC not in page.content.decode()
    page = client.get("/robots.txt")
    assert f"{PUBLIC}/sitemap.xml" in page.content.decode()
