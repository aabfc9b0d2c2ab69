"""One server, two sites: the newspaper at 127.0.0.1 and the national platform at localhost, each
with its own brand, menu, listings, search, feeds, sitemaps and API."""

import json
import urllib.request

from playwright.sync_api import expect

NEWSPAPER = "Báo Điện Biên Phủ"
PLATFORM = "Cổng Quảng bá Việt Nam"
PLATFORM_SECTIONS = [
    "Home",
    "News",
    "Political System",
    "Business",
    "Local",
    "Heritage",
    "Figure",
    "Product",
    "Videos",
]


def platform_url(live_site) -> str:
    return f"http://localhost:{live_site.port}"


def fetch(url: str) -> str:
    with urllib.request.urlopen(url) as response:
        return response.read().decode()


def test_each_host_shows_its_own_site(live_site, page):
    page.goto(f"{live_site.base_url}/en/")
    expect(page.locator(".masthead__name")).to_have_text(NEWSPAPER)
    expect(page.locator("body")).to_have_class("palette-bauhinia home")
    newspaper_menu = page.get_by_role("navigation", name="Sections").get_by_role("link")
    expect(newspaper_menu.nth(1)).to_have_text("News - Politics")

    page.goto(f"{platform_url(live_site)}/en/")
    expect(page.locator(".masthead__name")).to_have_text(PLATFORM)
    expect(page.locator(".masthead__logo")).to_be_visible()
    expect(page.locator("body")).to_have_class("palette-river home")
    menu = page.get_by_role("navigation", name="Sections").get_by_role("link")
    expect(menu).to_have_text(PLATFORM_SECTIONS)
    expect(page.locator(".footer__name")).to_have_text(PLATFORM)
    # The portal front page lists every section; the video one says it has nothing yet.
    videos = page.locator(".section-block", has=page.get_by_role("heading", name="Videos"))
    expect(videos).to_contain_text("No videos available")


def test_reader_surfaces_belong_to_the_host_they_were_asked_on(live_site):
    platform = platform_url(live_site)
    newspaper_rss = fetch(f"{live_site.base_url}/vi/feeds/rss.xml")
    assert "Trần Quốc Cường" in newspaper_rss
    platform_rss = fetch(f"{platform}/vi/feeds/rss.xml")
    assert PLATFORM in platform_rss
    assert live_site.base_url not in platform_rss

    sitemap = fetch(f"{platform}/sitemap.xml")
    assert f"{platform}/sitemap-vi.xml" in sitemap
    assert live_site.base_url not in sitemap
    assert f"{platform}/sitemap.xml" in fetch(f"{platform}/robots.txt")

    newspaper_api = json.loads(fetch(f"{live_site.base_url}/api/v1/articles/?limit=50"))
    platform_api = json.loads(fetch(f"{platform}/api/v1/articles/?limit=50"))
    newspaper_ids = {item["id"] for item in newspaper_api["items"]}
    platform_ids = {item["id"] for item in platform_api["items"]}
    assert newspaper_ids and not newspaper_ids & platform_ids

    search = fetch(f"{platform}/vi/search/?q=tran+quoc+cuong")
    newspaper_search = fetch(f"{live_site.base_url}/vi/search/?q=tran+quoc+cuong")
    assert live_site.base_url not in search
    assert "/vi/tin-tuc-chinh-tri/" in newspaper_search
    assert "/vi/tin-tuc-chinh-tri/" not in search
